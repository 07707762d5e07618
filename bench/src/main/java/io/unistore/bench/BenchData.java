package io.unistore.bench;

import io.unistore.tck.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The files the figures move (the kit's deterministic pseudo-random bytes), and rates. */
public final class BenchData {
    private BenchData() {
    }

    /** Writes {@code bytes} of incompressible content into {@code file}. */
    public static Path randomFile(Path file, long bytes) {
        try (InputStream in = TestData.stream(7, bytes)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** MB/s (10^6 bytes per second). */
    public static double megabytesPerSecond(long bytes, double seconds) {
        return bytes / 1e6 / seconds;
    }
}
