package io.unistore.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for the contracts: unique names valid on every cloud, deterministic content of any length that is
 * never held in memory, and digests of streams.
 */
public final class TestData {
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36),
            36);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestData() {
    }

    /**
     * A fresh lowercase name, unique in this run and across runs: {@code prefix-<run>-<n>}, 3-63 characters of
     * lowercase letters, digits and single hyphens — valid for Azure containers, queues and shares and for
     * S3/GCS buckets.
     */
    public static String uniqueName(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (p.isEmpty()) {
            p = "t";
        }
        String name = p + "-" + RUN + "-" + COUNTER.incrementAndGet();
        return name.length() > 63 ? name.substring(name.length() - 63).replaceFirst("^[^a-z0-9]+", "") : name;
    }

    /** A fresh table name (letters and digits only, starting with a letter). */
    public static String uniqueTableName(String prefix) {
        String p = prefix.replaceAll("[^A-Za-z0-9]", "");
        if (p.isEmpty() || !Character.isLetter(p.charAt(0))) {
            p = "t" + p;
        }
        String name = p + RUN + "x" + COUNTER.incrementAndGet();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /**
     * A deterministic pseudo-random stream of {@code length} bytes: the same seed and length always give the
     * same bytes. Generates 8 bytes per step (xorshift), so gigabytes stream fast.
     */
    public static InputStream stream(long seed, long length) {
        return new GeneratedStream(seed, length);
    }

    /**
     * A stream that gives {@code before} bytes of {@link #stream} and then fails with an IOException, as a
     * dropped connection or a broken disk would.
     */
    public static InputStream failingStream(long seed, long before) {
        return new java.io.FilterInputStream(stream(seed, Long.MAX_VALUE)) {
            private long given;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (given >= before) {
                    throw new IOException("simulated failure of the source after " + given + " bytes");
                }
                int n = super.read(b, off, (int) Math.min(len, before - given));
                given += n;
                return n;
            }
        };
    }

    /** The bytes of {@link #stream} in memory; for small sizes only. */
    public static byte[] bytes(long seed, int length) {
        try (InputStream in = stream(seed, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of a stream read to its end (and closed), as hex. */
    public static String sha256(InputStream in) {
        try (InputStream s = in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = s.read(buf)) != -1) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the deterministic stream, computed without storing it. */
    public static String sha256(long seed, long length) {
        return sha256(stream(seed, length));
    }

    /** SHA-256 of a file, as hex. */
    public static String sha256(Path file) {
        try {
            return sha256(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base64 MD5 of bytes, the form of {@code contentMd5} everywhere in the API. */
    public static String md5Base64(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UTF-8 bytes of text. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class GeneratedStream extends InputStream {
        private long state;
        private long remaining;
        private long word;
        private int wordLeft;

        GeneratedStream(long seed, long length) {
            this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
            this.remaining = length;
        }

        private long nextWord() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return state;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            if (wordLeft == 0) {
                word = nextWord();
                wordLeft = 8;
            }
            int b = (int) (word & 0xFF);
            word >>>= 8;
            wordLeft--;
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            int i = 0;
            while (i < n && wordLeft > 0) {
                b[off + i++] = (byte) word;
                word >>>= 8;
                wordLeft--;
            }
            while (n - i >= 8) {
                long w = nextWord();
                for (int k = 0; k < 8; k++) {
                    b[off + i++] = (byte) w;
                    w >>>= 8;
                }
            }
            while (i < n) {
                if (wordLeft == 0) {
                    word = nextWord();
                    wordLeft = 8;
                }
                b[off + i++] = (byte) word;
                word >>>= 8;
                wordLeft--;
            }
            remaining -= n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, remaining));
        }
    }
}
