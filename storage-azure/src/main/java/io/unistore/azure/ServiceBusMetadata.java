package io.unistore.azure;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queue metadata in a Service Bus queue's user metadata (one string of up to 1024 characters), form-encoded:
 * {@code k1=v1&k2=v2}. Text another tool wrote there that is not in this form is kept under the key {@code userMetadata}.
 */
final class ServiceBusMetadata {
    /** The key under which foreign user metadata appears. */
    static final String RAW_KEY = "userMetadata";

    private ServiceBusMetadata() {
    }

    static String encode(Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static Map<String, String> decode(String userMetadata) {
        Map<String, String> out = new TreeMap<>();
        if (userMetadata == null || userMetadata.isEmpty()) {
            return out;
        }
        try {
            for (String pair : userMetadata.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    return Map.of(RAW_KEY, userMetadata);
                }
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return Map.of(RAW_KEY, userMetadata);
        }
        return out;
    }
}
