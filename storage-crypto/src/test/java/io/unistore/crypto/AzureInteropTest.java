package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.specialized.cryptography.EncryptedBlobClient;
import com.azure.storage.blob.specialized.cryptography.EncryptedBlobClientBuilder;
import com.azure.storage.blob.specialized.cryptography.EncryptionVersion;
import io.unistore.ByteRange;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.tck.TestData;
import io.unistore.testsupport.azurite.Azurite;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Azure Storage client-side encryption v2 both ways on Azurite, against Microsoft's own Java library
 * ({@code azure-storage-blob-cryptography}'s {@link EncryptedBlobClient}): what the layer writes, it decrypts
 * (whole and by range), and what it writes, the layer decrypts (whole and by range). Sizes cover the empty blob,
 * one byte, one region exactly, a region and a byte, and several regions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureInteropTest {
    private static final int MIB = 1024 * 1024;
    private static final String KEY_ID = "interop-kek/1";
    private final byte[] keyBytes = new byte[32];
    private final String container = TestData.uniqueName("interop");
    private StorageAccount account;
    private BlobStore blobs;
    private AzureKeyWrap theirKey;

    @BeforeAll
    void open() {
        new SecureRandom().nextBytes(keyBytes);
        theirKey = new AzureKeyWrap(KEY_ID, keyBytes);
        account = Unistore.builder().address(Azurite.shared().connectionString()).options(Map.of("versioning", "false"))
                .layer(EncryptionLayer.of(KeySource.of(AesKeyWrapKey.of(KEY_ID, keyBytes)))).open();
        blobs = account.blobs();
        blobs.createContainer(container);
    }

    @AfterAll
    void close() {
        blobs.deleteContainer(container);
        account.close();
    }

    private EncryptedBlobClient theirs(String blob) {
        return new EncryptedBlobClientBuilder(EncryptionVersion.V2)
                .key(theirKey, "A256KW")
                .keyResolver(theirKey)
                .blobClient(new BlobServiceClientBuilder().connectionString(Azurite.shared().connectionString())
                        .buildClient().getBlobContainerClient(container).getBlobClient(blob))
                .buildEncryptedBlobClient();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4 * MIB, 4 * MIB + 1, 9 * MIB + 12_345})
    void microsoftReadsWhatTheLayerWrites(int size) {
        byte[] content = TestData.bytes(size, size);
        String name = "ours-" + size;
        blobs.upload(container, name, content);

        EncryptedBlobClient client = theirs(name);
        assertThat(client.downloadContent().toBytes()).isEqualTo(content);
        if (size > 10) {
            long offset = size / 2 - 5;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.downloadStreamWithResponse(out, new BlobRange(offset, 10L), null, null, false, null, null);
            assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(content, (int) offset, (int) offset + 10));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4 * MIB, 4 * MIB + 1, 9 * MIB + 12_345})
    void theLayerReadsWhatMicrosoftWrites(int size) {
        byte[] content = TestData.bytes(size + 1, size);
        String name = "theirs-" + size;
        theirs(name).upload(BinaryData.fromBytes(content), true);

        assertThat(blobs.getProperties(container, name).size()).isEqualTo(size);
        assertThat(blobs.downloadBytes(container, name)).isEqualTo(content);
        if (size > 10) {
            // A range across a region boundary when there is one.
            int offset = Math.max(0, Math.min(size - 10, 4 * MIB - 5));
            assertThat(read(name, ByteRange.of(offset, 10)))
                    .isEqualTo(Arrays.copyOfRange(content, offset, offset + 10));
        }
    }

    private byte[] read(String name, ByteRange range) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        blobs.download(container, name, out, ReadOptions.range(range));
        return out.toByteArray();
    }
}
