package io.unistore.mcp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a tool result object: keys in order, null values kept (schemas declare them nullable). */
final class Out {
    private final Map<String, Object> map = new LinkedHashMap<>();

    static Out of() {
        return new Out();
    }

    Out put(String key, Object value) {
        map.put(key, value instanceof Instant i ? i.toString() : value);
        return this;
    }

    Map<String, Object> build() {
        return map;
    }
}
