package io.unistore;

import io.unistore.internal.Printable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a service accepts as a name (a metadata key, a table property name) or a value: a pattern, a length
 * limit and the rule in words. Providers declare theirs as data in {@link Capabilities}, so the same check can
 * run anywhere, and what one service returns can be checked against what another accepts. Immutable.
 */
public final class NameRule {
    /** Letters, digits and underscores, not starting with a digit (ASCII): what every service accepts. */
    public static final NameRule ASCII_IDENTIFIER = of("an identifier (ASCII letters, digits and underscores, not "
            + "starting with a digit)", "[A-Za-z_][A-Za-z0-9_]*", Integer.MAX_VALUE);
    /**
     * Printable ASCII without a leading or trailing space: what an HTTP header value carries everywhere (header
     * values lose such spaces, and Azure's SDK refuses them).
     */
    public static final NameRule PRINTABLE_ASCII = of("printable ASCII without a leading or trailing space",
            "(?:[\\x21-\\x7E](?:[\\x20-\\x7E]*[\\x21-\\x7E])?)?", Integer.MAX_VALUE);
    /** Any text without control characters or unpaired surrogates. */
    public static final NameRule TEXT = of("text without control characters", "[^\\p{Cc}\\p{Cs}]*",
            Integer.MAX_VALUE);

    private final String description;
    private final Pattern pattern;
    private final int maxLength;

    private NameRule(String description, Pattern pattern, int maxLength) {
        this.description = Objects.requireNonNull(description, "description");
        this.pattern = pattern;
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.maxLength = maxLength;
    }

    /**
     * A rule.
     *
     * @param description what the rule asks, completing "must be ..." (e.g. "an identifier")
     * @param regex what the whole name must match
     * @param maxLength the most characters (UTF-16 units, as {@link String#length()}); Integer.MAX_VALUE for none
     */
    public static NameRule of(String description, String regex, int maxLength) {
        return new NameRule(description, Pattern.compile(regex), maxLength);
    }

    /**
     * C# identifiers, which Azure Tables requires of property names: a letter (any script) or underscore, then
     * letters, digits, underscores, combining marks and formatting characters.
     */
    public static NameRule csharpIdentifier(int maxLength) {
        return of("a C# identifier (letters of any script, digits and underscores, not starting with a digit)"
                + (maxLength == Integer.MAX_VALUE ? "" : " of at most " + maxLength + " characters"),
                "[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Nd}\\p{Mn}\\p{Mc}\\p{Pc}\\p{Cf}]*", maxLength);
    }

    /** The rule in words, completing "must be ...". */
    public String description() {
        return description;
    }

    /** The pattern a name must match as a whole. */
    public String regex() {
        return pattern.pattern();
    }

    /** The most characters a name may have. */
    public int maxLength() {
        return maxLength;
    }

    /** Whether the name follows the rule. */
    public boolean allows(String name) {
        return name != null && name.length() <= maxLength && pattern.matcher(name).matches();
    }

    /**
     * Returns the name if it follows the rule.
     *
     * @param argument what the name is, for the message (e.g. "metadata key")
     * @throws StorageException INVALID_ARGUMENT naming the argument, the name and the rule
     */
    public String check(String argument, String name) {
        if (!allows(name)) {
            throw StorageException.invalidArgument(argument, "'" + Printable.of(name) + "' must be " + description);
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameRule r && description.equals(r.description) && regex().equals(r.regex())
                && maxLength == r.maxLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, regex(), maxLength);
    }

    @Override
    public String toString() {
        return description;
    }
}
