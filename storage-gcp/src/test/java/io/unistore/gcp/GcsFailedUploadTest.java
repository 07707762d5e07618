package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No partial object is ever visible after a failed upload, whatever fails: the source stream, the service
 * (faults injected in the stand-in until the retries give up), the declared MD5 or length. The previous
 * content stays as it was.
 */
class GcsFailedUploadTest {
    private static final int CHUNK = 256 * 1024;
    private static final byte[] OLD = "the previous content".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    static StandInFixture env;
    static GcsStandIn gcs;
    static BlobStore blobs;

    @BeforeAll
    static void start() {
        env = StandInFixture.start("chunkSize", Integer.toString(CHUNK), "singleShotLimit", "65536",
                "versioning", "false");
        gcs = env.gcs;
        blobs = env.blobs;
        blobs.createContainer("failures");
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @BeforeEach
    void previousContent() {
        gcs.clearFaults();
        blobs.upload("failures", "existing", OLD);
    }

    @Test
    void aStreamFailingMidwayLeavesNothing() {
        InputStream failing = new FailingStream(3 * CHUNK + 1000);
        assertThatThrownBy(() -> blobs.upload("failures", "fresh", failing, UploadOptions.defaults()))
                .isInstanceOf(StorageException.class).hasMessageContaining("nothing was stored");
        assertThatThrownBy(() -> blobs.upload("failures", "existing", new FailingStream(3 * CHUNK + 1000),
                UploadOptions.defaults())).isInstanceOf(StorageException.class);
        assertNothingChanged("fresh");
        // Chunks did go out: the failure happened after the session had received data.
        assertThat(gcs.requests()).anyMatch(r -> r.startsWith("PUT /upload/") && r.contains("name=") || r.contains("upload_id"));
    }

    @Test
    void serviceFailuresBeyondTheRetriesLeaveNothing() {
        gcs.failNext("PUT", "upload_id=", 503, 1000);
        byte[] content = random(3 * CHUNK);
        StorageException e = StandInFixture.failure(() -> blobs.upload("failures", "existing", new ByteArrayInputStream(content),
                UploadOptions.defaults()));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.providerStatus()).isEqualTo(503);
        assertThat(e.getMessage()).doesNotContainPattern("upload_id=[0-9a-f]");
        gcs.clearFaults();
        assertNothingChanged("fresh");
    }

    @Test
    void aTransientFaultIsRetriedAndTheUploadCompletes() {
        gcs.failNext("PUT", "upload_id=", 503, 1);
        byte[] content = random(3 * CHUNK + 17);
        blobs.upload("failures", "retried", new ByteArrayInputStream(content), UploadOptions.defaults());
        assertThat(blobs.downloadBytes("failures", "retried")).isEqualTo(content);
    }

    @Test
    void aWrongMd5LeavesNothing() {
        String wrong = Base64.getEncoder().encodeToString(new byte[16]);
        byte[] small = random(1000);
        byte[] large = random(2 * CHUNK + 5);
        StorageException s = StandInFixture.failure(() -> blobs.upload("failures", "existing", small,
                UploadOptions.defaults().withContentMd5(wrong)));
        assertThat(s.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        StorageException l = StandInFixture.failure(() -> blobs.upload("failures", "existing", new ByteArrayInputStream(large),
                UploadOptions.defaults().withContentMd5(wrong)));
        assertThat(l.code()).as(l.toString()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(l.providerStatus()).as("GCS itself refused the resumable upload").isEqualTo(400);
        assertNothingChanged("fresh");
    }

    @Test
    void aStreamShorterOrLongerThanDeclaredLeavesNothing() {
        byte[] content = random(2 * CHUNK);
        assertThat(StandInFixture.failure(() -> blobs.upload("failures", "existing", new ByteArrayInputStream(content),
                UploadOptions.defaults().withLength(content.length + 1L))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(StandInFixture.failure(() -> blobs.upload("failures", "existing", new ByteArrayInputStream(content),
                UploadOptions.defaults().withLength(content.length - 1L))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(StandInFixture.failure(() -> blobs.upload("failures", "existing", new ByteArrayInputStream(new byte[10]),
                UploadOptions.defaults().withLength(11))).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertNothingChanged("fresh");
    }

    private static void assertNothingChanged(String fresh) {
        assertThat(blobs.exists("failures", fresh)).isFalse();
        assertThat(blobs.downloadBytes("failures", "existing")).isEqualTo(OLD);
        assertThat(blobs.list("failures").stream().map(i -> i.name()).toList())
                .allMatch(n -> n.equals("existing") || n.equals("retried"));
    }


    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Gives {@code good} random bytes, then fails as a broken network source would. */
    static final class FailingStream extends InputStream {
        private final Random random = new Random(7);
        private long left;

        FailingStream(long good) {
            this.left = good;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("source connection reset");
            }
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
        }
    }
}
