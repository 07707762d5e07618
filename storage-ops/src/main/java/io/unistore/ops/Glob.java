package io.unistore.ops;

import io.unistore.StorageException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob over '/'-separated names: {@code *} any run of characters but '/', {@code **} any run including '/',
 * {@code ?} one character but '/', {@code [abc]} / {@code [!abc]} a class, {@code {a,b}} alternatives. A glob
 * without '/' matches a name's last segment ({@code *.csv} finds CSV files at any depth); one with '/' matches
 * the whole name.
 */
public final class Glob {
    private final String glob;
    private final Pattern pattern;
    private final boolean lastSegment;

    private Glob(String glob, Pattern pattern, boolean lastSegment) {
        this.glob = glob;
        this.pattern = pattern;
        this.lastSegment = lastSegment;
    }

    /**
     * Compiles a glob.
     *
     * @throws StorageException INVALID_ARGUMENT naming {@code field} for an empty or unbalanced glob
     */
    public static Glob of(String glob, String field) {
        if (glob == null || glob.isEmpty() || glob.length() > 1024) {
            throw StorageException.invalidArgument(field, "must be a glob of 1 to 1024 characters");
        }
        StringBuilder regex = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            regex.append("(?:.*/)?"); // **/ also matches no directory at all
                        } else {
                            regex.append(".*");
                        }
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        throw StorageException.invalidArgument(field, "'" + glob + "' has a '}' without '{'");
                    }
                    braces--;
                    regex.append(')');
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw StorageException.invalidArgument(field, "'" + glob + "' has a '[' without ']'");
                    }
                    String set = glob.substring(i + 1, end);
                    boolean negated = set.startsWith("!") || set.startsWith("^");
                    String body = (negated ? set.substring(1) : set).replace("\\", "\\\\").replace("[", "\\[")
                            .replace("&&", "\\&\\&");
                    regex.append('[').append(negated ? "^/" : "").append(body).append(']');
                    i = end;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw StorageException.invalidArgument(field, "'" + glob + "' has a '{' without '}'");
        }
        return new Glob(glob, Pattern.compile(regex.toString()), glob.indexOf('/') < 0);
    }

    /** Compiles each glob of a list (null: none). */
    public static List<Glob> all(List<String> globs, String field) {
        return globs == null ? List.of() : globs.stream().map(g -> of(g, field)).toList();
    }

    /** Whether the name matches (its last segment, for a glob without '/'). */
    public boolean matches(String name) {
        String subject = lastSegment ? name.substring(name.lastIndexOf('/') + 1) : name;
        return pattern.matcher(subject).matches();
    }

    /**
     * Whether a name passes include and exclude globs: some include matches (or there are none) and no exclude
     * does.
     */
    public static boolean selects(List<Glob> include, List<Glob> exclude, String name) {
        return (include.isEmpty() || include.stream().anyMatch(g -> g.matches(name)))
                && exclude.stream().noneMatch(g -> g.matches(name));
    }

    @Override
    public String toString() {
        return glob;
    }
}
