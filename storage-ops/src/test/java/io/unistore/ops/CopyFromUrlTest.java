package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobProperties;
import io.unistore.testsupport.azurite.Azurite;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server-side path between two accounts: the target fetches a presigned URL of the source, and no byte of
 * content passes through this machine. Azurite copies from a URL when the source is on the same instance, so two
 * accounts of one Azurite stand for two Azure accounts.
 */
class CopyFromUrlTest extends AccountsTest {

    @Test
    void azureToAnotherAzureAccountCopiesFromPresignedUrls() {
        StorageAccount source = track(Backends.azurite());
        CountingAccount target = new CountingAccount(Unistore.open(
                Azurite.shared().connectionString(Azurite.SECOND_ACCOUNT),
                Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100")));
        track(target.beforeClose(() -> target.blobs().deleteContainer("dst")));
        Fixtures.putBlobs(source.blobs(), "src", "", 12, 3000);
        assertThat(ObjectCopier.chooseMethod(source, target, CopyContainerOptions.of("src", "dst")))
                .isEqualTo(CopyMethod.COPY_FROM_URL);

        CopyContainerResult r = ContainerCopy.run(source, target, CopyContainerOptions.of("src", "dst"));

        assertThat(r.failures()).isEmpty();
        assertThat(r.copied()).isEqualTo(12);
        assertThat(r.byMethod()).containsEntry(CopyMethod.COPY_FROM_URL, 12L).containsEntry(CopyMethod.STREAM, 0L);
        assertThat(r.bytesStreamed()).isZero();
        assertThat(target.calls("copyFromUrl")).isEqualTo(12);
        assertThat(target.calls("upload")).isZero();
        Fixtures.assertSameBlobs(source.blobs(), "src", target.blobs(), "dst");
        BlobProperties copied = target.blobs().getProperties("dst", "dir0/blob-0");
        assertThat(copied.contentMd5()).isNotNull()
                .isEqualTo(source.blobs().getProperties("src", "dir0/blob-0").contentMd5());
    }
}
