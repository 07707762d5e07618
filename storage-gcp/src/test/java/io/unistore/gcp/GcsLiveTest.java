package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against real Cloud Storage; runs only when {@code UNISTORE_GCS_PROJECT} is set (never in CI here).
 * {@code UNISTORE_GCS_CREDENTIALS} names a service-account key file (else application-default credentials);
 * {@code UNISTORE_GCS_LOCATION} the location of the bucket it creates and deletes.
 */
@EnabledIfEnvironmentVariable(named = "UNISTORE_GCS_PROJECT", matches = ".+")
class GcsLiveTest {

    @Test
    void roundTripOnRealCloudStorage() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("versioning", "true");
        String credentials = System.getenv("UNISTORE_GCS_CREDENTIALS");
        if (credentials != null && !credentials.isBlank()) {
            options.put("credentials", credentials);
        }
        String location = System.getenv("UNISTORE_GCS_LOCATION");
        if (location != null && !location.isBlank()) {
            options.put("location", location);
        }
        String bucket = "unistore-live-" + UUID.randomUUID().toString().substring(0, 13);
        try (StorageAccount account = Unistore.open("gs://" + System.getenv("UNISTORE_GCS_PROJECT"), options)) {
            BlobStore blobs = account.blobs();
            blobs.createContainer(bucket);
            try {
                byte[] content = new byte[40 * 1024 * 1024 + 7];
                new Random(3).nextBytes(content);
                blobs.upload(bucket, "dir/large.bin", new ByteArrayInputStream(content), UploadOptions.defaults());
                blobs.upload(bucket, "dir/small.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(blobs.downloadBytes(bucket, "dir/large.bin")).isEqualTo(content);
                assertThat(blobs.list(bucket).stream().map(i -> i.name()).toList())
                        .containsExactly("dir/large.bin", "dir/small.txt");
            } finally {
                blobs.deleteContainer(bucket);
            }
        }
    }
}
