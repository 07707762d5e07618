package io.unistore.content;

/**
 * How found items are shown and redacted. A preview keeps just enough to recognise an item (a secret's kind
 * prefix, a card's last four digits), so tool output never repeats a whole secret or a whole personal datum.
 */
public final class Masking {
    private Masking() {
    }

    /**
     * A masked preview of {@code value}: secrets keep at most their first four characters (AKIA, ghp_, eyJh...),
     * cards their last four digits, other personal data their first and last two characters; the rest is
     * {@code *}, at most eight of them.
     */
    public static String preview(FindingKind kind, String value) {
        if (kind == FindingKind.PRIVATE_KEY) {
            return "-----BEGIN ***PRIVATE KEY-----";
        }
        if (kind.secret()) {
            return value.substring(0, Math.min(4, value.length() / 4)) + "********";
        }
        if (kind == FindingKind.CARD_NUMBER) {
            String digits = value.replaceAll("\\D", "");
            return "************" + digits.substring(digits.length() - 4);
        }
        if (value.length() <= 6) {
            return "******";
        }
        return value.substring(0, 2) + "*".repeat(Math.min(8, value.length() - 4)) + value.substring(value.length() - 2);
    }

    /** What redaction puts in place of an item: {@code [REDACTED:KIND]}. */
    public static String redacted(FindingKind kind) {
        return "[REDACTED:" + kind.name() + "]";
    }
}
