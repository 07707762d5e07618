package io.unistore.tck;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Uploads a generated blob of any size through a provider and downloads it twice (as a stream and into a
 * file), checking both against the SHA-256 of what was sent. Run it in a small heap (see {@link ChildJvm}) to
 * show that memory stays flat whatever the size:
 *
 * <pre>
 * java -Xmx128m -cp ... io.unistore.tck.LargeRoundTrip 1073741824 file:/tmp/x
 * java -Xmx128m -cp ... io.unistore.tck.LargeRoundTrip 1073741824 "DefaultEndpointsProtocol=...;" key=value
 * </pre>
 *
 * <p>It prints one line, {@value #RESULT} followed by {@code key=value} pairs (bytes, MB/s each way, peak heap),
 * and exits 0 only if both downloads matched; 1 if anything failed; 2 for bad arguments. The upload has an
 * unknown length, the hardest case for bounded memory. The container it creates is deleted at the end.
 */
public final class LargeRoundTrip {
    /** The first word of the result line. */
    public static final String RESULT = "LARGE_ROUND_TRIP";
    private static final long SEED = 0x5EED;

    private LargeRoundTrip() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !args[0].matches("\\d+")) {
            System.err.println("usage: LargeRoundTrip <bytes> <address> [option=value ...]");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                System.err.println("options are name=value, not '" + args[i] + "'");
                System.exit(2);
            }
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        try {
            boolean ok = run(Long.parseLong(args[0]), args[1], options);
            System.exit(ok ? 0 : 1);
        } catch (StorageException | IOException e) {
            System.out.println(RESULT + " ok=false error=" + e);
            System.exit(1);
        }
    }

    private static boolean run(long size, String address, Map<String, String> options) throws IOException {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try (StorageAccount account = Unistore.open(address, options)) {
            BlobStore blobs = account.blobs();
            String container = TestData.uniqueName("large");
            blobs.createContainer(container);
            Path dir = Files.createTempDirectory("unistore-large");
            Path file = dir.resolve("download.bin");
            try {
                MessageDigest sent = sha256();
                long t0 = System.nanoTime();
                try (InputStream in = new DigestInputStream(TestData.stream(SEED, size), sent)) {
                    blobs.upload(container, "large.bin", in, UploadOptions.defaults());
                }
                long t1 = System.nanoTime();
                String streamed = TestData.sha256(blobs.openInputStream(container, "large.bin"));
                long t2 = System.nanoTime();
                blobs.downloadToFile(container, "large.bin", file, ReadOptions.defaults());
                long t3 = System.nanoTime();
                String expected = HexFormat.of().formatHex(sent.digest());
                boolean ok = expected.equals(streamed) && expected.equals(TestData.sha256(file))
                        && Files.size(file) == size;
                System.out.printf(Locale.ROOT, "%s ok=%s provider=%s bytes=%d uploadMBps=%.1f downloadMBps=%.1f "
                                + "downloadToFileMBps=%.1f peakHeapMiB=%.1f maxHeapMiB=%d%n", RESULT, ok,
                        account.providerId(), size, mbPerSecond(size, t1 - t0), mbPerSecond(size, t2 - t1),
                        mbPerSecond(size, t3 - t2), peakHeapBytes() / 1048576.0,
                        Runtime.getRuntime().maxMemory() / 1048576);
                return ok;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
                blobs.deleteContainer(container);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double mbPerSecond(long bytes, long nanos) {
        return bytes / 1e6 / Math.max(nanos / 1e9, 1e-9);
    }

    /** The sum of each heap pool's peak since the start: an upper bound of the heap ever in use at once. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
