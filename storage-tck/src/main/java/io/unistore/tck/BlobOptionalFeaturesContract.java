package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static io.unistore.tck.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The part of the blob contract that the account's capabilities decide: each optional feature is tested where
 * it is declared, and refused with UNSUPPORTED (writing nothing) where it is not.
 */
abstract class BlobOptionalFeaturesContract extends BlobTagsContract {
    // ---- capabilities the account does not declare ---------------------------------------------------

    /** Each optional capability the account does not declare is refused with UNSUPPORTED, and writes nothing. */
    @Nested
    class CapabilityGating {
        private String blob;

        @BeforeEach
        void aBlobToWorkOn() {
            blob = blobName("gated");
            put(box, blob, "gated");
        }

        private void assertUnchanged() {
            assertThat(text(box, blob)).isEqualTo("gated");
        }

        @Test
        void containerMetadataIsRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.CONTAINER_METADATA), "account declares CONTAINER_METADATA");
            String c = TestData.uniqueName("gated");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.createContainer(c, Map.of("a", "b")));
            assertThat(blobs.containerExists(c)).isFalse();
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.setContainerMetadata(box, Map.of("a", "b")));
        }

        @Test
        void tiersAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_TIERS), "account declares BLOB_TIERS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.setTier(box, blob, AccessTier.COOL));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.upload(box, target, utf8("x"),
                    UploadOptions.defaults().withTier(AccessTier.COOL)));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.defaults().withTier(AccessTier.COOL)));
            assertThat(blobs.exists(box, target)).isFalse();
        }

        @Test
        void theArchiveTierIsRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_ARCHIVE), "account declares BLOB_ARCHIVE");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.setTier(box, blob, AccessTier.ARCHIVE));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.upload(box, target, utf8("x"),
                    UploadOptions.defaults().withTier(AccessTier.ARCHIVE)));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.defaults().withTier(AccessTier.ARCHIVE)));
            assertThat(blobs.exists(box, target)).isFalse();
            assertUnchanged();
        }

        @Test
        void snapshotsAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_SNAPSHOTS), "account declares BLOB_SNAPSHOTS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.createSnapshot(box, blob, null));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.listSnapshots(box, blob));
            ReadOptions snapshot = ReadOptions.defaults().withSnapshot("2026-01-01T00:00:00.0000000Z");
            assertFails(ErrorCode.UNSUPPORTED, () -> read(box, blob, snapshot));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.getProperties(box, blob, snapshot));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.delete(box, blob,
                    DeleteBlobOptions.defaults().withSnapshot("2026-01-01T00:00:00.0000000Z")));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.defaults().withSourceSnapshot("2026-01-01T00:00:00.0000000Z")));
            assertThat(blobs.exists(box, target)).isFalse();
            assertUnchanged();
        }

        @Test
        void versionsAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_VERSIONS), "account declares BLOB_VERSIONS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.listVersions(box, blob, ListOptions.defaults()));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.restoreVersion(box, blob, "v1"));
            ReadOptions version = ReadOptions.defaults().withVersionId("v1");
            assertFails(ErrorCode.UNSUPPORTED, () -> read(box, blob, version));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.getProperties(box, blob, version));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.delete(box, blob,
                    DeleteBlobOptions.defaults().withVersionId("v1")));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.defaults().withSourceVersionId("v1")));
            assertThat(blobs.exists(box, target)).isFalse();
            assertUnchanged();
        }

        @Test
        void presignedUrlsAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_PRESIGNED_URLS), "account declares BLOB_PRESIGNED_URLS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.generatePresignedUrl(box, blob,
                    PresignOptions.read(Duration.ofMinutes(5))));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.generatePresignedUrl(box, blob,
                    PresignOptions.write(Duration.ofMinutes(5))));
        }

        @Test
        void leasesAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_LEASES), "account declares BLOB_LEASES");
            String id = UUID.randomUUID().toString();
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.acquireLease(box, blob, null, id));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.renewLease(box, blob, id));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.releaseLease(box, blob, id));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.breakLease(box, blob));
            put(box, blob, "still writable");
        }

        @Test
        void copyFromUrlIsRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_COPY_FROM_URL), "account declares BLOB_COPY_FROM_URL");
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copyFromUrl(URI.create("http://127.0.0.1:9/none"), box,
                    target, CopyOptions.defaults()));
            assertThat(blobs.exists(box, target)).isFalse();
        }
    }

    // ---- declared optional features ------------------------------------------------------------------

    @Nested
    class Tiers {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_TIERS), "account declares BLOB_TIERS");
        }

        @Test
        void aTierCanBeSetAndRead() {
            String name = blobName("tier");
            put(box, name, "tiered");
            for (AccessTier tier : List.of(AccessTier.COOL, AccessTier.COLD, AccessTier.HOT)) {
                blobs.setTier(box, name, tier);
                BlobProperties p = blobs.getProperties(box, name);
                assertThat(p.tier()).as("after setTier(%s)", tier).isEqualTo(tier);
                assertThat(p.tierName()).as("the provider's own name of %s", tier).isNotBlank();
            }
            assertThat(text(box, name)).isEqualTo("tiered");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.setTier(box, blobName("absent"), AccessTier.COOL));
        }

        @Test
        void uploadsAndCopiesWriteIntoATier() {
            String name = blobName("tier-upload");
            blobs.upload(box, name, utf8("cool"), UploadOptions.defaults().withTier(AccessTier.COOL));
            assertThat(blobs.getProperties(box, name).tier()).isEqualTo(AccessTier.COOL);
            String copy = blobName("tier-copy");
            blobs.copy(box, name, box, copy, CopyOptions.defaults().withTier(AccessTier.COLD));
            assertThat(blobs.getProperties(box, copy).tier()).isEqualTo(AccessTier.COLD);
            assertThat(text(box, copy)).isEqualTo("cool");
        }
    }

    @Nested
    class Archive {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_TIERS) && declares(Capability.BLOB_ARCHIVE),
                    "account declares BLOB_TIERS and BLOB_ARCHIVE");
        }

        /** Offline archives refuse reads with CONFLICT; archives that stay online (GCS) read correctly. */
        private void assertRefusedOrCorrect(String name, String expected) {
            try {
                assertThat(text(box, name)).isEqualTo(expected);
            } catch (StorageException e) {
                assertThat(e.code()).as("reading an archived blob: %s", e).isEqualTo(ErrorCode.CONFLICT);
            }
        }

        /** After moving out of Archive the blob reads again, or says that rehydration is pending. */
        private void assertRehydratedOrPending(String name, String expected) {
            blobs.setTier(box, name, AccessTier.HOT);
            BlobProperties p = blobs.getProperties(box, name);
            if (p.archiveStatus() == null) {
                assertThat(text(box, name)).isEqualTo(expected);
            } else {
                assertThat(p.archiveStatus()).isNotBlank();
            }
        }

        @Test
        void anArchivedBlobIsOfflineUntilRehydrated() {
            String name = blobName("archive");
            put(box, name, "cold storage");
            blobs.setTier(box, name, AccessTier.ARCHIVE);
            assertThat(blobs.getProperties(box, name).tier()).isEqualTo(AccessTier.ARCHIVE);
            assertRefusedOrCorrect(name, "cold storage");
            assertRehydratedOrPending(name, "cold storage");
        }

        @Test
        void anUploadCanGoStraightToArchive() {
            String name = blobName("archive-upload");
            blobs.upload(box, name, utf8("archived at once"), UploadOptions.defaults().withTier(AccessTier.ARCHIVE));
            assertThat(blobs.getProperties(box, name).tier()).isEqualTo(AccessTier.ARCHIVE);
            assertRefusedOrCorrect(name, "archived at once");
            assertRehydratedOrPending(name, "archived at once");
        }
    }

    @Nested
    class Snapshots {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_SNAPSHOTS), "account declares BLOB_SNAPSHOTS");
        }

        @Test
        void aSnapshotKeepsTheContentOfItsTime() {
            String name = blobName("snap");
            blobs.upload(box, name, utf8("v1"), UploadOptions.defaults().withMetadata(Map.of("v", "1")));
            String first = blobs.createSnapshot(box, name, null);
            assertThat(first).isNotBlank();
            put(box, name, "v2 longer");
            String second = blobs.createSnapshot(box, name, Map.of("label", "second"));
            put(box, name, "v3");

            assertThat(text(box, name)).isEqualTo("v3");
            assertThat(text(box, name, ReadOptions.defaults().withSnapshot(first))).isEqualTo("v1");
            assertThat(text(box, name, ReadOptions.defaults().withSnapshot(second))).isEqualTo("v2 longer");
            BlobProperties p1 = blobs.getProperties(box, name, ReadOptions.defaults().withSnapshot(first));
            assertThat(p1.snapshot()).isEqualTo(first);
            assertThat(p1.size()).isEqualTo(2);
            assertMetadata(p1.metadata(), Map.of("v", "1"));
            assertMetadata(blobs.getProperties(box, name, ReadOptions.defaults().withSnapshot(second)).metadata(),
                    Map.of("label", "second"));

            assertThat(blobs.listSnapshots(box, name)).extracting(BlobProperties::snapshot)
                    .containsExactly(first, second);
        }

        @Test
        void aSnapshotCanBeDeletedAlone() {
            String name = blobName("snap-delete");
            put(box, name, "v1");
            String first = blobs.createSnapshot(box, name, null);
            // Azurite stamps snapshots to the millisecond: two in the same one would be one snapshot.
            sleepPastTheMillisecond();
            String second = blobs.createSnapshot(box, name, null);
            assertThat(second).isNotEqualTo(first);
            assertThat(blobs.delete(box, name, DeleteBlobOptions.defaults().withSnapshot(first))).isTrue();
            assertThat(blobs.listSnapshots(box, name)).extracting(BlobProperties::snapshot).containsExactly(second);
            assertFails(ErrorCode.NOT_FOUND, () -> read(box, name, ReadOptions.defaults().withSnapshot(first)));
            assertThat(text(box, name)).isEqualTo("v1");
        }

        private void sleepPastTheMillisecond() {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Test
        void deletingTheBlobDeletesItsSnapshots() {
            String name = blobName("snap-gone");
            put(box, name, "v1");
            String snapshot = blobs.createSnapshot(box, name, null);
            assertThat(blobs.delete(box, name)).isTrue();
            assertFails(ErrorCode.NOT_FOUND, () -> read(box, name, ReadOptions.defaults().withSnapshot(snapshot)));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.createSnapshot(box, name, null));
        }

        @Test
        void aSnapshotCanBeCopied() {
            String name = blobName("snap-copy");
            put(box, name, "then");
            String snapshot = blobs.createSnapshot(box, name, null);
            put(box, name, "now");
            String target = blobName("snap-copy-dst");
            blobs.copy(box, name, box, target, CopyOptions.defaults().withSourceSnapshot(snapshot));
            assertThat(text(box, target)).isEqualTo("then");
        }
    }

    @Nested
    class Versions {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_VERSIONS), "account declares BLOB_VERSIONS");
        }

        private List<BlobProperties> versions(String name) {
            return blobs.listVersions(box, name, ListOptions.defaults()).stream().toList();
        }

        @Test
        void everyUploadKeepsAVersionAndExactlyOneIsCurrent() {
            String name = blobName("ver");
            List<String> ids = new ArrayList<>();
            for (String v : List.of("one", "two", "three")) {
                ids.add(put(box, name, v).versionId());
            }
            assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
            List<BlobProperties> versions = versions(name);
            assertThat(versions).extracting(BlobProperties::versionId).containsExactlyElementsOf(ids);
            assertThat(versions).filteredOn(BlobProperties::currentVersion).extracting(BlobProperties::versionId)
                    .containsExactly(ids.get(2));

            assertThat(text(box, name, ReadOptions.defaults().withVersionId(ids.get(0)))).isEqualTo("one");
            BlobProperties old = blobs.getProperties(box, name, ReadOptions.defaults().withVersionId(ids.get(1)));
            assertThat(old.versionId()).isEqualTo(ids.get(1));
            assertThat(old.currentVersion()).isFalse();
            assertThat(old.size()).isEqualTo(3);
            assertThat(text(box, name)).isEqualTo("three");

            Paging.assertListsExactly("versions", (token, size) -> blobs.listVersions(box, name,
                    ListOptions.defaults().withPageSize(size).withContinuationToken(token)), BlobProperties::versionId, 2,
                    ids);
        }

        @Test
        void anOldVersionCanBeRestored() {
            String name = blobName("ver-restore");
            String first = put(box, name, "original").versionId();
            put(box, name, "mistake");
            BlobWriteResult restored = blobs.restoreVersion(box, name, first);
            assertThat(text(box, name)).isEqualTo("original");
            List<BlobProperties> versions = versions(name);
            assertThat(versions).hasSize(3);
            assertThat(versions).filteredOn(BlobProperties::currentVersion).hasSize(1);
            if (restored.versionId() != null) {
                assertThat(versions.get(2).versionId()).isEqualTo(restored.versionId());
            }
            assertThat(text(box, name, ReadOptions.defaults().withVersionId(first))).as("the version stays")
                    .isEqualTo("original");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.restoreVersion(box, name, "no-such-version"));
        }

        @Test
        void deletingKeepsTheVersionsAndARestoreBringsTheBlobBack() {
            String name = blobName("ver-delete");
            String first = put(box, name, "one").versionId();
            String second = put(box, name, "two").versionId();
            assertThat(blobs.delete(box, name)).isTrue();
            assertThat(blobs.exists(box, name)).isFalse();
            List<BlobProperties> versions = versions(name);
            assertThat(versions).extracting(BlobProperties::versionId).contains(first, second);
            assertThat(versions).noneMatch(BlobProperties::currentVersion);

            blobs.restoreVersion(box, name, first);
            assertThat(blobs.exists(box, name)).isTrue();
            assertThat(text(box, name)).isEqualTo("one");
        }

        @Test
        void oneOldVersionCanBeDeletedAlone() {
            String name = blobName("ver-delete-one");
            String first = put(box, name, "one").versionId();
            String second = put(box, name, "two").versionId();
            assertThat(blobs.delete(box, name, DeleteBlobOptions.defaults().withVersionId(first))).isTrue();
            assertThat(versions(name)).extracting(BlobProperties::versionId).containsExactly(second);
            assertFails(ErrorCode.NOT_FOUND, () -> read(box, name, ReadOptions.defaults().withVersionId(first)));
            assertThat(text(box, name)).isEqualTo("two");
        }

        @Test
        void anOldVersionCanBeCopied() {
            String name = blobName("ver-copy");
            String first = put(box, name, "then").versionId();
            put(box, name, "now");
            String target = blobName("ver-copy-dst");
            blobs.copy(box, name, box, target, CopyOptions.defaults().withSourceVersionId(first));
            assertThat(text(box, target)).isEqualTo("then");
        }
    }

    @Nested
    class PresignedUrls {
        // HTTP/1.1: the h2c upgrade the client would otherwise offer on plain http confuses some emulators.
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_PRESIGNED_URLS), "account declares BLOB_PRESIGNED_URLS");
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpRequest.Builder putRequest(URI url, String body) {
            // Azure needs the blob type on a plain PUT; S3 and GCS ignore the header.
            return HttpRequest.newBuilder(url).header("x-ms-blob-type", "BlockBlob")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(utf8(body)));
        }

        @Test
        void aReadUrlGetsTheContentAndCannotWrite() throws Exception {
            String name = blobName("presigned");
            put(box, name, "shared by URL");
            URI url = blobs.generatePresignedUrl(box, name, PresignOptions.read(Duration.ofMinutes(10)));
            HttpResponse<byte[]> get = send(HttpRequest.newBuilder(url).GET());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(new String(get.body(), StandardCharsets.UTF_8)).isEqualTo("shared by URL");

            HttpResponse<byte[]> denied = send(putRequest(url, "overwritten"));
            assertThat(denied.statusCode()).as("a PUT through a read-only URL").isBetween(400, 499);
            assertThat(text(box, name)).isEqualTo("shared by URL");
        }

        @Test
        void aWriteUrlUploads() throws Exception {
            String name = blobName("presigned-upload");
            URI url = blobs.generatePresignedUrl(box, name, PresignOptions.write(Duration.ofMinutes(10)));
            HttpResponse<byte[]> response = send(putRequest(url, "uploaded by URL"));
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8))
                    .isBetween(200, 299);
            assertThat(text(box, name)).isEqualTo("uploaded by URL");
        }
    }

    @Nested
    class Leases {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_LEASES), "account declares BLOB_LEASES");
        }

        private UploadOptions underLease(String leaseId) {
            return UploadOptions.defaults().withConditions(RequestConditions.none().withLeaseId(leaseId));
        }

        @Test
        void aLeaseGuardsWritesUntilReleased() {
            String name = blobName("lease");
            put(box, name, "original");
            String lease = blobs.acquireLease(box, name, null, null);
            try {
                assertThat(lease).isNotBlank();
                String state = blobs.getProperties(box, name).leaseState();
                if (state != null) {
                    assertThat(state).isEqualToIgnoringCase("leased");
                }
                assertFails(ErrorCode.PRECONDITION_FAILED, () -> put(box, name, "no lease"));
                assertFails(ErrorCode.PRECONDITION_FAILED,
                        () -> blobs.setMetadata(box, name, Map.of("a", "b"), RequestConditions.none()));
                assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.delete(box, name));
                assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.upload(box, name, utf8("wrong lease"),
                        underLease(UUID.randomUUID().toString())));
                assertThat(text(box, name)).isEqualTo("original");

                blobs.upload(box, name, utf8("with the lease"), underLease(lease));
                assertThat(text(box, name)).isEqualTo("with the lease");
                assertFails(ErrorCode.CONFLICT, () -> blobs.acquireLease(box, name, null, null));
                blobs.renewLease(box, name, lease);
                blobs.releaseLease(box, name, lease);
            } catch (RuntimeException | AssertionError e) {
                blobs.breakLease(box, name);
                throw e;
            }
            put(box, name, "free again");
            assertThat(text(box, name)).isEqualTo("free again");
        }

        @Test
        void breakingALeaseFreesTheBlob() {
            String name = blobName("lease-break");
            put(box, name, "original");
            String proposed = UUID.randomUUID().toString();
            assertThat(blobs.acquireLease(box, name, null, proposed)).isEqualTo(proposed);
            blobs.breakLease(box, name);
            put(box, name, "after the break");
            assertThat(text(box, name)).isEqualTo("after the break");
            String again = blobs.acquireLease(box, name, Duration.ofSeconds(15), null);
            blobs.releaseLease(box, name, again);
        }

        @Test
        void aLeaseOnAMissingBlobIsNotFound() {
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.acquireLease(box, blobName("absent"), null, null));
        }
    }

    @Nested
    class CopyFromUrl {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_COPY_FROM_URL) && declares(Capability.BLOB_PRESIGNED_URLS),
                    "account declares BLOB_COPY_FROM_URL and BLOB_PRESIGNED_URLS");
        }

        @Test
        void aBlobIsCopiedFromAPresignedUrl() {
            String source = blobName("url-src");
            put(box, source, "fetched by the service");
            URI url = blobs.generatePresignedUrl(box, source, PresignOptions.read(Duration.ofMinutes(10)));
            String target = blobName("url-dst");
            BlobWriteResult r = blobs.copyFromUrl(url, box, target, CopyOptions.defaults());
            assertThat(r.etag()).isNotBlank();
            assertThat(text(box, target)).isEqualTo("fetched by the service");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copyFromUrl(url, TestData.uniqueName("missing"), "t",
                    CopyOptions.defaults()));
        }
    }
}
