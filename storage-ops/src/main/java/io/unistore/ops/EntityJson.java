package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The typed JSON form of an entity used in table backups (one entity per line, NDJSON). It round-trips every
 * {@link PropertyType} exactly:
 *
 * <pre>{@code
 * {"PartitionKey":"p1","RowKey":"r1","Timestamp":"2026-01-31T12:00:00.123456789Z",
 *  "properties":{"Name":{"type":"STRING","value":"Ann"},"Age":{"type":"INT32","value":42},
 *                "Big":{"type":"INT64","value":"9007199254740993"},"Score":{"type":"DOUBLE","value":0.1},
 *                "Ok":{"type":"BOOLEAN","value":true},"At":{"type":"DATETIME","value":"2026-01-31T12:00:00Z"},
 *                "Raw":{"type":"BINARY","value":"AAEC"},"Id":{"type":"GUID","value":"0b6a8f6e-..."}}}
 * }</pre>
 *
 * <p>INT64 values are strings (JSON readers that use doubles would lose digits beyond 2^53); DOUBLE values are
 * numbers, except {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} as strings; DATETIME values are
 * ISO-8601 instants with up to nine fraction digits; BINARY values are standard Base64. {@code Timestamp} is
 * the service's last-write time, informational only (restores let the target service set its own).
 */
public final class EntityJson {
    private EntityJson() {
    }

    /** The JSON object of an entity. */
    public static ObjectNode toJson(TableEntity entity) {
        ObjectNode node = Json.object();
        node.put(TableEntity.PARTITION_KEY, entity.partitionKey());
        node.put(TableEntity.ROW_KEY, entity.rowKey());
        if (entity.timestamp() != null) {
            node.put(TableEntity.TIMESTAMP, entity.timestamp().toString());
        }
        ObjectNode props = node.putObject("properties");
        for (Map.Entry<String, Object> e : entity.properties().entrySet()) {
            ObjectNode p = props.putObject(e.getKey());
            Object v = e.getValue();
            PropertyType type = PropertyType.of(v);
            p.put("type", type.name());
            switch (type) {
                case INT32 -> p.put("value", (Integer) v);
                case BOOLEAN -> p.put("value", (Boolean) v);
                case DOUBLE -> {
                    double d = (Double) v;
                    if (Double.isFinite(d)) {
                        p.put("value", d);
                    } else {
                        p.put("value", Double.toString(d));
                    }
                }
                default -> p.put("value", ValueText.format(v));
            }
        }
        return node;
    }

    /** One NDJSON line (without the newline). */
    public static String toLine(TableEntity entity) {
        return Json.write(toJson(entity));
    }

    /**
     * Reads an entity back.
     *
     * @throws StorageException INVALID_ARGUMENT naming what is wrong
     */
    public static TableEntity fromJson(JsonNode node) {
        String pk = Json.text(node, TableEntity.PARTITION_KEY);
        String rk = Json.text(node, TableEntity.ROW_KEY);
        if (pk == null || rk == null) {
            throw StorageException.invalidArgument("entity", "needs PartitionKey and RowKey");
        }
        TableEntity.Builder b = TableEntity.builder(pk, rk);
        String ts = Json.text(node, TableEntity.TIMESTAMP);
        if (ts != null) {
            b.timestamp(Instant.parse(ts));
        }
        JsonNode props = node.get("properties");
        if (props != null) {
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                b.put(e.getKey(), value(e.getKey(), e.getValue()));
            }
        }
        return b.build();
    }

    /** Reads one NDJSON line. */
    public static TableEntity fromLine(String line) {
        return fromJson(Json.parse(line, "entity line"));
    }

    private static Object value(String name, JsonNode p) {
        String typeName = Json.text(p, "type");
        JsonNode v = p.get("value");
        if (typeName == null || v == null) {
            throw StorageException.invalidArgument(name, "needs \"type\" and \"value\"");
        }
        PropertyType type = PropertyType.parse(typeName);
        try {
            return switch (type) {
                case STRING -> v.asString();
                case INT32 -> v.isNumber() ? v.intValue() : Integer.valueOf(v.asString());
                case INT64 -> v.isNumber() ? v.longValue() : Long.valueOf(v.asString());
                case DOUBLE -> v.isNumber() ? v.doubleValue() : Double.valueOf(v.asString());
                case BOOLEAN -> v.asBoolean();
                case DATETIME -> Instant.parse(v.asString());
                case BINARY -> Base64.getDecoder().decode(v.asString());
                case GUID -> UUID.fromString(v.asString());
            };
        } catch (RuntimeException e) {
            throw StorageException.invalidArgument(name, "value " + v + " is not " + ValueText.describe(type));
        }
    }
}
