package io.unistore.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One place in generated arguments a mutation can change: a property of an object or an item of an array,
 * with the schema that describes it, its argument name and how deep it sits in the arguments.
 */
final class FuzzSite {
    final Object parent;
    final Object key;
    final Map<String, Object> schema;
    final String name;
    final int depth;

    private FuzzSite(Object parent, Object key, Map<String, Object> schema, String name, int depth) {
        this.parent = parent;
        this.key = key;
        this.schema = schema;
        this.name = name;
        this.depth = depth;
    }

    /** Every site under {@code args} (the arguments object itself is not one), walked with its schema. */
    static List<FuzzSite> all(Map<String, Object> args, Map<String, Object> schema) {
        List<FuzzSite> out = new ArrayList<>();
        walkObject(args, schema, 1, out);
        return out;
    }

    /** The objects under and including {@code args} that have a schema, as (object, schema) pairs. */
    static List<Map.Entry<Map<String, Object>, Map<String, Object>>> objects(Map<String, Object> args,
                                                                           Map<String, Object> schema) {
        List<Map.Entry<Map<String, Object>, Map<String, Object>>> out = new ArrayList<>();
        out.add(Map.entry(args, schema));
        for (FuzzSite s : all(args, schema)) {
            if (s.get() instanceof Map<?, ?> m && !Schemas.map(s.schema.get("properties")).isEmpty()) {
                out.add(Map.entry(Schemas.map(m), s.schema));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Object get() {
        return parent instanceof Map<?, ?> m ? m.get(key) : ((List<Object>) parent).get((Integer) key);
    }

    @SuppressWarnings("unchecked")
    void set(Object value) {
        if (parent instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put((String) key, value);
        } else {
            ((List<Object>) parent).set((Integer) key, value);
        }
    }

    boolean isString() {
        return get() instanceof String;
    }

    private static void walkObject(Map<String, Object> obj, Map<String, Object> schema, int depth,
                                   List<FuzzSite> out) {
        Map<String, Object> props = Schemas.map(schema.get("properties"));
        for (String k : List.copyOf(obj.keySet())) {
            Object propSchema = props.containsKey(k) ? props.get(k) : schema.get("additionalProperties");
            Map<String, Object> s = resolve(Schemas.map(propSchema), obj.get(k));
            out.add(new FuzzSite(obj, k, s, k, depth));
            walkValue(obj.get(k), s, depth + 1, out);
        }
    }

    @SuppressWarnings("unchecked")
    private static void walkValue(Object v, Map<String, Object> schema, int depth, List<FuzzSite> out) {
        if (v instanceof Map<?, ?> m) {
            walkObject((Map<String, Object>) m, schema, depth, out);
        } else if (v instanceof List<?> l) {
            Map<String, Object> items = Schemas.map(schema.get("items"));
            for (int i = 0; i < l.size(); i++) {
                Map<String, Object> s = resolve(items, l.get(i));
                out.add(new FuzzSite(l, i, s, "items", depth));
                walkValue(l.get(i), s, depth + 1, out);
            }
        }
    }

    /** For an anyOf, the branch an object value was made from (the one with properties), else the anyOf. */
    private static Map<String, Object> resolve(Map<String, Object> schema, Object value) {
        if (value instanceof Map<?, ?>) {
            for (Object branch : Schemas.list(schema.get("anyOf"))) {
                if (!Schemas.map(Schemas.map(branch).get("properties")).isEmpty()) {
                    return Schemas.map(branch);
                }
            }
        }
        return schema;
    }
}
