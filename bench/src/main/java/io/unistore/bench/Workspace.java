package io.unistore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where things are: the checkout (for the pinned Node packages and the MCP jar), the scratch directory on the
 * disk being measured, and where results and the report go.
 *
 * @param root the checkout's root
 * @param scratch temporary files of this run (removed at the end)
 * @param results JSON results of each section (so the report can be rebuilt without measuring again)
 * @param reportFile the Markdown report
 */
public record Workspace(Path root, Path scratch, Path results, Path reportFile) {

    /** Finds the checkout from {@code -Dunistore.root}, the bench jar's location, or the working directory. */
    public static Path findRoot() {
        String prop = System.getProperty("unistore.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "bench"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        try {
            Path here = Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("bench")) && Files.isDirectory(p.resolve("storage-test-support"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through to the working directory
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("bench")) && Files.isDirectory(p.resolve("storage-test-support"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the Unistore checkout: run from it or pass -Dunistore.root=DIR");
    }

    public Path benchDir() {
        return root.resolve("bench");
    }

    /** A new empty directory under the scratch directory. */
    public Path newDir(String prefix) {
        try {
            Files.createDirectories(scratch);
            return Files.createTempDirectory(scratch, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory tree, quietly. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // scratch left behind is harmless
        }
    }
}
