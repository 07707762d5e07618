package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads against S3Proxy: single PUT vs multipart, aborts, MD5, lowercase metadata keys, conditional writes. */
class S3UploadTest {
    private static final int MIB = 1 << 20;
    private static StorageAccount account;
    private static BlobStore blobs;
    private static S3Client raw;
    private static String bucket;

    @BeforeAll
    static void open() {
        account = S3ProxyAccounts.open(false);
        blobs = account.blobs();
        raw = S3ProxyAccounts.rawClient();
        bucket = S3ProxyAccounts.bucket("upload");
        blobs.createContainer(bucket);
    }

    @AfterAll
    static void close() {
        blobs.deleteContainer(bucket);
        raw.close();
        account.close();
    }

    @Test
    void aStreamFailingMidUploadLeavesNoObjectAndNoPendingUpload() {
        blobs.upload(bucket, "kept", "old".getBytes());
        InputStream failing = new FailingStream(13 * MIB);
        UploadOptions o = UploadOptions.defaults().withBlockSize(5 * MIB).withConcurrency(2);
        assertThatThrownBy(() -> blobs.upload(bucket, "kept", failing, o))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("reading the content");
        assertThatThrownBy(() -> blobs.upload(bucket, "never", new FailingStream(11 * MIB), o))
                .isInstanceOf(StorageException.class);
        assertThat(blobs.downloadBytes(bucket, "kept")).as("the previous content stays").isEqualTo("old".getBytes());
        assertThat(blobs.exists(bucket, "never")).isFalse();
        assertThat(raw.listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("aborted, not left pending")
                .isEmpty();
    }

    @Test
    void largeContentGoesInParallelPartsAndReportsProgress() throws Exception {
        byte[] data = random(23 * MIB + 7);
        List<Long> progress = new CopyOnWriteArrayList<>();
        BlobWriteResult r = blobs.upload(bucket, "parts", new ByteArrayInputStream(data), UploadOptions.defaults()
                .withBlockSize(5 * MIB).withConcurrency(3).withProgress((done, total) -> progress.add(done)));
        assertThat(r.etag()).as("a multipart ETag").endsWith("-5\"");
        assertThat(r.size()).isEqualTo(data.length);
        assertThat(r.contentMd5()).as("S3 keeps no MD5 of a multipart object").isNull();
        assertThat(blobs.getProperties(bucket, "parts").contentMd5()).isNull();
        assertThat(blobs.downloadBytes(bucket, "parts")).isEqualTo(data);
        assertThat(progress).hasSize(5).contains((long) data.length);
        assertThat(blobs.getProperties(bucket, "parts").etag()).isEqualTo(r.etag());
    }

    @Test
    void aKnownSmallLengthIsOnePutWithItsMd5() throws Exception {
        byte[] data = random(100_000);
        BlobWriteResult r = blobs.upload(bucket, "single", data, UploadOptions.defaults().withContentMd5(md5(data)));
        assertThat(r.etag()).doesNotContain("-");
        assertThat(r.contentMd5()).isEqualTo(md5(data));
        assertThat(blobs.getProperties(bucket, "single").contentMd5()).isEqualTo(md5(data));
        assertThat(r.lastModified()).isNotNull();
    }

    @Test
    void aWrongMd5StoresNothingInEitherPath() throws Exception {
        String wrong = md5("other".getBytes());
        assertThatThrownBy(() -> blobs.upload(bucket, "bad-small", "content".getBytes(),
                UploadOptions.defaults().withContentMd5(wrong)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageStartingWith("contentMd5:");
        assertThatThrownBy(() -> blobs.upload(bucket, "bad-large", new ByteArrayInputStream(random(11 * MIB)),
                UploadOptions.defaults().withBlockSize(5 * MIB).withContentMd5(wrong)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(blobs.exists(bucket, "bad-small")).isFalse();
        assertThat(blobs.exists(bucket, "bad-large")).isFalse();
        assertThat(raw.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void aLengthThatLiesFailsAndStoresNothing() {
        assertThatThrownBy(() -> blobs.upload(bucket, "short", new ByteArrayInputStream(new byte[10]),
                UploadOptions.defaults().withLength(20)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageStartingWith("length:");
        assertThat(blobs.exists(bucket, "short")).isFalse();
    }

    @Test
    void headersAreKeptAndMetadataKeysAreLowercaseAsS3KeepsThem() {
        Map<String, String> metadata = Map.of("Author", "Ada", "lower", "x", "camelCase_2", "y", "x-hyphen.key", "z");
        Map<String, String> stored = Map.of("author", "Ada", "lower", "x", "camelcase_2", "y", "x-hyphen.key", "z");
        blobs.upload(bucket, "meta", "m".getBytes(), UploadOptions.defaults().withMetadata(metadata)
                .withContentType("text/plain").withContentEncoding("identity").withCacheControl("no-cache")
                .withContentDisposition("attachment; filename=\"m.txt\""));
        var p = blobs.getProperties(bucket, "meta");
        assertThat(p.metadata()).isEqualTo(stored);
        assertThat(account.capabilities().metadataRules().stored(metadata)).isEqualTo(stored);
        assertThat(p.contentType()).isEqualTo("text/plain");
        assertThat(p.contentEncoding()).isEqualTo("identity");
        assertThat(p.cacheControl()).isEqualTo("no-cache");
        assertThat(p.contentDisposition()).isEqualTo("attachment; filename=\"m.txt\"");
        assertThat(raw.headObject(b -> b.bucket(bucket).key("meta")).metadata())
                .as("what any S3 client sees: the keys given, in lowercase, and nothing else").isEqualTo(stored);
        var updated = blobs.setMetadata(bucket, "meta", Map.of("Reviewer", "Grace"), RequestConditions.none());
        assertThat(blobs.getProperties(bucket, "meta").metadata()).isEqualTo(Map.of("reviewer", "Grace"));
        assertThat(blobs.getProperties(bucket, "meta").contentType()).as("headers survive a metadata change")
                .isEqualTo("text/plain");
        assertThat(updated.etag()).isNotNull();
        assertThatThrownBy(() -> blobs.upload(bucket, "dup", "d".getBytes(),
                UploadOptions.defaults().withMetadata(Map.of("Key", "1", "key", "2"))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> blobs.upload(bucket, "big", "d".getBytes(),
                UploadOptions.defaults().withMetadata(Map.of("k", "x".repeat(2048)))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageContaining("2048 bytes");
    }

    @Test
    void conditionalWrites() {
        BlobWriteResult first = blobs.upload(bucket, "cond", "1".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifNotExists()));
        assertPreconditionFailed(() -> blobs.upload(bucket, "cond", "2".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifNotExists())));
        BlobWriteResult second = blobs.upload(bucket, "cond", "22".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifMatch(first.etag())));
        assertPreconditionFailed(() -> blobs.upload(bucket, "cond", "3".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifMatch(first.etag()))));
        // Conditions S3 cannot send on a PUT are checked first, then the PUT is pinned to what was seen.
        assertPreconditionFailed(() -> blobs.upload(bucket, "cond", "3".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifNoneMatch(second.etag()))));
        blobs.upload(bucket, "cond", "333".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifNoneMatch(first.etag())));
        assertPreconditionFailed(() -> blobs.upload(bucket, "cond", "4".getBytes(), UploadOptions.defaults()
                .withConditions(RequestConditions.none().withIfModifiedSince(Instant.now().plusSeconds(3600)))));
        blobs.upload(bucket, "cond", "4444".getBytes(), UploadOptions.defaults()
                .withConditions(RequestConditions.none().withIfUnmodifiedSince(Instant.now().plusSeconds(3600))));
        assertThat(blobs.downloadBytes(bucket, "cond")).isEqualTo("4444".getBytes());
        assertPreconditionFailed(() -> blobs.upload(bucket, "absent", "x".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifMatch(first.etag()))));
        assertPreconditionFailed(() -> blobs.upload(bucket, "absent", new ByteArrayInputStream(random(11 * MIB)),
                UploadOptions.defaults().withBlockSize(5 * MIB).withConditions(RequestConditions.ifMatch("\"nope\""))));
        assertThat(blobs.exists(bucket, "absent")).isFalse();
        assertThat(raw.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void aMissingBucketIsNotFound() {
        assertThatThrownBy(() -> blobs.upload("no-such-bucket-x1", "k", "x".getBytes()))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.providerCode()).isEqualTo("NoSuchBucket");
                    assertThat(e.providerStatus()).isEqualTo(404);
                });
    }

    private static void assertPreconditionFailed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    static String md5(byte[] data) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
    }

    /** Random bytes that fail with an IOException after {@code failAt} bytes. */
    static final class FailingStream extends InputStream {
        private final long failAt;
        private long position;

        FailingStream(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= failAt) {
                throw new IOException("disk on fire");
            }
            int n = (int) Math.min(len, failAt - position);
            position += n;
            return n;
        }
    }
}
