package io.unistore.mcp;

import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Table entities in JSON, defined once for every tool and resource.
 *
 * <pre>
 * {"partitionKey": "p1", "rowKey": "r1", "etag": "...", "timestamp": "...",
 *  "properties": {"Name": "Ada", "Age": 36, "Score": 9.5, "Active": true,
 *                 "Big": {"type": "Int64", "value": "9007199254740993"},
 *                 "Born": {"type": "DateTime", "value": "1815-12-10T00:00:00Z"}}}
 * </pre>
 *
 * <p>Plain JSON stands for String (string), Boolean (boolean), Int32 (integer within 32 bits) and Double
 * (number with a fraction). Every other value is written {@code {"type": T, "value": V}} with T one of
 * String, Int32, Int64, Double, Boolean, DateTime, Binary, Guid (or their {@code Edm.*} names): Int64 as a
 * decimal string, DateTime as ISO-8601, Binary as base64, Guid as text, Double as a string when integral or
 * not finite ("2.0", "NaN", "Infinity"). Output uses the plain form wherever it is unambiguous, so every
 * {@link PropertyType} round-trips exactly.
 */
final class EntityJson {
    static final List<String> TYPE_NAMES = List.of("String", "Int32", "Int64", "Double", "Boolean", "DateTime",
            "Binary", "Guid");

    private EntityJson() {
    }

    /** The JSON form of an entity. */
    static Map<String, Object> toJson(TableEntity e) {
        Map<String, Object> properties = new LinkedHashMap<>();
        e.properties().forEach((k, v) -> properties.put(k, value(v)));
        return Out.of().put("partitionKey", e.partitionKey()).put("rowKey", e.rowKey()).put("etag", e.etag())
                .put("timestamp", e.timestamp()).put("properties", properties).build();
    }

    /** The JSON form of one property value. */
    static Object value(Object v) {
        return switch (PropertyType.of(v)) {
            case STRING, BOOLEAN, INT32 -> v;
            case DOUBLE -> {
                double d = (Double) v;
                yield Double.isFinite(d) && d != Math.rint(d) ? v : typed("Double", Double.toString(d));
            }
            case INT64 -> typed("Int64", v.toString());
            case DATETIME -> typed("DateTime", v.toString());
            case BINARY -> typed("Binary", Base64.getEncoder().encodeToString((byte[]) v));
            case GUID -> typed("Guid", v.toString());
        };
    }

    private static Map<String, Object> typed(String type, String value) {
        return Map.of("type", type, "value", value);
    }

