package io.unistore.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * User metadata as stored: {@code key=value} lines in key order. Keys and values hold no control character
 * ({@link LocalAccount#METADATA}), so no newline; a key may hold '=', so '%' and '=' in keys are written
 * {@code %25} and {@code %3D}. Keys stored before that were identifiers, which hold neither, so old rows read
 * the same.
 */
final class MetadataCodec {
    private MetadataCodec() {
    }

    static String encode(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(metadata).forEach((k, v) -> sb.append(escape(k)).append('=').append(v).append('\n'));
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
            metadata.put(unescape(text.substring(start, eq)), text.substring(eq + 1, end));
            start = end + 1;
        }
        return metadata;
    }

    private static String escape(String key) {
        return key.indexOf('%') < 0 && key.indexOf('=') < 0 ? key : key.replace("%", "%25").replace("=", "%3D");
    }

    private static String unescape(String key) {
        return key.indexOf('%') < 0 ? key : key.replace("%3D", "=").replace("%25", "%");
    }
}
