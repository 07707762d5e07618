package io.unistore.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * User metadata as stored: {@code key=value} lines in key order. Keys are identifiers and values printable
 * ASCII ({@link io.unistore.NamingRules#metadata}), so neither holds a newline and keys hold no '='.
 */
final class MetadataCodec {
    private MetadataCodec() {
    }

    static String encode(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(metadata).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    static Map<String, String> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int eq = text.indexOf('=', start);
            metadata.put(text.substring(start, eq), text.substring(eq + 1, end));
            start = end + 1;
        }
        return metadata;
    }
}
