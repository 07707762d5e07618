package io.unistore.ops;

import io.unistore.StorageException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of storage-ops (manifests, checkpoints, NDJSON, transform specs). */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses JSON text, failing with INVALID_ARGUMENT naming {@code what}. */
    static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw StorageException.invalidArgument(what, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** A text field, or null when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
