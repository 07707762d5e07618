package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class S3SmokeTest {
    @Test
    void roundTrip() throws Exception {
        try (StorageAccount account = S3ProxyAccounts.open(true)) {
            BlobStore blobs = account.blobs();
            String b = S3ProxyAccounts.bucket("smoke");
            blobs.createContainer(b);
            blobs.upload(b, "a.txt", "hello".getBytes());
            assertThat(blobs.downloadBytes(b, "a.txt")).isEqualTo("hello".getBytes());
            byte[] big = new byte[20 * 1024 * 1024 + 5];
            new Random(1).nextBytes(big);
            long t = System.nanoTime();
            var r = blobs.upload(b, "big", new ByteArrayInputStream(big), UploadOptions.DEFAULT);
            System.out.println("upload " + (System.nanoTime() - t) / 1e6 + " ms " + r);
            assertThat(blobs.downloadBytes(b, "big")).isEqualTo(big);
            System.out.println(blobs.getProperties(b, "big"));
            assertThat(blobs.deleteContainer(b)).isTrue();
        }
    }
}
