package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/**
 * Table entities in JSON, the one mapping of Unistore: table backups (one entity per NDJSON line) and the MCP
 * server's tools and resources use it, so what a tool shows is what a backup holds.
 *
 * <pre>
 * {"partitionKey": "p1", "rowKey": "r1", "etag": "...", "timestamp": "2026-01-31T12:00:00.123456789Z",
 *  "properties": {"Name": "Ada", "Age": 36, "Score": 9.5, "Active": true,
 *                 "Big": {"type": "Int64", "value": "9007199254740993"},
 *                 "Born": {"type": "DateTime", "value": "1815-12-10T00:00:00Z"}}}
 * </pre>
 *
 * <p>Plain JSON stands for String (string), Boolean (boolean), Int32 (integer within 32 bits) and Double
 * (number with a fraction). Every other value is written {@code {"type": T, "value": V}} with T one of
 * {@link #TYPE_NAMES} (their {@code Edm.*} and upper-case names are read too): Int64 as a decimal string (JSON
 * readers that use doubles would lose digits beyond 2^53), DateTime as ISO-8601 with up to nine fraction
 * digits, Binary as standard base64, Guid as text, Double as a string when integral or not finite ("2.0",
 * "NaN", "Infinity"). Output uses the plain form wherever it is unambiguous, so every {@link PropertyType}
 * round-trips exactly. {@code etag} and {@code timestamp} are the service's, informational on input.
 *
 * <p>Backups written before this mapping was shared used {@code PartitionKey}, {@code RowKey} and
 * {@code Timestamp} and typed every value ({@code {"type": "INT32", "value": 42}}): they are still read.
 */
public final class EntityJson {
    /** The type names written, in {@link PropertyType} order. */
    public static final List<String> TYPE_NAMES = List.of("String", "Int32", "Int64", "Double", "Boolean",
            "DateTime", "Binary", "Guid");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EntityJson() {
    }

    /** The JSON object of an entity (keys in order; {@code etag} and {@code timestamp} may be null). */
    public static Map<String, Object> toJson(TableEntity e) {
        Map<String, Object> properties = new LinkedHashMap<>();
        e.properties().forEach((k, v) -> properties.put(k, value(v)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partitionKey", e.partitionKey());
        json.put("rowKey", e.rowKey());
        json.put("etag", e.etag());
        json.put("timestamp", e.timestamp() == null ? null : e.timestamp().toString());
        json.put("properties", properties);
        return json;
    }

    /** The JSON form of one property value. */
    public static Object value(Object v) {
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("value", value);
        return m;
    }

    /** One NDJSON line (without the newline). */
    public static String toLine(TableEntity entity) {
        return Json.MAPPER.writeValueAsString(toJson(entity));
    }

    /**
     * Reads one NDJSON line.
     *
     * @throws StorageException INVALID_ARGUMENT naming what is wrong
     */
    public static TableEntity fromLine(String line) {
        Map<String, Object> json;
        try {
            json = Json.MAPPER.readValue(line, MAP);
        } catch (RuntimeException e) {
            throw StorageException.invalidArgument("entity line", "is not a JSON object");
        }
        return fromJson(json, "entity");
    }

    /**
     * Reads an entity: {@code partitionKey}, {@code rowKey} and {@code properties}.
     *
     * @param argument the argument's name, for messages (e.g. {@code entity} or {@code entities[2]})
     * @throws StorageException INVALID_ARGUMENT naming the field and the rule
     */
    public static TableEntity fromJson(Map<String, ?> json, String argument) {
        Object pk = either(json, "partitionKey", TableEntity.PARTITION_KEY);
        Object rk = either(json, "rowKey", TableEntity.ROW_KEY);
        if (!(pk instanceof String)) {
            throw StorageException.invalidArgument(argument + ".partitionKey", "is required (a string)");
        }
        if (!(rk instanceof String)) {
            throw StorageException.invalidArgument(argument + ".rowKey", "is required (a string)");
        }
        TableEntity.Builder b = TableEntity.builder((String) pk, (String) rk);
        if (either(json, "timestamp", TableEntity.TIMESTAMP) instanceof String ts) {
            b.timestamp(parseInstant(ts, argument + ".timestamp"));
        }
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

    private static Object either(Map<String, ?> json, String name, String oldName) {
        Object v = json.get(name);
        return v != null ? v : json.get(oldName);
    }

    /** One property value from its JSON form. */
    public static Object parseValue(Object v, String where) {
        if (v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            if (v instanceof BigInteger big && big.bitLength() > 63) {
                throw StorageException.invalidArgument(where, "integer " + v + " does not fit in Int64");
            }
            long l = ((Number) v).longValue();
            if (l == (int) l) {
                return Integer.valueOf((int) l);
            }
            // Not a conditional expression: one with an Integer and a Long branch would widen both to long.
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
                case DATETIME -> parseInstant(text, where + ".value");
                case BINARY -> Base64.getDecoder().decode(text);
                case GUID -> UUID.fromString(text);
            };
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument(where + ".value", "'" + text + "' is not a valid "
                    + TYPE_NAMES.get(type.ordinal()) + " (" + e.getMessage() + ")");
        }
    }

    private static Instant parseInstant(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw StorageException.invalidArgument(where, "'" + text + "' is not an ISO-8601 instant");
            }
        }
    }
}
