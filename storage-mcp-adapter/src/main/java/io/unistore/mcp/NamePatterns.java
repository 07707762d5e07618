package io.unistore.mcp;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of glob patterns ({@code *} any run of characters, {@code ?} one character) that names are matched
 * against. {@link #ANY} allows every name; an empty list allows none.
 */
record NamePatterns(List<String> globs, List<Pattern> compiled) {

    /** Allows everything (the setting was not given). */
    static final NamePatterns ANY = new NamePatterns(null, null);

    static NamePatterns of(List<String> globs) {
        if (globs == null) {
            return ANY;
        }
        return new NamePatterns(List.copyOf(globs), globs.stream().map(NamePatterns::compile).toList());
    }

    /** Whether the setting was given at all. */
    boolean restricts() {
        return globs != null;
    }

    /** Whether some pattern matches the name ({@link #ANY} matches all). */
    boolean matches(String name) {
        return compiled == null || compiled.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return globs == null ? "*" : String.join(", ", globs);
    }
}
