package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metrics stream: a child JVM with a 128 MiB heap measures a local container of many objects. The default run
 * uses 5,000 objects (CI-sized); {@code -Dunistore.metrics.objects=100000} runs the full size.
 */
class MetricsHeapTest {
    static final int OBJECTS = Integer.getInteger("unistore.metrics.objects", 5_000);

    @TempDir
    Path dir;

    @Test
    void measuresManyObjectsInA128MiBHeap() throws Exception {
        try (StorageAccount account = Unistore.open(dir.toString())) {
            account.blobs().createContainer("many");
            byte[] one = new byte[7];
            for (int i = 0; i < OBJECTS; i++) {
                account.blobs().upload("many", String.format("d%03d/e%02d/o%07d", i % 997, i % 13, i), one);
            }
        }
        long start = System.nanoTime();
        try (ChildProcess child = ChildProcess.start(MetricsHeapChild.class, List.of("-Xmx128m",
                "-XX:+UseSerialGC"), dir.toString())) {
            String line = child.awaitLine("metrics", 600);
            assertThat(child.await(60)).as(child.output()).isZero();
            assertThat(line).as(child.output()).contains("objects=" + OBJECTS + " ", "bytes=" + 7L * OBJECTS + " ");
            long maxHeap = Long.parseLong(line.replaceAll(".*maxHeap=(\\d+).*", "$1"));
            assertThat(maxHeap).isLessThanOrEqualTo(128L << 20);
            System.out.printf("[metrics-heap] %d objects measured in a %d MiB heap in %d ms: %s%n", OBJECTS,
                    maxHeap >> 20, (System.nanoTime() - start) / 1_000_000, line);
        }
    }
}
