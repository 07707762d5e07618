package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Server-side copies (single and UploadPartCopy), storage classes as tiers, and archived objects. */
class S3CopyAndTierTest {
    private static final int MIB = 1 << 20;
    private static StorageAccount account;
    private static BlobStore blobs;
    private static S3Client raw;
    private static String bucket;

    @BeforeAll
    static void open() {
        // A low multipart-copy threshold makes small objects take the UploadPartCopy path (S3's is 5 GiB).
        account = S3ProxyAccounts.open(Map.of("multipartCopyThreshold", "6MiB"));
        blobs = account.blobs();
        raw = S3ProxyAccounts.rawClient();
        bucket = S3ProxyAccounts.bucket("copy");
        blobs.createContainer(bucket);
    }

    @AfterAll
    static void close() {
        blobs.deleteContainer(bucket);
        raw.close();
        account.close();
    }

    @Test
    void copyKeepsOrReplacesHeadersAndMetadata() {
        blobs.upload(bucket, "src", "content".getBytes(), UploadOptions.defaults().withContentType("text/plain")
                .withMetadata(Map.of("Origin", "here")));
        BlobWriteResult kept = blobs.copy(bucket, "src", bucket, "dst", CopyOptions.defaults());
        var p = blobs.getProperties(bucket, "dst");
        assertThat(p.metadata()).isEqualTo(Map.of("origin", "here"));
        assertThat(p.contentType()).isEqualTo("text/plain");
        assertThat(kept.etag()).isEqualTo(p.etag());
        blobs.copy(bucket, "src", bucket, "dst2", CopyOptions.defaults().withMetadata(Map.of("New", "1"))
                .withContentType("application/json"));
        var q = blobs.getProperties(bucket, "dst2");
        assertThat(q.metadata()).isEqualTo(Map.of("new", "1"));
        assertThat(q.contentType()).isEqualTo("application/json");
        assertThat(blobs.downloadBytes(bucket, "dst2")).isEqualTo("content".getBytes());
    }

