package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobFaultWorkload;
import io.unistore.tck.FaultRuns;
import io.unistore.tck.FaultTally;
import io.unistore.testsupport.faults.FaultKind;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The core blob paths on Cloud Storage with 20% of requests harmed by a {@link FaultProxy} between the SDK and the
 * GCS stand-in: every operation must succeed and every byte must verify through an unfaulted account.
 * {@code -Dunistore.faults.ops=N} runs N rounds instead of the CI-sized count.
 */
class GcsFaultTest {
    @Test
    void blobsSurviveFaults() {
        FaultPlan plan = FaultPlan.of(FaultRuns.seed(), FaultRuns.SHARE)
                .withLatency(Duration.ofMillis(10), Duration.ofMillis(100));
        try (GcsStandIn gcs = GcsStandIn.start(); FaultProxy proxy = FaultProxy.start(gcs.port(), plan)) {
            Map<String, String> options = StandInFixture.options(gcs, "versioning", "false",
                    // Ten attempts: a request failing every time at a 20% fault rate is then about 1 in 10^8.
                    "maxAttempts", "10", "retryDelayMillis", "10", "maxRetryDelayMillis", "100",
                    "timeoutMillis", "20000", "singleShotLimit", "262144");
            options.put("endpoint", proxy.endpoint());
            StorageAccount faulted = Unistore.open("gs://" + StandInFixture.PROJECT, options);
            StorageAccount direct = StandInFixture.open(gcs, "versioning", "false");
            FaultTally t = new BlobFaultWorkload(faulted.blobs(), direct.blobs(), "faults", 16 * 1024, 700 * 1024,
                    256 * 1024, 4).run(FaultRuns.ops(30), FaultRuns.seed());
            System.out.println("[faults] gcp " + t + "; " + plan.counts());
            t.assertClean();
            for (FaultKind k : FaultKind.values()) {
                assertThat(plan.counts().of(k)).as("%s injected", k).isPositive();
            }
        }
    }
}
