package io.unistore.gcp;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Run in a child JVM with a small heap: uploads {@code size} pseudo-random bytes of unknown length to the
 * stand-in at {@code endpoint}, downloads them, and prints one line with the timings, the heap limit and
 * whether the SHA-256 of what came back equals that of what went out (exit 1 if not).
 */
public final class LargeRoundTripMain {
    private LargeRoundTripMain() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        long size = Long.parseLong(args[1]);
        try (StorageAccount account = Unistore.open("gs://" + StandInFixture.PROJECT,
                Map.of("endpoint", endpoint, "credentials", "none"))) {
            BlobStore blobs = account.blobs();
            blobs.createContainerIfNotExists("large");
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            long t0 = System.nanoTime();
            blobs.upload("large", "round-trip.bin", new DigestInputStream(new RandomStream(size), sent),
                    UploadOptions.DEFAULT);
            long upload = System.nanoTime() - t0;
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            t0 = System.nanoTime();
            long n = blobs.download("large", "round-trip.bin",
                    new DigestOutputStream(OutputStream.nullOutputStream(), received), ReadOptions.DEFAULT);
            long download = System.nanoTime() - t0;
            byte[] a = sent.digest();
            boolean same = n == size && Arrays.equals(a, received.digest());
            System.out.printf("ROUND-TRIP bytes=%d maxHeapMiB=%d uploadSeconds=%.1f uploadMBps=%.0f "
                            + "downloadSeconds=%.1f downloadMBps=%.0f sha256=%s same=%b%n", n,
                    Runtime.getRuntime().maxMemory() >> 20, upload / 1e9, size / (upload / 1e9) / 1e6,
                    download / 1e9, n / (download / 1e9) / 1e6, HexFormat.of().formatHex(a), same);
            System.exit(same ? 0 : 1);
        }
    }

    /** {@code size} pseudo-random bytes, generated as read. */
    private static final class RandomStream extends InputStream {
        private final SplittableRandom random = new SplittableRandom(42);
        private long left;

        RandomStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i += 8) {
                long v = random.nextLong();
                for (int j = 0; j < 8 && i + j < n; j++) {
                    b[off + i + j] = (byte) (v >>> (8 * j));
                }
            }
            left -= n;
            return n;
        }
    }
}
