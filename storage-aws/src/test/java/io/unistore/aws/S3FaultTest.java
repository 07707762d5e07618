package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobFaultWorkload;
import io.unistore.tck.FaultRuns;
import io.unistore.tck.FaultTally;
import io.unistore.testsupport.faults.FaultKind;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The core blob paths on S3 with 20% of requests harmed by a {@link FaultProxy} between the SDK and S3Proxy: every
 * operation must succeed and every byte must verify through an unfaulted account. {@code -Dunistore.faults.ops=N}
 * runs N rounds instead of the CI-sized count.
 */
class S3FaultTest {
    @Test
    void blobsSurviveFaults() {
        FaultPlan plan = FaultPlan.of(FaultRuns.seed(), FaultRuns.SHARE)
                .withLatency(Duration.ofMillis(10), Duration.ofMillis(100));
        S3Proxy s3 = S3Proxy.shared();
        try (FaultProxy proxy = FaultProxy.start(s3.endpoint().getPort(), plan)) {
            Map<String, String> options = S3ProxyAccounts.options(s3);
            options.put("endpoint", proxy.endpoint());
            // Ten attempts: a request failing every time at a 20% fault rate is then about 1 in 10^8.
            options.put("maxAttempts", "10");
            options.put("retryBaseDelayMs", "10");
            options.put("maxRetryDelayMs", "100");
            options.put("apiCallAttemptTimeoutMs", "20000");
            options.put("partSize", "5MiB");
            StorageAccount faulted = Unistore.open("s3://", options);
            StorageAccount direct = S3ProxyAccounts.open(false);
            FaultTally t = new BlobFaultWorkload(faulted.blobs(), direct.blobs(), S3ProxyAccounts.bucket("faults"),
                    16 * 1024, 5 * 1024 * 1024 + 300 * 1024, 5L * 1024 * 1024, 6).run(FaultRuns.ops(30), FaultRuns.seed());
            System.out.println("[faults] aws " + t + "; " + plan.counts());
            t.assertClean();
            for (FaultKind k : FaultKind.values()) {
                assertThat(plan.counts().of(k)).as("%s injected", k).isPositive();
            }
        }
    }
}