    @Test
    void copyConditionsOnSourceAndTarget() {
        BlobWriteResult src = blobs.upload(bucket, "csrc", "a".getBytes());
        blobs.upload(bucket, "ctarget", "b".getBytes());
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.copy(bucket, "csrc", bucket, "ctarget",
                CopyOptions.defaults().withTargetConditions(RequestConditions.ifNotExists())));
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.copy(bucket, "csrc", bucket, "cnew",
                CopyOptions.defaults().withSourceConditions(RequestConditions.ifMatch("\"0000\""))));
        blobs.copy(bucket, "csrc", bucket, "cnew", CopyOptions.defaults()
                .withSourceConditions(RequestConditions.ifMatch(src.etag()))
                .withTargetConditions(RequestConditions.ifNotExists()));
        assertThat(blobs.downloadBytes(bucket, "cnew")).isEqualTo("a".getBytes());
        assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(bucket, "missing", bucket, "x", CopyOptions.defaults()));
        assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(bucket, "csrc", "no-such-bucket-y2", "x",
                CopyOptions.defaults()));
    }

    @Test
    void largeObjectsAreCopiedByParts() {
        byte[] data = S3UploadTest.random(14 * MIB + 3);
        blobs.upload(bucket, "big", new ByteArrayInputStream(data), UploadOptions.defaults()
                .withMetadata(Map.of("Size", "big")).withContentType("application/x-big").withBlockSize(5 * MIB));
        BlobWriteResult r = blobs.copy(bucket, "big", bucket, "big-copy", CopyOptions.defaults());
        assertThat(r.etag()).as("UploadPartCopy of 6 MiB parts").endsWith("-3\"");
        assertThat(r.size()).isEqualTo(data.length);
        assertThat(blobs.downloadBytes(bucket, "big-copy")).isEqualTo(data);
        var p = blobs.getProperties(bucket, "big-copy");
        assertThat(p.metadata()).isEqualTo(Map.of("size", "big"));
        assertThat(p.contentType()).isEqualTo("application/x-big");
        assertThat(raw.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void tiersAreWrittenAsStorageClassesAndReadBack() {
        for (var expected : Map.of(AccessTier.HOT, "STANDARD", AccessTier.COOL, "STANDARD_IA", AccessTier.COLD,
                "GLACIER_IR", AccessTier.ARCHIVE, "GLACIER").entrySet()) {
            String name = "born-" + expected.getKey();
            blobs.upload(bucket, name, "t".getBytes(), UploadOptions.defaults().withTier(expected.getKey()));
            var p = blobs.getProperties(bucket, name);
            assertThat(p.tier()).isEqualTo(expected.getKey());
            assertThat(p.tierName()).isEqualTo(expected.getValue());
        }
    }

    /**
     * S3Proxy keeps a storage class only from a single PutObject: it ignores the class of CopyObject and of
     * multipart uploads, so a tier change is checked by the request S3 receives.
     */
    @Test
    void setTierCopiesTheObjectOntoItselfWithTheNewClass() {
        try (RecordingStore store = new RecordingStore(Map.of())) {
            var written = store.blobs.upload(bucket, "tiered", "t".getBytes(), UploadOptions.defaults()
                    .withMetadata(Map.of("Keep", "me")).withContentType("text/plain"));
            store.blobs.setTier(bucket, "tiered", AccessTier.COOL);
            var copy = store.last("PUT");
            assertThat(copy.firstMatchingHeader("x-amz-copy-source")).hasValueSatisfying(v -> assertThat(v)
                    .endsWith(bucket + "/tiered"));
            assertThat(copy.firstMatchingHeader("x-amz-storage-class")).hasValue("STANDARD_IA");
            assertThat(copy.firstMatchingHeader("x-amz-metadata-directive")).hasValue("REPLACE");
            assertThat(copy.firstMatchingHeader("x-amz-meta-keep")).hasValue("me");
            assertThat(copy.firstMatchingHeader("Content-Type")).hasValue("text/plain");
            assertThat(copy.firstMatchingHeader("x-amz-copy-source-if-match")).hasValue(written.etag());
            assertThat(store.blobs.getProperties(bucket, "tiered").metadata()).isEqualTo(Map.of("keep", "me"));

            store.blobs.copy(bucket, "tiered", bucket, "tiered-copy", CopyOptions.defaults().withTier(AccessTier.COLD));
            assertThat(store.last("PUT").firstMatchingHeader("x-amz-storage-class")).hasValue("GLACIER_IR");
        }
    }

    @Test
    void archivedObjectsRefuseReadsAndCopiesAndLeaveArchiveByRestoring() {
        try (RecordingStore store = new RecordingStore(Map.of("restoreDays", "3", "restoreTier", "Bulk"))) {
            store.blobs.upload(bucket, "frozen", "ice".getBytes(), UploadOptions.defaults().withTier(AccessTier.ARCHIVE));
            var p = store.blobs.getProperties(bucket, "frozen");
            assertThat(p.tier()).isEqualTo(AccessTier.ARCHIVE);
            assertThat(p.archiveStatus()).isNull();
            // S3 refuses these with 403 InvalidObjectState; S3Proxy does not, the provider refuses them itself.
            assertFails(ErrorCode.CONFLICT, () -> store.blobs.openInputStream(bucket, "frozen",
                    io.unistore.blob.ReadOptions.defaults()));
            assertFails(ErrorCode.CONFLICT, () -> store.blobs.copy(bucket, "frozen", bucket, "thawed",
                    CopyOptions.defaults()));
            assertFails(ErrorCode.CONFLICT, () -> store.blobs.setMetadata(bucket, "frozen", Map.of(),
                    RequestConditions.none()));
            // Leaving ARCHIVE starts a RestoreObject, which S3Proxy does not implement (501 NotImplemented).
            assertThatThrownBy(() -> store.blobs.setTier(bucket, "frozen", AccessTier.HOT))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
                        assertThat(e.providerStatus()).isEqualTo(501);
                    });
            var restore = store.last("POST");
            assertThat(restore.rawQueryParameters()).containsKey("restore");
            assertThat(restore.encodedPath()).endsWith("/frozen");
        }
    }

    @Test
    void deepArchiveByOption() {
        try (StorageAccount deep = S3ProxyAccounts.open(Map.of("archiveClass", "DEEP_ARCHIVE"))) {
            deep.blobs().upload(bucket, "deep", "d".getBytes(), UploadOptions.defaults().withTier(AccessTier.ARCHIVE));
            var p = deep.blobs().getProperties(bucket, "deep");
            assertThat(p.tier()).isEqualTo(AccessTier.ARCHIVE);
            assertThat(p.tierName()).isEqualTo("DEEP_ARCHIVE");
        }
    }

    static void assertFails(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
