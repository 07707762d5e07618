package io.unistore.msgraph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON this provider reads and writes itself: a string field of an answer to an upload URL (which
 * does not go through the SDK) and the first of a session's expected ranges, and flat objects of strings (metadata kept in an item's description).
 */
final class JsonFields {
    private JsonFields() {
    }

    /** The first string value of {@code "field"} anywhere in the document, or null. */
    static String string(String json, String field) {
        if (json == null) {
            return null;
        }
        String key = "\"" + field + "\"";
        int at = json.indexOf(key);
        while (at >= 0) {
            int i = skipSpace(json, at + key.length());
            if (i < json.length() && json.charAt(i) == ':') {
                i = skipSpace(json, i + 1);
                if (i < json.length() && json.charAt(i) == '"') {
                    return readString(json, new int[] {i});
                }
            }
            at = json.indexOf(key, at + 1);
        }
        return null;
    }

    /** The first string in the array {@code "field": [...]} (an upload session's {@code nextExpectedRanges}), or null. */
    static String firstString(String json, String field) {
        if (json == null) {
            return null;
        }
        String key = "\"" + field + "\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int i = skipSpace(json, at + key.length());
        if (i >= json.length() || json.charAt(i) != ':') {
            return null;
        }
        i = skipSpace(json, i + 1);
        if (i >= json.length() || json.charAt(i) != '[') {
            return null;
        }
        i = skipSpace(json, i + 1);
        return i < json.length() && json.charAt(i) == '"' ? readString(json, new int[] {i}) : null;
    }

    /** A JSON object of string values, keys in the map's order. */
    static String write(Map<String, String> values) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            quote(b, e.getKey());
            b.append(':');
            quote(b, e.getValue());
        }
        return b.append('}').toString();
    }

    /** A flat JSON object of string values, or null if the text is not one. */
    static Map<String, String> read(String json) {
        if (json == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {skipSpace(json, 0)};
        try {
            expect(json, pos, '{');
            pos[0] = skipSpace(json, pos[0]);
            if (json.charAt(pos[0]) == '}') {
                pos[0]++;
            } else {
                while (true) {
                    pos[0] = skipSpace(json, pos[0]);
                    String key = readString(json, pos);
                    pos[0] = skipSpace(json, pos[0]);
                    expect(json, pos, ':');
                    pos[0] = skipSpace(json, pos[0]);
                    out.put(key, readString(json, pos));
                    pos[0] = skipSpace(json, pos[0]);
                    char c = json.charAt(pos[0]++);
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        return null;
                    }
                }
            }
            return skipSpace(json, pos[0]) == json.length() ? out : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static void expect(String json, int[] pos, char c) {
        if (json.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos[0]++;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Reads the string starting at {@code pos[0]} (a quote) and moves past it. */
    private static String readString(String s, int[] pos) {
        int i = pos[0];
        if (s.charAt(i) != '"') {
            throw new IllegalArgumentException("expected a string");
        }
        StringBuilder b = new StringBuilder();
        for (i++; ; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                pos[0] = i + 1;
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