    /**
     * Reads an entity argument: {@code partitionKey}, {@code rowKey} and {@code properties}.
     *
     * @param argument the argument's name, for messages (e.g. {@code entity} or {@code entities[2]})
     */
    static TableEntity fromJson(Map<String, Object> json, String argument) {
        Object pk = json.get("partitionKey");
        Object rk = json.get("rowKey");
        if (!(pk instanceof String)) {
            throw StorageException.invalidArgument(argument + ".partitionKey", "is required (a string)");
        }
        if (!(rk instanceof String)) {
            throw StorageException.invalidArgument(argument + ".rowKey", "is required (a string)");
        }
        TableEntity.Builder b = TableEntity.builder((String) pk, (String) rk);
        Object props = json.get("properties");
        if (props instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                b.put(name, parseValue(e.getValue(), argument + ".properties." + name));
            }
        } else if (props != null) {
            throw StorageException.invalidArgument(argument + ".properties", "must be an object of property values");
        }
        return b.build();
    }

    /** One property value from its JSON form. */
    static Object parseValue(Object v, String where) {
        if (v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
            long l = ((Number) v).longValue();
            if (v instanceof java.math.BigInteger big && big.bitLength() > 63) {
                throw StorageException.invalidArgument(where, "integer " + v + " does not fit in Int64");
            }
            if (l == (int) l) {
                return Integer.valueOf((int) l);
            }
            return Long.valueOf(l);
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            return parseTyped(m, where);
        }
        throw StorageException.invalidArgument(where, v == null ? "null is not a value; leave the property out"
                : "must be a string, number, boolean or {\"type\": ..., \"value\": ...}");
    }

    private static Object parseTyped(Map<?, ?> m, String where) {
        if (!m.containsKey("type") || !m.containsKey("value") || m.size() != 2) {
            throw StorageException.invalidArgument(where, "a typed value is exactly {\"type\": one of "
                    + TYPE_NAMES + ", \"value\": ...}");
        }
        PropertyType type;
        try {
            type = PropertyType.parse(String.valueOf(m.get("type")));
        } catch (StorageException e) {
            throw StorageException.invalidArgument(where + ".type", "must be one of " + TYPE_NAMES
                    + " (or Edm.*), was '" + m.get("type") + "'");
        }
        Object value = m.get("value");
        String text = value == null ? null : value.toString();
        if (text == null) {
            throw StorageException.invalidArgument(where + ".value", "is required");
        }
        try {
            return switch (type) {
                case STRING -> text;
                case INT32 -> Integer.parseInt(text);
                case INT64 -> Long.parseLong(text);
                case DOUBLE -> Double.parseDouble(text);
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new IllegalArgumentException("must be true or false");
                    }
                    yield Boolean.parseBoolean(text);
                }
                case DATETIME -> parseInstant(text);
                case BINARY -> Base64.getDecoder().decode(text);
                case GUID -> UUID.fromString(text);
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw StorageException.invalidArgument(where + ".value", "'" + text + "' is not a valid "
                    + TYPE_NAMES.get(type.ordinal()) + " (" + e.getMessage() + ")");
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    /** The schema of one property value: plain JSON or the typed form. */
    static Map<String, Object> valueSchema() {
        return Map.of("anyOf", List.of(
                Map.of("type", "string"), Map.of("type", "number"), Map.of("type", "boolean"),
                Map.of("type", "object", "additionalProperties", false, "required", List.of("type", "value"),
                        "properties", Map.of(
                                "type", Map.of("type", "string", "description", "One of " + TYPE_NAMES
                                        + " or their Edm.* names"),
                                "value", Map.of("type", List.of("string", "number", "boolean"))))));
    }

    private static Map<String, Object> propertiesSchema() {
        return Map.of("type", "object", "description", "Property values: plain JSON for String, Boolean, Int32 "
                + "and fractional Double; {\"type\": \"Int64\"|\"DateTime\"|\"Binary\"|\"Guid\"|\"Double\"|..., "
                + "\"value\": \"...\"} for the others", "additionalProperties", valueSchema());
    }

    /** The schema of an entity argument; {@code extra} adds per-item keys (such as a batch action). */
    static Map<String, Object> inputSchema(String description, Map<String, Map<String, Object>> extra,
                                           List<String> extraRequired) {
        ToolSchema.ObjectBuilder b = ToolSchema.object().description(description)
                .required("partitionKey", Args.PARTITION_KEY).required("rowKey", Args.ROW_KEY)
                .optional("properties", propertiesSchema());
        extra.forEach((k, v) -> {
            if (extraRequired.contains(k)) {
                b.required(k, v);
            } else {
                b.optional(k, v);
            }
        });
        return b.build();
    }

    /** The schema of an entity in results. */
    static Map<String, Object> outputSchema() {
        return ToolSchema.object()
                .required("partitionKey", ToolSchema.string("PartitionKey"))
                .required("rowKey", ToolSchema.string("RowKey"))
                .required("etag", ToolSchema.nullable(ToolSchema.string("ETag; pass it as ifMatch to update only "
                        + "an unchanged entity")))
                .required("timestamp", ToolSchema.nullable(ToolSchema.string("When the service last wrote it")))
                .required("properties", propertiesSchema()).build();
    }
}
