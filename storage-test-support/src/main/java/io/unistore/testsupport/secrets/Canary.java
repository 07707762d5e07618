package io.unistore.testsupport.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A distinctive fake secret handed to a provider or the MCP server, which must never show up in a log line, an
 * exception or a tool result. {@link #forms()} are the shapes a leak can take: the value itself, URL-encoded
 * (upper and lower case escapes), JSON-escaped, base64-decoded when that decodes to text, and its first 24
 * characters (a leak cut short by a message limit).
 *
 * @param name what the secret is, for reports ("azure account key")
 * @param value the secret
 */
public record Canary(String name, String value) {
    /** Characters of a fragment long enough to be distinctive. */
    private static final int FRAGMENT = 24;

    public Canary {
        if (value == null || value.length() < 16) {
            throw new IllegalArgumentException("a canary must be at least 16 characters, so it cannot occur by chance");
        }
    }

    /** Form name → text to look for; each text once, none shorter than 12 characters. */
    public Map<String, String> forms() {
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put("as is", value);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        candidates.put("URL-encoded", encoded);
        candidates.put("URL-encoded, lower-case escapes", lowerEscapes(encoded));
        candidates.put("URL-encoded, %20 for spaces", encoded.replace("+", "%20"));
        candidates.put("JSON-escaped", value.replace("/", "\\/"));
        candidates.put("base64-decoded", base64Text(value));
        candidates.put("first " + FRAGMENT + " characters", value.length() >= FRAGMENT + 8
                ? value.substring(0, FRAGMENT) : null);
        Map<String, String> forms = new LinkedHashMap<>();
        candidates.forEach((form, text) -> {
            if (text != null && text.length() >= 12 && !forms.containsValue(text)) {
                forms.put(form, text);
            }
        });
        return forms;
    }

    private static String lowerEscapes(String encoded) {
        StringBuilder sb = new StringBuilder(encoded);
        for (int i = sb.indexOf("%"); i >= 0 && i + 2 < sb.length(); i = sb.indexOf("%", i + 1)) {
            sb.replace(i + 1, i + 3, sb.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** The text a base64 value decodes to, when it is printable ASCII; else null. */
    private static String base64Text(String value) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            for (byte b : bytes) {
                if (b < 0x20 || b > 0x7e) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
