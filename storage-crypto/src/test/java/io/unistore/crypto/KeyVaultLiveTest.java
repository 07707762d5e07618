package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.tck.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Key Vault key source against a real vault: only when {@code AZURE_KEYVAULT_KEY_ID}
 * ({@code https://<vault>.vault.azure.net/keys/<name>} of an RSA test key) is set (never in CI), signed in with
 * {@code DefaultAzureCredential} ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET},
 * or the Azure CLI...). The identity needs get, wrapKey, unwrapKey and rotate on the key: <strong>the test rotates
 * it</strong> (one new version per run). Blobs stay on the local provider in a temporary folder.
 */
@EnabledIfEnvironmentVariable(named = "AZURE_KEYVAULT_KEY_ID", matches = "https://.+")
class KeyVaultLiveTest {
    @TempDir
    Path dir;

    @Test
    void roundTripRotationRewrapAndAWrongKeyOnARealVault() {
        String keyUrl = System.getenv("AZURE_KEYVAULT_KEY_ID");
        KeyVaultKeyId id = KeyVaultKeyId.parse(keyUrl, "AZURE_KEYVAULT_KEY_ID");
        KeyVaultKeySource keys = KeyVaultKeySource.builder(keyUrl).build();
        String address = "file:" + dir.resolve("store");
        StorageAccount raw = Unistore.open(address);
        raw.blobs().createContainer("box");
        BlobStore blobs = Unistore.builder().address(address).layer(EncryptionLayer.of(keys)).open().blobs();

        byte[] content = "PLAINTEXT-MARKER live ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        blobs.upload("box", "a", content);
        assertThat(blobs.downloadBytes("box", "a")).isEqualTo(content);
        assertThat(new String(raw.blobs().downloadBytes("box", "a"), StandardCharsets.ISO_8859_1))
                .doesNotContain("PLAINTEXT");
        String v1 = keyId(raw, "a");
        assertThat(v1).startsWith(id.vaultUrl() + "/keys/" + id.name() + "/").isEqualTo(keys.primary().keyId());

        KeyClient admin = new KeyClientBuilder().vaultUrl(id.vaultUrl())
                .credential(new DefaultAzureCredentialBuilder().build()).buildClient();
        String v2 = admin.rotateKey(id.name()).getId();
        keys.refresh();
        assertThat(keys.primary().keyId()).isEqualTo(v2);
        assertThat(blobs.downloadBytes("box", "a")).as("old version still unwraps").isEqualTo(content);
        RotationReport report = KeyRotation.rewrap(raw, keys, "box", KeyRotation.Options.defaults());
        assertThat(report.rewrapped()).isEqualTo(1);
        assertThat(keyId(raw, "a")).isEqualTo(v2);
        assertThat(blobs.downloadBytes("box", "a")).isEqualTo(content);

        BlobStore missing = Unistore.builder().address(address).layer(EncryptionLayer.of(KeyVaultKeySource
                .builder(id.vaultUrl() + "/keys/unistore-missing-" + TestData.bytes(1, 1)[0]).build())).open().blobs();
        assertThatThrownBy(() -> missing.upload("box", "b", new byte[] {1}))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isIn(ErrorCode.NOT_FOUND, ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains(id.vaultUrl() + "/keys/unistore-missing-");
                });
    }

    private static String keyId(StorageAccount raw, String blob) {
        Map<String, String> metadata = raw.blobs().getProperties("box", blob).metadata();
        return EncryptionData.parse(metadata.get("encryptiondata"), blob).keyId();
    }
}
