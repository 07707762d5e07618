package io.unistore.internal;

/** Text as an error message shows it: control characters escaped, at most 80 characters. Not API. */
public final class Printable {
    private static final int MAX = 80;

    private Printable() {
    }

    /** The text with control characters as {@code \\uXXXX}, cut after 80 characters; "null" for null. */
    public static String of(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return s.length() > MAX ? sb + "..." : sb.toString();
    }
}
