package io.unistore.cli;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * {@code --include} / {@code --exclude} glob patterns on names relative to the copied directory or prefix. A
 * pattern with a '/' is matched against the whole relative name, one without against its last segment
 * ({@code *.jpg} matches {@code a/b/c.jpg}); {@code *} stays within a segment, {@code **} crosses them, as in
 * the JDK's glob syntax. An exclude wins over an include; with no include, everything is included.
 */
final class NameFilter {
    static final NameFilter ALL = new NameFilter(List.of(), List.of());

    private record Glob(boolean wholePath, PathMatcher matcher) {
    }

    private final List<Glob> include;
    private final List<Glob> exclude;

    private NameFilter(List<Glob> include, List<Glob> exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    static NameFilter of(List<String> include, List<String> exclude) {
        return new NameFilter(compile(include, "--include"), compile(exclude, "--exclude"));
    }

    private static List<Glob> compile(List<String> patterns, String option) {
        return patterns == null ? List.of() : patterns.stream().map(p -> {
            if (p.isEmpty()) {
                throw CliException.usage(option + ": a pattern must not be empty");
            }
            try {
                return new Glob(p.contains("/"), FileSystems.getDefault().getPathMatcher("glob:" + p));
            } catch (IllegalArgumentException e) {
                throw CliException.usage(option + " '" + p + "': not a glob pattern (" + e.getMessage() + ")");
            }
        }).toList();
    }

    /** Whether a relative name ("a/b/c.jpg") is selected. */
    boolean matches(String relativeName) {
        Path whole;
        try {
            whole = Path.of(relativeName);
        } catch (InvalidPathException e) {
            return include.isEmpty(); // a name no pattern can describe (a NUL byte): only "everything" selects it
        }
        Path last = whole.getFileName();
        if (exclude.stream().anyMatch(g -> test(g, whole, last))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(g -> test(g, whole, last));
    }

    private static boolean test(Glob g, Path whole, Path last) {
        return g.wholePath() ? g.matcher().matches(whole) : last != null && g.matcher().matches(last);
    }
}
