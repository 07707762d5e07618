package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.tck.ChildJvm;
import io.unistore.tck.LargeRoundTrip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB blob of unknown length goes up and comes back byte for byte, as a stream and into a file, in a child
 * JVM limited to a 128 MiB heap (the conformance kit's {@link LargeRoundTrip}).
 */
class LargeBlobLocalTest {
    private static final long ONE_GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void oneGibibyteRoundTripsInA128MibHeap() {
        ChildJvm.Result run = ChildJvm.run(LargeRoundTrip.class, List.of("-Xmx128m"),
                List.of(String.valueOf(ONE_GIB), "file:" + dir), Duration.ofMinutes(5));
        assertThat(run.exitCode()).as(run.output()).isZero();
        String result = run.line(LargeRoundTrip.RESULT);
        System.out.println("[large blob, -Xmx128m] " + result);
        assertThat(result).contains("ok=true", "bytes=" + ONE_GIB, "maxHeapMiB=128");
    }
}
