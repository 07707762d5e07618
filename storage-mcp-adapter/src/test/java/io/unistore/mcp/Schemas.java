package io.unistore.mcp;

import java.util.List;
import java.util.Map;

/** Reading JSON Schema keywords out of the maps tools/list gives. */
final class Schemas {
    private Schemas() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The types a schema allows ("type" as one name or a list; the union over anyOf); empty: any. */
    static List<String> types(Map<String, Object> schema) {
        Object t = schema.get("type");
        if (t instanceof String s) {
            return List.of(s);
        }
        if (t instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        List<Object> anyOf = list(schema.get("anyOf"));
        if (!anyOf.isEmpty()) {
            List<String> union = anyOf.stream().flatMap(a -> types(map(a)).stream()).distinct().toList();
            return anyOf.stream().anyMatch(a -> types(map(a)).isEmpty()) ? List.of() : union;
        }
        return List.of();
    }

    static int intOr(Object o, int fallback) {
        return o instanceof Number n ? n.intValue() : fallback;
    }

    static long longOr(Object o, long fallback) {
        return o instanceof Number n ? n.longValue() : fallback;
    }
}
