package io.unistore.mcp;

import io.unistore.ops.EntityJson;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of table entities in tool arguments and results. The mapping itself is storage-ops'
 * {@link EntityJson}, shared with table backups.
 */
final class EntitySchema {
    private static final List<String> TYPE_NAMES = EntityJson.TYPE_NAMES;

    private EntitySchema() {
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
