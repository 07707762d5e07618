package io.unistore.testsupport.azurefiles;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code Authorization: SharedKey account:signature} as Azure Storage does for the Blob, Queue and File
 * services (REST reference "Authorize with Shared Key", string-to-sign of version 2015-02-21 and later: an empty
 * Content-Length when it is 0; canonicalized x-ms-* headers; canonicalized resource from the encoded path plus
 * the sorted, decoded query parameters). Written from the specification, not from an SDK, so it checks the
 * clients' signing independently.
 */
final class SharedKey {
    private final String account;
    private final byte[] key;

    SharedKey(String account, String base64Key) {
        this.account = account;
        this.key = Base64.getDecoder().decode(base64Key);
    }

    /**
     * Whether the request carries a valid signature.
     *
     * @param headers request headers, names in any case
     * @param rawPath the request path as sent (still percent-encoded)
     * @param rawQuery the query as sent, or null
     */
    boolean verify(String method, Map<String, List<String>> headers, String rawPath, String rawQuery) {
        String authorization = header(headers, "Authorization");
        String prefix = "SharedKey " + account + ":";
        if (authorization == null || !authorization.startsWith(prefix)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(prefix.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = sign(stringToSign(method, headers, rawPath, rawQuery));
        return MessageDigest.isEqual(given, expected);
    }

    String stringToSign(String method, Map<String, List<String>> headers, String rawPath, String rawQuery) {
        String contentLength = header(headers, "Content-Length");
        if ("0".equals(contentLength)) {
            contentLength = "";
        }
        // With x-ms-date the Date header is not signed (an empty line stands for it).
        String date = header(headers, "x-ms-date") != null ? "" : orEmpty(header(headers, "Date"));
        return method.toUpperCase(Locale.ROOT) + "\n"
                + orEmpty(header(headers, "Content-Encoding")) + "\n"
                + orEmpty(header(headers, "Content-Language")) + "\n"
                + orEmpty(contentLength) + "\n"
                + orEmpty(header(headers, "Content-MD5")) + "\n"
                + orEmpty(header(headers, "Content-Type")) + "\n"
                + date + "\n"
                + orEmpty(header(headers, "If-Modified-Since")) + "\n"
                + orEmpty(header(headers, "If-Match")) + "\n"
                + orEmpty(header(headers, "If-None-Match")) + "\n"
                + orEmpty(header(headers, "If-Unmodified-Since")) + "\n"
                + orEmpty(header(headers, "Range")) + "\n"
                + canonicalHeaders(headers)
                + canonicalResource(rawPath, rawQuery);
    }

    private static String canonicalHeaders(Map<String, List<String>> headers) {
        TreeMap<String, String> msHeaders = new TreeMap<>();
        headers.forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-ms-")) {
                List<String> trimmed = new ArrayList<>();
                for (String v : values) {
                    trimmed.add(v.trim().replaceAll("\\s+", " "));
                }
                msHeaders.merge(n, String.join(",", trimmed), (a, b) -> a + "," + b);
            }
        });
        StringBuilder sb = new StringBuilder();
        msHeaders.forEach((n, v) -> sb.append(n).append(':').append(v).append('\n'));
        return sb.toString();
    }

    private String canonicalResource(String rawPath, String rawQuery) {
        StringBuilder sb = new StringBuilder("/").append(account).append(rawPath == null || rawPath.isEmpty() ? "/"
                : rawPath);
        TreeMap<String, List<String>> params = new TreeMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        params.forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sb.append('\n').append(name).append(':').append(String.join(",", sorted));
        });
        return sb.toString();
    }

    private byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /** The first value of a header, matched case-insensitively, or null. */
    static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
