package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ReadOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generations as versions and generation preconditions as ETag conditions, GCS-specific: the ETag changes
 * with metadata too, and a version id is a generation.
 */
class GcsVersionsTest {
    static StandInFixture env;
    static BlobStore blobs;

    @BeforeAll
    static void start() {
        env = StandInFixture.start();
        blobs = env.blobs;
        blobs.createContainer("versions");
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void generationsAreVersions() {
        BlobWriteResult v1 = blobs.upload("versions", "doc", bytes("one"));
        BlobWriteResult v2 = blobs.upload("versions", "doc", bytes("two"));
        assertThat(v1.versionId()).isNotNull().isNotEqualTo(v2.versionId());
        assertThat(text(ReadOptions.defaults().withVersionId(v1.versionId()))).isEqualTo("one");
        assertThat(blobs.delete("versions", "doc")).isTrue();
        assertThat(blobs.exists("versions", "doc")).isFalse();
        List<BlobProperties> versions = blobs.listVersions("versions", "doc", ListOptions.defaults()).stream().toList();
        assertThat(versions).extracting(BlobProperties::versionId).containsExactly(v1.versionId(), v2.versionId());
        assertThat(versions).noneMatch(BlobProperties::currentVersion);
        BlobWriteResult restored = blobs.restoreVersion("versions", "doc", v1.versionId());
        assertThat(text(ReadOptions.defaults())).isEqualTo("one");
        assertThat(blobs.listVersions("versions", "doc", ListOptions.defaults().withPageSize(1)).stream().toList())
                .extracting(BlobProperties::versionId, BlobProperties::currentVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(v1.versionId(), false),
                        org.assertj.core.groups.Tuple.tuple(v2.versionId(), false),
                        org.assertj.core.groups.Tuple.tuple(restored.versionId(), true));
        assertThat(blobs.delete("versions", "doc", DeleteBlobOptions.defaults().withVersionId(v2.versionId()))).isTrue();
        assertThat(blobs.listVersions("versions", "doc", ListOptions.defaults()).stream().toList()).hasSize(2);
        BlobProperties copyOfOld = blobs.getProperties("versions", "doc",
                ReadOptions.defaults().withVersionId(v1.versionId()));
        assertThat(copyOfOld.currentVersion()).isFalse();
        blobs.copy("versions", "doc", "versions", "from-version", CopyOptions.defaults().withSourceVersionId(v1.versionId()));
        assertThat(new String(blobs.downloadBytes("versions", "from-version"), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThatThrownBy(() -> blobs.restoreVersion("versions", "doc", "12345"))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> blobs.restoreVersion("versions", "doc", "not-a-generation"))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void etagsFollowContentAndMetadata() {
        BlobWriteResult w = blobs.upload("versions", "etag", bytes("x"));
        BlobWriteResult m = blobs.setMetadata("versions", "etag", Map.of("a", "1"), RequestConditions.ifMatch(w.etag()));
        assertThat(m.etag()).isNotEqualTo(w.etag());
        assertThat(m.etag().split("\\.")[0]).isEqualTo(w.etag().split("\\.")[0]);
        assertPrecondition(() -> blobs.setMetadata("versions", "etag", Map.of(), RequestConditions.ifMatch(w.etag())));
        assertPrecondition(() -> blobs.upload("versions", "etag", bytes("y"),
                io.unistore.blob.UploadOptions.defaults().withConditions(RequestConditions.ifNoneMatch(m.etag()))));
        assertPrecondition(() -> blobs.getProperties("versions", "etag",
                ReadOptions.defaults().withConditions(RequestConditions.ifMatch("garbage"))));
        assertPrecondition(() -> blobs.openInputStream("versions", "etag",
                ReadOptions.defaults().withConditions(RequestConditions.none().withIfModifiedSince(
                        blobs.getProperties("versions", "etag").lastModified()))));
        assertPrecondition(() -> blobs.delete("versions", "etag",
                DeleteBlobOptions.defaults().withConditions(RequestConditions.ifMatch(w.etag()))));
        assertThat(blobs.delete("versions", "etag",
                DeleteBlobOptions.defaults().withConditions(RequestConditions.ifMatch(m.etag())))).isTrue();
        assertThatThrownBy(() -> blobs.getProperties("versions", "etag"))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    private static void assertPrecondition(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
    }

    private static String text(ReadOptions options) {
        try (var in = blobs.openInputStream("versions", "doc", options)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
