package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GcsSmokeTest {
    static StandInFixture env;
    static GcsStandIn gcs;
    static BlobStore blobs;

    @BeforeAll
    static void start() {
        env = StandInFixture.start("chunkSize", "262144", "singleShotLimit", "100000");
        gcs = env.gcs;
        blobs = env.blobs;
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void roundTrip() throws Exception {
        blobs.createContainer("smoke");
        assertThatThrownBy(() -> blobs.createContainer("smoke")).isInstanceOf(StorageException.class)
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
        BlobWriteResult w = blobs.upload("smoke", "a/b c+d.txt", "hello".getBytes(StandardCharsets.UTF_8),
                UploadOptions.DEFAULT.withContentType("text/plain").withMetadata(Map.of("k", "v")));
        assertThat(w.etag()).contains(".");
        BlobProperties p = blobs.getProperties("smoke", "a/b c+d.txt");
        assertThat(p.contentType()).isEqualTo("text/plain");
        assertThat(p.metadata()).containsEntry("k", "v");
        assertThat(p.tier()).isEqualTo(AccessTier.HOT);
        assertThat(new String(blobs.downloadBytes("smoke", "a/b c+d.txt"), StandardCharsets.UTF_8)).isEqualTo("hello");
        try (var in = blobs.openInputStream("smoke", "a/b c+d.txt", ReadOptions.range(ByteRange.of(1, 3)))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ell");
        }
        byte[] big = new byte[1_000_000];
        new Random(1).nextBytes(big);
        BlobWriteResult bw = blobs.upload("smoke", "big", new ByteArrayInputStream(big), UploadOptions.DEFAULT);
        assertThat(bw.size()).isEqualTo(big.length);
        assertThat(blobs.downloadBytes("smoke", "big")).isEqualTo(big);
        assertThatThrownBy(() -> blobs.upload("smoke", "big", new byte[1], UploadOptions.DEFAULT
                .withConditions(RequestConditions.ifNotExists())))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
        blobs.setMetadata("smoke", "a/b c+d.txt", Map.of("x", "y"), RequestConditions.ifMatch(w.etag()));
        assertThat(blobs.getProperties("smoke", "a/b c+d.txt").metadata()).isEqualTo(Map.of("x", "y"));
        blobs.copy("smoke", "big", "smoke", "copy", CopyOptions.DEFAULT.withTier(AccessTier.COLD));
        assertThat(blobs.getProperties("smoke", "copy").tierName()).isEqualTo("COLDLINE");
        blobs.setTier("smoke", "copy", AccessTier.ARCHIVE);
        assertThat(blobs.downloadBytes("smoke", "copy")).isEqualTo(big);
        List<BlobItem> items = blobs.list("smoke", ListBlobsOptions.all().withDelimiter("/").withPageSize(1)).stream().toList();
        assertThat(items).extracting(BlobItem::name).containsExactly("a/", "big", "copy");
        assertThat(blobs.listVersions("smoke", "copy", io.unistore.ListOptions.all()).stream().toList()).hasSize(2);
        assertThat(blobs.delete("smoke", "big")).isTrue();
        assertThat(blobs.exists("smoke", "big")).isFalse();
        assertThat(blobs.deleteContainer("smoke")).isTrue();
        assertThat(blobs.containerExists("smoke")).isFalse();
    }
}
