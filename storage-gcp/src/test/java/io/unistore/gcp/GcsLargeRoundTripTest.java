package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.tck.ChildJvm;
import io.unistore.tck.LargeRoundTrip;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB upload (of unknown length) and two downloads (stream, file) through the provider in a child JVM
 * limited to {@code -Xmx128m}: memory stays flat with object size. The stand-in runs here and keeps the
 * object on disk.
 */
class GcsLargeRoundTripTest {
    private static final long SIZE = 1L << 30;

    @Test
    void oneGibibyteRoundTripsIn128MegabytesOfHeap() {
        try (GcsStandIn gcs = GcsStandIn.start()) {
            List<String> args = new ArrayList<>(List.of(Long.toString(SIZE), "gs://" + StandInFixture.PROJECT));
            for (Map.Entry<String, String> option : StandInFixture.options(gcs).entrySet()) {
                args.add(option.getKey() + "=" + option.getValue());
            }
            ChildJvm.Result result = ChildJvm.run(LargeRoundTrip.class, List.of("-Xmx128m"), args,
                    Duration.ofMinutes(4));
            String line = result.line(LargeRoundTrip.RESULT);
            System.out.println(line);
            assertThat(result.succeeded()).as(result.output()).isTrue();
            assertThat(line).contains("ok=true").contains("provider=gcp").contains("bytes=" + SIZE)
                    .contains("maxHeapMiB=128");
        }
    }
}
