package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.cryptography.AsyncKeyEncryptionKey;
import com.azure.core.util.BinaryData;
import com.azure.security.keyvault.keys.cryptography.KeyEncryptionKeyClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.specialized.cryptography.EncryptedBlobClient;
import com.azure.storage.blob.specialized.cryptography.EncryptedBlobClientBuilder;
import com.azure.storage.blob.specialized.cryptography.EncryptionVersion;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.tck.TestData;
import io.unistore.testsupport.azurefiles.LoopbackRedirectPolicy;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.keyvault.KeyVaultStandIn;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Client-side encryption v2 with a Key Vault key, both ways on Azurite, against Microsoft's own
 * {@link EncryptedBlobClient} using Microsoft's Key Vault key resolver ({@code KeyEncryptionKeyClientBuilder}) on the
 * Key Vault stand-in: what the layer writes with {@link KeyVaultKeySource}, Microsoft reads; what Microsoft writes
 * with the key and {@code RSA-OAEP-256}, the layer reads; and both record the same {@code KeyId} and
 * {@code Algorithm}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyVaultAzureInteropTest {
    private static final int SIZE = 4 * 1024 * 1024 + 1;
    private final String container = TestData.uniqueName("kvinterop");
    private KeyVaultStandIn vault;
    private KeyVaultStandIns clients;
    private String kid;
    private StorageAccount account;
    private StorageAccount raw;
    private BlobStore blobs;

    @BeforeAll
    void open() {
        vault = KeyVaultStandIn.shared();
        clients = new KeyVaultStandIns(vault);
        kid = vault.createKey("interop", "RSA", 2048);
        KeyVaultKeySource keys = clients.configure(KeyVaultKeySource.builder(vault.vaultUrl() + "/keys/interop"))
                .build();
        account = Unistore.builder().address(Azurite.shared().connectionString()).options(Map.of("versioning", "false"))
                .layer(EncryptionLayer.of(keys)).open();
        raw = Unistore.builder().address(Azurite.shared().connectionString()).options(Map.of("versioning", "false"))
                .open();
        blobs = account.blobs();
        blobs.createContainer(container);
    }

    @AfterAll
    void close() {
        blobs.deleteContainer(container);
        account.close();
        raw.close();
    }

    private KeyEncryptionKeyClientBuilder microsoftsResolver() {
        return new KeyEncryptionKeyClientBuilder().credential(clients.credential()).httpClient(clients.http())
                .addPolicy(LoopbackRedirectPolicy.to(vault.vaultHost(), "https", vault.port()));
    }

    private EncryptedBlobClient theirs(String blob, AsyncKeyEncryptionKey key) {
        EncryptedBlobClientBuilder b = new EncryptedBlobClientBuilder(EncryptionVersion.V2)
                .keyResolver(microsoftsResolver())
                .blobClient(new BlobServiceClientBuilder().connectionString(Azurite.shared().connectionString())
                        .buildClient().getBlobContainerClient(container).getBlobClient(blob));
        if (key != null) {
            b.key(key, "RSA-OAEP-256");
        }
        return b.buildEncryptedBlobClient();
    }

    private EncryptionData stored(String blob) {
        return EncryptionData.parse(raw.blobs().getProperties(container, blob).metadata().get("encryptiondata"), blob);
    }

    @Test
    void microsoftReadsWhatTheLayerWrapsWithAKeyVaultKey() {
        byte[] content = TestData.bytes(11, SIZE);
        blobs.upload(container, "ours", content);
        assertThat(theirs("ours", null).downloadContent().toBytes()).isEqualTo(content);
    }

    @Test
    void theLayerReadsWhatMicrosoftWrapsWithTheSameKeyAndBothRecordTheSame() {
        byte[] content = TestData.bytes(12, SIZE);
        AsyncKeyEncryptionKey key = microsoftsResolver().buildAsyncKeyEncryptionKey(kid).block();
        theirs("theirs", key).upload(BinaryData.fromBytes(content), true);
        assertThat(blobs.downloadBytes(container, "theirs")).isEqualTo(content);

        blobs.upload(container, "ours-too", new byte[] {1});
        EncryptionData microsofts = stored("theirs");
        EncryptionData ours = stored("ours-too");
        assertThat(microsofts.keyId()).isEqualTo(kid).isEqualTo(ours.keyId());
        assertThat(microsofts.wrapAlgorithm()).isEqualTo("RSA-OAEP-256").isEqualTo(ours.wrapAlgorithm());
    }
}
