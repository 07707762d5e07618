package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors answered by the stand-in, through the SDK's retries (shortened: 3 attempts, 10 ms back-off) to the
 * neutral code, with status, reason and request id kept.
 */
class GcsServiceErrorsTest {
    static StandInFixture env;
    static GcsStandIn gcs;
    static BlobStore blobs;

    @BeforeAll
    static void start() {
        env = StandInFixture.start();
        gcs = env.gcs;
        blobs = env.blobs;
        blobs.createContainer("errors");
        blobs.upload("errors", "there", new byte[] {1});
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @BeforeEach
    void noFaults() {
        gcs.clearFaults();
    }

    @Test
    void throttlingIsRetriedThenReportedAsRetryable() {
        gcs.failNext("GET", "/o/there", 429, 1000);
        long t0 = System.nanoTime();
        StorageException e = StandInFixture.failure(() -> blobs.getProperties("errors", "there"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(e.code()).isEqualTo(ErrorCode.THROTTLED);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.providerStatus()).isEqualTo(429);
        assertThat(e.providerCode()).isEqualTo("rateLimitExceeded");
        assertThat(e.requestId()).isNotBlank();
        long attempts = gcs.requests().stream().filter(r -> r.startsWith("GET /storage/v1/b/errors/o/there")).count();
        assertThat(attempts).as("the SDK retried up to maxAttempts").isEqualTo(3);
    }

    @Test
    void aTransientFailureIsRetriedAway() {
        gcs.failNext("GET", "/o/there", 503, 1);
        assertThat(blobs.getProperties("errors", "there").size()).isEqualTo(1);
    }

    @Test
    void serviceAnswersMapToNeutralCodes() {
        gcs.failNext("GET", "/o/there", 403, 1);
        assertThat(StandInFixture.failure(() -> blobs.getProperties("errors", "there")).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
        gcs.failNext("GET", "/o/there", 401, 1);
        assertThat(StandInFixture.failure(() -> blobs.getProperties("errors", "there")).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        StorageException exists = StandInFixture.failure(() -> blobs.createContainer("errors"));
        assertThat(exists.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        assertThat(exists.providerStatus()).isEqualTo(409);
        assertThat(exists.providerCode()).isEqualTo("conflict");
        StorageException missing = StandInFixture.failure(() -> blobs.upload("no-such-bucket", "x", new byte[1]));
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(missing.providerStatus()).isEqualTo(404);
        assertThat(StandInFixture.failure(() -> blobs.list("no-such-bucket").firstPage()).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(StandInFixture.failure(() -> blobs.openInputStream("errors", "there",
                io.unistore.blob.ReadOptions.range(io.unistore.ByteRange.from(2)))).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

}
