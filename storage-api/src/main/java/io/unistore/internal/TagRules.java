package io.unistore.internal;

import io.unistore.StorageException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of blob index tags, Azure's (S3's are a superset, so a tag valid here is valid on both): at most 10
 * tags; a key of 1-128 characters, a value of 0-256; both made of letters, digits, space and {@code + - . / : = _}.
 * Applied whether the tags are native or stored in metadata, so tags move between providers unchanged.
 */
public final class TagRules {
    /** Most tags one blob may have. */
    public static final int MAX_TAGS = 10;
    /** Longest key. */
    public static final int MAX_KEY = 128;
    /** Longest value. */
    public static final int MAX_VALUE = 256;
    private static final String ALLOWED = "letters, digits, space and + - . / : = _";

    private TagRules() {
    }

    /**
     * The tags, checked, in key order.
     *
     * @throws StorageException INVALID_ARGUMENT naming the field and the rule it breaks
     */
    public static Map<String, String> check(Map<String, String> tags) {
        if (tags == null) {
            throw StorageException.invalidArgument("tags", "must not be null (an empty map removes every tag)");
        }
        if (tags.size() > MAX_TAGS) {
            throw StorageException.invalidArgument("tags", "at most " + MAX_TAGS + " tags per blob, was "
                    + tags.size());
        }
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
                throw StorageException.invalidArgument("tags key", "must be 1-" + MAX_KEY + " characters, was "
                        + (key == null ? "null" : key.length() + " characters"));
            }
            checkChars("tags key '" + key + "'", key);
            String value = e.getValue();
            if (value == null || value.length() > MAX_VALUE) {
                throw StorageException.invalidArgument("tags['" + key + "']", "the value must be 0-" + MAX_VALUE
                        + " characters, was " + (value == null ? "null" : value.length() + " characters"));
            }
            checkChars("tags['" + key + "']", value);
            sorted.put(key, value);
        }
        return sorted;
    }

    static void checkChars(String field, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!allowed(c)) {
                throw StorageException.invalidArgument(field, "may hold only " + ALLOWED + "; found '" + c
                        + "' (U+" + String.format("%04X", (int) c) + ") at index " + i);
            }
        }
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || " +-./:=_".indexOf(c) >= 0;
    }
}
