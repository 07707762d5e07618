package io.unistore.bench.large;

import io.unistore.Unistore;
import io.unistore.bench.Backends;
import io.unistore.crypto.EncryptionLayer;
import io.unistore.crypto.LocalKeyset;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Runs in a child JVM with a small heap ({@code -Xmx128m}): uploads a file, downloads it back, deletes it, and
 * prints one line {@code RESULT upload=S download=S heapUp=MiB rssUp=MiB heapDown=MiB rssDown=MiB}. The back end
 * is reached through environment variables the parent sets ({@code BENCH_*}).
 *
 * <p>Arguments: {@code BACKEND (azure|s3|gcs|local) VARIANT (unistore|encrypted|sdk|tuned) FILE CONTAINER BLOB};
 * {@code encrypted} is Unistore through the encryption layer (keyset file and password in {@code BENCH_KEYSET*}).
 */
public final class TransferChild {
    private TransferChild() {
    }

    public static void main(String[] args) throws Exception {
        String backend = args[0];
        String variant = args[1];
        Path file = Path.of(args[2]);
        String container = args[3];
        String blob = args[4];
        Path back = file.resolveSibling(file.getFileName() + ".back");
        long size = Files.size(file);
        try (Transfer t = transfer(backend, variant, System.getenv())) {
            Memory.reset();
            long t0 = System.nanoTime();
            t.upload(file, container, blob);
            double up = (System.nanoTime() - t0) / 1e9;
            double heapUp = Memory.peakHeapMiB();
            double rssUp = Memory.peakRssMiB();
            Memory.reset();
            t0 = System.nanoTime();
            t.download(container, blob, back);
            double down = (System.nanoTime() - t0) / 1e9;
            double heapDown = Memory.peakHeapMiB();
            double rssDown = Memory.peakRssMiB();
            if (Files.size(back) != size) {
                throw new IllegalStateException("downloaded " + Files.size(back) + " bytes of " + size);
            }
            t.delete(container, blob);
            System.out.printf(Locale.ROOT, "RESULT upload=%.4f download=%.4f heapUp=%.1f rssUp=%.1f heapDown=%.1f "
                    + "rssDown=%.1f%n", up, down, heapUp, rssUp, heapDown, rssDown);
        } finally {
            Files.deleteIfExists(back);
        }
    }

    static Transfer transfer(String backend, String variant, Map<String, String> env) {
        boolean tuned = variant.equals("tuned");
        if (variant.equals("unistore") || variant.equals("encrypted")) {
            Unistore.Builder account = switch (backend) {
                case "azure" -> Unistore.builder().address(env.get("BENCH_AZURE")).options(Map.of("versioning", "false"));
                case "s3" -> Unistore.builder().address("s3://").options(Map.of("endpoint", env.get("BENCH_S3_ENDPOINT"),
                        "accessKeyId", env.get("BENCH_S3_ID"), "secretAccessKey", env.get("BENCH_S3_SECRET"),
                        "region", "us-east-1"));
                case "gcs" -> Unistore.builder().address("gs://" + Backends.GCS_PROJECT).options(Map.of("endpoint",
                        env.get("BENCH_GCS"), "credentials", "none"));
                case "local" -> Unistore.builder().address("file:" + env.get("BENCH_LOCAL"));
                default -> throw new IllegalArgumentException("backend: azure, s3, gcs or local, was " + backend);
            };
            if (variant.equals("encrypted")) {
                // The keyset the parent made; opening it (PBKDF2) happens before the timed transfers.
                account.layer(EncryptionLayer.of(LocalKeyset.open(Path.of(env.get("BENCH_KEYSET")),
                        env.get("BENCH_KEYSET_PASSWORD").toCharArray())));
            }
            return new UnistoreTransfer(account.open());
        }
        return switch (backend) {
            case "azure" -> new AzureTransfer(env.get("BENCH_AZURE"), tuned);
            case "s3" -> new S3Transfer(URI.create(env.get("BENCH_S3_ENDPOINT")), env.get("BENCH_S3_ID"),
                    env.get("BENCH_S3_SECRET"), tuned);
            case "gcs" -> new GcsTransfer(env.get("BENCH_GCS"), Backends.GCS_PROJECT, tuned);
            default -> throw new IllegalArgumentException("backend: azure, s3 or gcs, was " + backend);
        };
    }
}
