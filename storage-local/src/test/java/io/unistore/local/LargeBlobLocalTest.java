package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1 GiB blob goes up and comes back byte for byte in a child JVM limited to a 128 MiB heap. */
class LargeBlobLocalTest {
    private static final long ONE_GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void oneGibibyteRoundTripsInA128MibHeap() throws Exception {
        try (ChildProcess child = ChildProcess.start(ChildMains.LargeRoundTrip.class, List.of("-Xmx128m"),
                dir.toString(), String.valueOf(ONE_GIB))) {
            String result = child.awaitLine("RESULT", 180);
            assertThat(child.await(30)).as(child.output()).isZero();
            System.out.println("[large blob, -Xmx128m] " + result);
            assertThat(result).contains("bytes=" + ONE_GIB).contains("maxHeapMiB=128");
        }
    }
}
