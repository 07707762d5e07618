package io.unistore.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders for the JSON Schemas of tool inputs and outputs (plain maps, as MCP carries them).
 * Input objects are closed ({@code additionalProperties: false}) so unknown arguments are refused by name.
 */
public final class ToolSchema {
    private ToolSchema() {
    }

    /** A closed object schema: unknown properties are refused. */
    public static ObjectBuilder object() {
        return new ObjectBuilder(false);
    }

    /** An object schema that allows more properties than it lists (for outputs that may grow). */
    public static ObjectBuilder openObject() {
        return new ObjectBuilder(true);
    }

    public static Map<String, Object> string(String description) {
        return schema("string", description);
    }

    /** A string that must not be empty. */
    public static Map<String, Object> name(String description) {
        Map<String, Object> s = schema("string", description);
        s.put("minLength", 1);
        return s;
    }

    public static Map<String, Object> integer(String description, long minimum, long maximum) {
        Map<String, Object> s = schema("integer", description);
        s.put("minimum", minimum);
        s.put("maximum", maximum);
        return s;
    }

    public static Map<String, Object> integer(String description) {
        return schema("integer", description);
    }

    public static Map<String, Object> number(String description) {
        return schema("number", description);
    }

    public static Map<String, Object> bool(String description) {
        return schema("boolean", description);
    }

    /** A string restricted to the given values. */
    public static Map<String, Object> oneOf(String description, List<String> values) {
        Map<String, Object> s = schema("string", description);
        s.put("enum", List.copyOf(values));
        return s;
    }

    /** An object of string values, such as metadata. */
    public static Map<String, Object> stringMap(String description) {
        Map<String, Object> s = schema("object", description);
        s.put("additionalProperties", Map.of("type", "string"));
        return s;
    }

    /** Any JSON object. */
    public static Map<String, Object> anyObject(String description) {
        return schema("object", description);
    }

    public static Map<String, Object> array(String description, Map<String, Object> items) {
        Map<String, Object> s = schema("array", description);
        s.put("items", items);
        return s;
    }

    public static Map<String, Object> array(String description, Map<String, Object> items, int minItems,
                                            int maxItems) {
        Map<String, Object> s = array(description, items);
        s.put("minItems", minItems);
        s.put("maxItems", maxItems);
        return s;
    }

    /** The same schema, also accepting null (for outputs that may be absent). */
    public static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> s = new LinkedHashMap<>(schema);
        s.put("type", List.of(schema.get("type"), "null"));
        s.remove("enum");
        return s;
    }

    private static Map<String, Object> schema(String type, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        if (description != null) {
            s.put("description", description);
        }
        return s;
    }

    /** Builds an object schema property by property. */
    public static final class ObjectBuilder {
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private final boolean open;
        private String description;

        private ObjectBuilder(boolean open) {
            this.open = open;
        }

        public ObjectBuilder description(String v) {
            description = v;
            return this;
        }

        public ObjectBuilder required(String name, Map<String, Object> schema) {
            properties.put(name, schema);
            required.add(name);
            return this;
        }

        public ObjectBuilder optional(String name, Map<String, Object> schema) {
            properties.put(name, schema);
            return this;
        }

        public Map<String, Object> build() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", "object");
            if (description != null) {
                s.put("description", description);
            }
            s.put("properties", new LinkedHashMap<>(properties));
            if (!required.isEmpty()) {
                s.put("required", List.copyOf(required));
            }
            if (!open) {
                s.put("additionalProperties", false);
            }
            return s;
        }
    }
}
