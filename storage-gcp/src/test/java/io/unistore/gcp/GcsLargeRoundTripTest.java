package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB upload and download through the provider in a child JVM limited to {@code -Xmx128m}: memory stays
 * flat with object size. The stand-in runs here and keeps the object on disk.
 */
class GcsLargeRoundTripTest {
    private static final long SIZE = 1L << 30;

    @Test
    void oneGibibyteRoundTripsIn128MegabytesOfHeap() {
        try (GcsStandIn gcs = GcsStandIn.start()) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ManagedProcess.Result result = ManagedProcess.run(List.of(java, "-Xmx128m", "-cp", classPath,
                    LargeRoundTripMain.class.getName(), gcs.endpoint(), Long.toString(SIZE)), null,
                    Duration.ofMinutes(4));
            String line = result.output().lines().filter(l -> l.startsWith("ROUND-TRIP")).findFirst().orElse("");
            System.out.println(line);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(line).contains("bytes=" + SIZE).contains("maxHeapMiB=128").contains("same=true");
        }
    }
}
