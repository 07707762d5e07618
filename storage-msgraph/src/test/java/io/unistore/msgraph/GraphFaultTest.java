package io.unistore.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.FaultRuns;
import io.unistore.tck.FaultTally;
import io.unistore.tck.FileFaultWorkload;
import io.unistore.tck.TestData;
import io.unistore.testsupport.faults.FaultKind;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The file paths of the Graph provider with 20% of requests harmed by a {@link FaultProxy} between the SDK and the
 * Graph stand-in (429 and 503 with Retry-After, connections reset while sending or answering, latency): every
 * operation must succeed and every byte verify through an unfaulted account. Uploads above 64 KiB go through
 * upload sessions of 320 KiB ranges, so resets hit ranges too. {@code -Dunistore.faults.ops=N} runs N rounds.
 */
class GraphFaultTest {
    /** Sessions for anything above 64 KiB, in Graph's smallest range size. */
    static final Map<String, String> SMALL_RANGES = Map.of("simpleUploadMax", "65536", "uploadChunkSize", "327680",
            "maxRetries", "9");

    @Test
    void filesSurviveFaults() {
        FaultPlan plan = FaultPlan.of(FaultRuns.seed(), FaultRuns.SHARE).withLatency(Duration.ofMillis(10),
                Duration.ofMillis(100)).withRetryAfterSeconds(0);
        String share = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        try (FaultProxy proxy = FaultProxy.start(FaultProxy.portOf(GraphStandInAccounts.standIn().baseUrl()), plan);
             StorageAccount direct = GraphStandInAccounts.open();
             StorageAccount faulted = Unistore.open(GraphStandInAccounts.address(), GraphStandInAccounts.options(
                     with(SMALL_RANGES, "baseUrl", proxy.route(GraphStandInAccounts.standIn().baseUrl()))))) {
            try {
                FaultTally t = new FileFaultWorkload(faulted.files(), direct.files(), share, 800 * 1024)
                        .run(FaultRuns.ops(12), FaultRuns.seed());
                System.out.println("[faults] msgraph " + t + "; " + plan.counts());
                t.assertClean();
                for (FaultKind k : FaultKind.values()) {
                    assertThat(plan.counts().of(k)).as("%s injected", k).isPositive();
                }
            } finally {
                direct.files().deleteShare(share);
            }
        }
    }

    @Test
    void retryAfterIsWaitedFor() {
        // Half the requests are throttled with Retry-After: 1. One client thread: each throttle costs the wait.
        FaultPlan plan = FaultPlan.of(11, 0.5).withKinds(FaultKind.THROTTLE_429).withRetryAfterSeconds(1);
        String share = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        try (FaultProxy proxy = FaultProxy.start(FaultProxy.portOf(GraphStandInAccounts.standIn().baseUrl()), plan);
             StorageAccount direct = GraphStandInAccounts.open();
             StorageAccount faulted = Unistore.open(GraphStandInAccounts.address(), GraphStandInAccounts.options(
                     Map.of("baseUrl", proxy.route(GraphStandInAccounts.standIn().baseUrl()))))) {
            byte[] data = TestData.bytes(3, 1000);
            long start = System.nanoTime();
            try {
                faulted.files().createShare(share);
                for (int i = 0; i < 3; i++) {
                    faulted.files().upload(share, "f" + i, data);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                long throttled = plan.counts().of(FaultKind.THROTTLE_429);
                assertThat(throttled).isPositive();
                assertThat(took).as("%d throttles of Retry-After 1 s", throttled)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(throttled))
                        .isLessThan(Duration.ofSeconds(throttled + 10));
                for (int i = 0; i < 3; i++) {
                    assertThat(direct.files().downloadBytes(share, "f" + i)).isEqualTo(data);
                }
            } finally {
                direct.files().deleteShare(share);
            }
        }
    }

    @Test
    void aCutRangeResumesTheSameSession() {
        // A third of the requests reset, before or after the stand-in applied them: ranges of the session are cut,
        // and the upload goes on from the session's nextExpectedRanges (GETs of the upload URL) instead of failing.
        FaultPlan plan = FaultPlan.of(5, 0.35).withKinds(FaultKind.RESET_REQUEST_BODY, FaultKind.RESET_RESPONSE_BODY);
        String share = "resume-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] data = TestData.bytes(9, 5 * 327680 - 100);
        try (FaultProxy proxy = FaultProxy.start(FaultProxy.portOf(GraphStandInAccounts.standIn().baseUrl()), plan);
             StorageAccount direct = GraphStandInAccounts.open();
             StorageAccount faulted = Unistore.open(GraphStandInAccounts.address(), GraphStandInAccounts.options(
                     with(SMALL_RANGES, "baseUrl", proxy.route(GraphStandInAccounts.standIn().baseUrl()))))) {
            try {
                direct.files().createShare(share);
                faulted.files().upload(share, "big.bin", data);
                assertThat(direct.files().downloadBytes(share, "big.bin")).isEqualTo(data);
                assertThat(GraphStandInAccounts.standIn().requests()).as("session status read to resume")
                        .anyMatch(line -> line.startsWith("GET /_upload/"));
                assertThat(plan.counts().failures()).isPositive();
            } finally {
                direct.files().deleteShare(share);
            }
        }
    }

    @Test
    void anUploadThatGivesUpLeavesTheWholePreviousFile() {
        // Without retries, a range lost in a session fails the upload: the session is cancelled and the file
        // keeps its previous content whole (never a mix, never a truncated file).
        FaultPlan plan = FaultPlan.of(3, 0.3).withKinds(FaultKind.RESET_REQUEST_BODY);
        String share = "whole-" + UUID.randomUUID().toString().substring(0, 8);
        try (FaultProxy proxy = FaultProxy.start(FaultProxy.portOf(GraphStandInAccounts.standIn().baseUrl()), plan);
             StorageAccount direct = GraphStandInAccounts.open();
             StorageAccount faulted = Unistore.open(GraphStandInAccounts.address(), GraphStandInAccounts.options(
                     with(with(SMALL_RANGES, "maxRetries", "0"), "baseUrl",
                             proxy.route(GraphStandInAccounts.standIn().baseUrl()))))) {
            try {
                direct.files().createShare(share);
                byte[] expected = TestData.bytes(1, 4 * 327680);
                direct.files().upload(share, "f.bin", expected);
                String midSessionFailure = null;
                for (int i = 2; i < 22 && midSessionFailure == null; i++) {
                    byte[] next = TestData.bytes(i, 4 * 327680 + i);
                    try {
                        faulted.files().upload(share, "f.bin", next);
                        expected = next;
                    } catch (io.unistore.StorageException e) {
                        if (e.getMessage().matches("(?s).*failed at byte [1-9].*")) {
                            midSessionFailure = e.getMessage();
                        }
                    }
                }
                assertThat(midSessionFailure).as("an upload failed after some ranges arrived").isNotNull();
                assertThat(direct.files().downloadBytes(share, "f.bin")).isEqualTo(expected);
            } finally {
                direct.files().deleteShare(share);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
