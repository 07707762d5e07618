package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobStore;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which requests each transfer makes: small content in one multipart request, large content in resumable
 * chunks of the block size, copies and tier changes by rewrite looping until GCS says done.
 */
class GcsTransferShapeTest {
    static StandInFixture env;
    static GcsStandIn gcs;
    static BlobStore blobs;

    @BeforeAll
    static void start() {
        env = StandInFixture.start("singleShotLimit", "65536");
        gcs = env.gcs;
        blobs = env.blobs;
        blobs.createContainer("shapes");
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void smallContentIsOneMultipartRequest() {
        int before = gcs.requests().size();
        blobs.upload("shapes", "small", new byte[65536]);
        blobs.upload("shapes", "small-unknown-length", new ByteArrayInputStream(new byte[1000]), UploadOptions.defaults());
        List<String> made = gcs.requests().subList(before, gcs.requests().size());
        assertThat(made).hasSize(2).allMatch(r -> r.startsWith("POST /upload/storage/v1/b/shapes/o?")
                && r.contains("uploadType=multipart"));
    }

    @Test
    void largeContentGoesInResumableChunksOfTheBlockSize() {
        byte[] content = GcsFailedUploadTest.random(5 * 262144 + 99);
        int before = gcs.requests().size();
        blobs.upload("shapes", "large", new ByteArrayInputStream(content), UploadOptions.defaults().withBlockSize(262144));
        List<String> made = gcs.requests().subList(before, gcs.requests().size());
        assertThat(made).filteredOn(r -> r.contains("uploadType=resumable") && r.startsWith("POST")).hasSize(1);
        assertThat(made).filteredOn(r -> r.startsWith("PUT") && r.contains("upload_id=")).hasSize(6);
        assertThat(blobs.downloadBytes("shapes", "large")).isEqualTo(content);
    }

    @Test
    void copiesAndTierChangesLoopUntilTheRewriteIsDone() {
        byte[] content = GcsFailedUploadTest.random(3 * 1024 * 1024 + 5);
        blobs.upload("shapes", "source", content);
        gcs.rewriteBytesPerCall(1024 * 1024);
        try {
            int before = gcs.requests().size();
            blobs.copy("shapes", "source", "shapes", "target", CopyOptions.defaults());
            blobs.setTier("shapes", "target", AccessTier.COOL);
            List<String> made = gcs.requests().subList(before, gcs.requests().size());
            assertThat(made).filteredOn(r -> r.contains("/rewriteTo/")).hasSize(8);
        } finally {
            gcs.rewriteBytesPerCall(Long.MAX_VALUE);
        }
        assertThat(blobs.downloadBytes("shapes", "target")).isEqualTo(content);
        assertThat(blobs.getProperties("shapes", "target").tierName()).isEqualTo("NEARLINE");
        assertThat(blobs.getProperties("shapes", "target").tier()).isEqualTo(AccessTier.COOL);
    }
}
