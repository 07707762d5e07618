package io.unistore.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Incompressible files of a given size, written once and reused by the rounds. */
public final class TestData {
    private TestData() {
    }

    /** Writes {@code bytes} of pseudo-random content into {@code file}. */
    public static Path randomFile(Path file, long bytes) {
        byte[] buf = new byte[1 << 20];
        SplittableRandom random = new SplittableRandom(7);
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = bytes;
            while (left > 0) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        buf[i + k] = (byte) (v >>> (k * 8));
                    }
                }
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                left -= n;
            }
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
