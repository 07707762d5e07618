package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against real Amazon S3, only when {@code UNISTORE_S3_REGION} is set (never in CI). Credentials: the default
 * chain, or {@code UNISTORE_S3_ACCESS_KEY_ID} / {@code UNISTORE_S3_SECRET_ACCESS_KEY}; optional
 * {@code UNISTORE_S3_ENDPOINT}. It checks what S3Proxy cannot: storage classes set by copies, archived objects
 * refused by S3 itself, and RestoreObject.
 */
@EnabledIfEnvironmentVariable(named = "UNISTORE_S3_REGION", matches = ".+")
class S3LiveTest {

    static StorageAccount open() {
        Map<String, String> o = new HashMap<>();
        o.put("region", System.getenv("UNISTORE_S3_REGION"));
        o.put("versioning", "true");
        putIfSet(o, "endpoint", "UNISTORE_S3_ENDPOINT");
        putIfSet(o, "accessKeyId", "UNISTORE_S3_ACCESS_KEY_ID");
        putIfSet(o, "secretAccessKey", "UNISTORE_S3_SECRET_ACCESS_KEY");
        putIfSet(o, "sessionToken", "UNISTORE_S3_SESSION_TOKEN");
        return Unistore.open("s3://", o);
    }

    private static void putIfSet(Map<String, String> o, String option, String env) {
        String v = System.getenv(env);
        if (v != null && !v.isBlank()) {
            o.put(option, v);
        }
    }

    @Test
    void roundTripTiersAndArchiveOnRealS3() throws Exception {
        try (StorageAccount account = open()) {
            BlobStore blobs = account.blobs();
            String bucket = S3ProxyAccounts.bucket("unistore-live");
            blobs.createContainer(bucket);
            try {
                byte[] data = S3UploadTest.random(12 << 20);
                blobs.upload(bucket, "multi", new ByteArrayInputStream(data), UploadOptions.defaults()
                        .withBlockSize(5 << 20).withMetadata(Map.of("Author", "live")));
                assertThat(blobs.downloadBytes(bucket, "multi")).isEqualTo(data);
                assertThat(blobs.getProperties(bucket, "multi").metadata()).isEqualTo(Map.of("author", "live"));

                blobs.setTier(bucket, "multi", AccessTier.COOL);
                assertThat(blobs.getProperties(bucket, "multi").tierName()).isEqualTo("STANDARD_IA");
                assertThat(blobs.getProperties(bucket, "multi").metadata()).isEqualTo(Map.of("author", "live"));

                blobs.upload(bucket, "archived", "cold".getBytes(), UploadOptions.defaults()
                        .withTier(AccessTier.ARCHIVE));
                assertThatThrownBy(() -> blobs.downloadBytes(bucket, "archived"))
                        .isInstanceOfSatisfying(StorageException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                            assertThat(e.providerCode()).isEqualTo("InvalidObjectState");
                        });
                blobs.setTier(bucket, "archived", AccessTier.HOT);
                assertThat(blobs.getProperties(bucket, "archived").archiveStatus()).isEqualTo("restore-pending");
            } finally {
                assertThat(blobs.deleteContainer(bucket)).isTrue();
            }
        }
    }
}
