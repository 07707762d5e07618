package io.unistore.aws;

import static io.unistore.aws.S3CopyAndTierTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S3 object versions as neutral versions; declared only when the account turns versioning on. */
class S3VersionsTest {

    @Test
    void versioningIsAnAccountChoice() {
        try (StorageAccount plain = S3ProxyAccounts.open(false); StorageAccount versioned = S3ProxyAccounts.open(true)) {
            assertThat(plain.capabilities().has(Capability.BLOB_VERSIONS)).isFalse();
            assertThat(versioned.capabilities().has(Capability.BLOB_VERSIONS)).isTrue();
            for (StorageAccount a : List.of(plain, versioned)) {
                assertThat(a.capabilities().capabilities()).contains(Capability.BLOBS, Capability.BLOB_TIERS,
                        Capability.BLOB_ARCHIVE, Capability.BLOB_PRESIGNED_URLS, Capability.BLOB_SERVER_SIDE_COPY)
                        .doesNotContain(Capability.BLOB_SNAPSHOTS, Capability.BLOB_LEASES,
                                Capability.CONTAINER_METADATA, Capability.BLOB_COPY_FROM_URL);
            }
            assertFails(ErrorCode.UNSUPPORTED, () -> plain.blobs().listVersions("any-bucket", "k",
                    ListOptions.defaults()));
            assertFails(ErrorCode.UNSUPPORTED, () -> versioned.blobs().createSnapshot("any-bucket", "k", null));
            assertFails(ErrorCode.UNSUPPORTED, () -> versioned.blobs().acquireLease("any-bucket", "k", null, null));
            assertFails(ErrorCode.UNSUPPORTED, () -> versioned.blobs().setContainerMetadata("any-bucket",
                    Map.of("a", "b")));
            assertFails(ErrorCode.UNSUPPORTED, () -> versioned.blobs().createContainer("any-bucket",
                    Map.of("a", "b")));
            assertFails(ErrorCode.UNSUPPORTED, () -> versioned.blobs().copyFromUrl(java.net.URI.create(
                    "https://example.com/x"), "any-bucket", "k", io.unistore.blob.CopyOptions.defaults()));
            assertFails(ErrorCode.UNSUPPORTED, () -> versioned.tables());
            try (StorageAccount noTiers = S3ProxyAccounts.open(Map.of("tiers", "false"))) {
                assertThat(noTiers.capabilities().has(Capability.BLOB_TIERS)).isFalse();
                assertFails(ErrorCode.UNSUPPORTED, () -> noTiers.blobs().setTier("any-bucket", "k",
                        io.unistore.blob.AccessTier.COOL));
            }
        }
    }

    @Test
    void listReadRestoreAndDeleteVersions() {
        try (StorageAccount account = S3ProxyAccounts.open(true)) {
            BlobStore blobs = account.blobs();
            String bucket = S3ProxyAccounts.bucket("versions");
            blobs.createContainer(bucket);
            String v1 = blobs.upload(bucket, "doc", "one".getBytes(), UploadOptions.defaults()
                    .withMetadata(Map.of("Rev", "1"))).versionId();
            String v2 = blobs.upload(bucket, "doc", "two".getBytes()).versionId();
            String v3 = blobs.upload(bucket, "doc", "three".getBytes()).versionId();
            blobs.upload(bucket, "doc-other", "x".getBytes());
            assertThat(v1).isNotNull().isNotEqualTo(v2);

            List<BlobProperties> versions = blobs.listVersions(bucket, "doc", ListOptions.defaults()).stream().toList();
            assertThat(versions).extracting(BlobProperties::versionId).containsExactly(v1, v2, v3);
            assertThat(versions).extracting(BlobProperties::currentVersion).containsExactly(false, false, true);
            assertThat(versions).extracting(BlobProperties::size).containsExactly(3L, 3L, 5L);
            var firstPage = blobs.listVersions(bucket, "doc", ListOptions.defaults().withPageSize(2)).firstPage();
            assertThat(firstPage.items()).extracting(BlobProperties::versionId).containsExactly(v1, v2);
            assertThat(blobs.listVersions(bucket, "doc", ListOptions.defaults().withContinuationToken(
                    firstPage.continuationToken())).stream().map(BlobProperties::versionId)).containsExactly(v3);

            ReadOptions old = ReadOptions.defaults().withVersionId(v1);
            assertThat(blobs.openInputStream(bucket, "doc", old)).hasBinaryContent("one".getBytes());
            BlobProperties p1 = blobs.getProperties(bucket, "doc", old);
            assertThat(p1.currentVersion()).isFalse();
            assertThat(p1.metadata()).isEqualTo(Map.of("rev", "1"));
            assertThat(blobs.getProperties(bucket, "doc", ReadOptions.defaults().withVersionId(v3)).currentVersion())
                    .isTrue();

            String restored = blobs.restoreVersion(bucket, "doc", v1).versionId();
            assertThat(restored).isNotIn(v1, v2, v3);
            assertThat(blobs.downloadBytes(bucket, "doc")).isEqualTo("one".getBytes());
            assertThat(blobs.getProperties(bucket, "doc").metadata()).isEqualTo(Map.of("rev", "1"));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.restoreVersion(bucket, "doc", "no-such-version"));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.openInputStream(bucket, "doc",
                    ReadOptions.defaults().withVersionId("no-such-version")));

            assertThat(blobs.delete(bucket, "doc")).isTrue();
            assertThat(blobs.exists(bucket, "doc")).isFalse();
            List<BlobProperties> afterDelete = blobs.listVersions(bucket, "doc", ListOptions.defaults()).stream().toList();
            assertThat(afterDelete).extracting(BlobProperties::versionId).containsExactly(v1, v2, v3, restored);
            assertThat(afterDelete).noneMatch(BlobProperties::currentVersion);
            assertThat(blobs.openInputStream(bucket, "doc", ReadOptions.defaults().withVersionId(v2)))
                    .hasBinaryContent("two".getBytes());

            assertThat(blobs.delete(bucket, "doc", DeleteBlobOptions.defaults().withVersionId(v2))).isTrue();
            assertThat(blobs.delete(bucket, "doc", DeleteBlobOptions.defaults().withVersionId(v2))).isFalse();
            assertThat(blobs.listVersions(bucket, "doc", ListOptions.defaults()).stream().map(BlobProperties::versionId))
                    .containsExactly(v1, v3, restored);

            assertThat(blobs.deleteContainer(bucket)).as("deletes every version and delete marker").isTrue();
            assertThat(blobs.containerExists(bucket)).isFalse();
        }
    }
}
