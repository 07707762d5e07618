package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.models.CreateRsaKeyOptions;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.tck.TestData;
import io.unistore.testsupport.azurefiles.LoopbackRedirectPolicy;
import io.unistore.testsupport.keyvault.KeyVaultStandIn;
import io.unistore.testsupport.secrets.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encryption layer over local blobs with a key in Azure Key Vault, the vault being the stand-in of
 * storage-test-support reached by Microsoft's Java SDK over HTTPS with its challenge-based bearer authentication:
 * round trip, what is recorded in {@code encryptiondata}, no plaintext at rest, rotation in the vault and re-wrap
 * to the new version with old blobs still readable, and keys that are missing, wrong or of another vault.
 */
class KeyVaultEncryptionTest {
    private static KeyVaultStandIn vault;
    private static KeyVaultStandIns clients;

    @TempDir
    Path dir;
    private String address;
    private StorageAccount raw;

    @BeforeAll
    static void startVault() {
        vault = KeyVaultStandIn.shared();
        clients = new KeyVaultStandIns(vault);
    }

    @BeforeEach
    void open() {
        address = "file:" + dir.resolve("store");
        raw = Unistore.open(address);
        raw.blobs().createContainer("box");
    }

    private KeyClient keyClient() {
        return new KeyClientBuilder().vaultUrl(vault.vaultUrl()).credential(clients.credential())
                .httpClient(clients.http()).addPolicy(LoopbackRedirectPolicy.to(vault.vaultHost(), "https",
                        vault.port())).buildClient();
    }

    private KeyVaultKeySource source(String name) {
        return clients.configure(KeyVaultKeySource.builder(vault.vaultUrl() + "/keys/" + name)).build();
    }

    private BlobStore encrypted(KeySource keys) {
        return Unistore.builder().address(address).layer(EncryptionLayer.of(keys)).open().blobs();
    }

    private static String keyIdOf(Map<String, String> metadata) {
        String json = metadata.get("encryptiondata");
        return EncryptionData.parse(json, "test").keyId();
    }

    @Test
    void aBlobRoundTripsUnderAnRsaKeyWrappedWithRsaOaep256() {
        KeyVaultKey key = keyClient().createRsaKey(new CreateRsaKeyOptions("round-trip").setKeySize(2048));
        BlobStore blobs = encrypted(source("round-trip"));
        byte[] content = "PLAINTEXT-MARKER in Key Vault's care ".repeat(5000).getBytes(StandardCharsets.US_ASCII);
        blobs.upload("box", "secret.txt", content, UploadOptions.defaults().withMetadata(Map.of("owner", "ada")));

        assertThat(blobs.downloadBytes("box", "secret.txt")).isEqualTo(content);
        byte[] atRest = raw.blobs().downloadBytes("box", "secret.txt");
        assertThat(new String(atRest, StandardCharsets.ISO_8859_1)).doesNotContain("PLAINTEXT").doesNotContain("care");
        EncryptionData data = EncryptionData.parse(raw.blobs().getProperties("box", "secret.txt").metadata()
                .get("encryptiondata"), "box/secret.txt");
        // What Microsoft's EncryptedBlobClient records with a Key Vault key: the versioned key id and the algorithm.
        assertThat(data.keyId()).isEqualTo(key.getId()).matches("https://unistore-test\\.vault\\.azure\\.net/keys/"
                + "round-trip/[0-9a-f]{32}");
        assertThat(data.wrapAlgorithm()).isEqualTo("RSA-OAEP-256");
        assertThat(data.wrappedKey()).hasSize(256);
        // The vault wrapped and unwrapped (key caching off): the private key never left it.
        assertThat(vault.requests()).anyMatch(r -> r.startsWith("POST /keys/round-trip/") && r.endsWith("/wrapkey"))
                .anyMatch(r -> r.endsWith("/unwrapkey"));
        assertThat(clients.scopesAsked).contains("https://vault.azure.net/.default");
        // A reader of its own (a fresh source) reads it too.
        assertThat(encrypted(source("round-trip")).downloadBytes("box", "secret.txt")).isEqualTo(content);
    }

    @Test
    void rotationInTheVaultThenRewrapMovesBlobsToTheNewVersionAndOldWrapsStillOpen() {
        String v1 = vault.createKey("rotating", "RSA", 2048);
        KeyVaultKeySource keys = source("rotating");
        BlobStore blobs = encrypted(keys);
        for (int i = 0; i < 3; i++) {
            blobs.upload("box", "b" + i, TestData.bytes(i, 1000 + i * 70_000));
        }
        byte[] atRestBefore = raw.blobs().downloadBytes("box", "b1");
        String v2 = keyClient().rotateKey("rotating").getId();
        assertThat(v2).isNotEqualTo(v1).startsWith(vault.vaultUrl() + "/keys/rotating/");

        // Until refreshed the source keeps wrapping with v1; then v2 is primary and old blobs still read.
        keys.refresh();
        assertThat(keys.primary().keyId()).isEqualTo(v2);
        blobs.upload("box", "b3-new", new byte[] {7});
        assertThat(keyIdOf(raw.blobs().getProperties("box", "b3-new").metadata())).isEqualTo(v2);
        assertThat(blobs.downloadBytes("box", "b0")).isEqualTo(TestData.bytes(0, 1000));
        assertThat(keyIdOf(raw.blobs().getProperties("box", "b0").metadata())).isEqualTo(v1);

        RotationReport report = KeyRotation.rewrap(raw, keys, "box", KeyRotation.Options.defaults());
        assertThat(report.rewrapped()).isEqualTo(3);
        assertThat(report.alreadyCurrent()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(keyIdOf(raw.blobs().getProperties("box", "b" + i).metadata())).isEqualTo(v2);
            assertThat(blobs.downloadBytes("box", "b" + i)).isEqualTo(TestData.bytes(i, 1000 + i * 70_000));
        }
        assertThat(raw.blobs().downloadBytes("box", "b1")).as("content untouched").isEqualTo(atRestBefore);
        assertThat(KeyRotation.rewrap(raw, keys, "box", KeyRotation.Options.defaults()).rewrapped()).isZero();
    }

    @Test
    void aKeyMissingFromTheVaultIsAClearErrorNamingIt() {
        String url = vault.vaultUrl() + "/keys/never-created";
        BlobStore blobs = encrypted(source("never-created"));
        assertThatThrownBy(() -> blobs.upload("box", "x", new byte[] {1}))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).contains(url).contains("404").contains("KeyNotFound");
                });
        assertThat(raw.blobs().exists("box", "x")).as("nothing half-written").isFalse();
    }

    @Test
    void aBlobWrappedByAnotherKeyOrVersionIsAClearErrorNamingTheKeyAndNoPlaintextComesOut() {
        vault.createKey("writer", "RSA", 2048);
        vault.createKey("reader", "RSA", 2048);
        encrypted(source("writer")).upload("box", "locked", "PLAINTEXT".getBytes(StandardCharsets.US_ASCII));
        String writerKid = keyIdOf(raw.blobs().getProperties("box", "locked").metadata());

        // Another key of the same vault: not this source's key, refused without asking the vault.
        assertThatThrownBy(() -> encrypted(source("reader")).downloadBytes("box", "locked"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains(writerKid).contains("box/locked");
                });

        // The recorded id altered to a version that does not exist: the vault says 404, named.
        String missingVersion = writerKid.replaceAll("/[0-9a-f]{32}$", "/0123456789abcdef0123456789abcdef");
        setKeyId("locked", missingVersion);
        assertThatThrownBy(() -> encrypted(source("writer")).downloadBytes("box", "locked"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains(missingVersion).contains("404");
                });

        // The id of a rotated-in version that did not wrap it: the vault cannot unwrap, named, nothing released.
        String other = vault.rotateKey("writer");
        setKeyId("locked", other);
        assertThatThrownBy(() -> encrypted(source("writer")).downloadBytes("box", "locked"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains(other).contains("does not unwrap");
                });

        // A blob naming another vault's key: never sent anywhere (the token would go with it).
        String foreign = "https://attacker.example.com/keys/writer/0123456789abcdef0123456789abcdef";
        setKeyId("locked", foreign);
        int before = vault.requests().size();
        assertThatThrownBy(() -> encrypted(source("writer")).downloadBytes("box", "locked"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains(foreign);
                });
        assertThat(vault.requests()).hasSize(before);
    }

    @Test
    void anOctHsmKeyWrapsWithA256kw() {
        vault.createKey("hsm", "oct-HSM", 256);
        KeyVaultKeySource keys = source("hsm");
        BlobStore blobs = encrypted(keys);
        blobs.upload("box", "h", TestData.bytes(5, 5000));
        EncryptionData data = EncryptionData.parse(raw.blobs().getProperties("box", "h").metadata()
                .get("encryptiondata"), "box/h");
        assertThat(data.wrapAlgorithm()).isEqualTo("A256KW");
        assertThat(data.wrappedKey()).hasSize(48);
        assertThat(blobs.downloadBytes("box", "h")).isEqualTo(TestData.bytes(5, 5000));
    }

    @Test
    void theLayerFromOptionsUsesTheVaultKey() {
        String kid = vault.createKey("configured", "RSA", 2048);
        // The factory ServiceLoader finds, with only the transport and credential completed for the stand-in.
        EncryptionLayerFactory factory = new EncryptionLayerFactory(clients::configure);
        BlobStore blobs = Unistore.builder().address(address).layer(factory.create(Map.of("keyVaultKey",
                vault.vaultUrl() + "/keys/configured", "required", "true"))).open().blobs();
        blobs.upload("box", "c", new byte[] {4, 2});
        assertThat(blobs.downloadBytes("box", "c")).containsExactly(4, 2);
        assertThat(keyIdOf(raw.blobs().getProperties("box", "c").metadata())).isEqualTo(kid);
    }

    @Test
    void aClientSecretCredentialSignsInAtTheStandInAndAWrongSecretNeverShows() {
        vault.createKey("with-identity", "RSA", 2048);
        ClientSecretCredential good = new ClientSecretCredentialBuilder().authorityHost("https://127.0.0.1:"
                + vault.port()).tenantId(KeyVaultStandIn.TENANT).clientId(vault.clientId())
                .clientSecret(vault.clientSecret()).httpClient(clients.http()).disableInstanceDiscovery().build();
        BlobStore blobs = encrypted(clients.configure(KeyVaultKeySource.builder(vault.vaultUrl()
                + "/keys/with-identity")).credential(good).build());
        blobs.upload("box", "i", new byte[] {1, 2, 3});
        assertThat(blobs.downloadBytes("box", "i")).containsExactly(1, 2, 3);
        assertThat(vault.requests()).anyMatch(r -> r.equals("POST /" + KeyVaultStandIn.TENANT + "/oauth2/v2.0/token"));

        String wrongSecret = "kv-wrong-secret-" + java.util.UUID.randomUUID();
        ClientSecretCredential bad = new ClientSecretCredentialBuilder().authorityHost("https://127.0.0.1:"
                + vault.port()).tenantId(KeyVaultStandIn.TENANT).clientId(vault.clientId())
                .clientSecret(wrongSecret).httpClient(clients.http()).disableInstanceDiscovery().build();
        // One try: the SDK retries a failed sign-in with back-off, which only costs time here.
        BlobStore refused = encrypted(clients.configure(KeyVaultKeySource.builder(vault.vaultUrl()
                + "/keys/with-identity")).credential(bad).retryOptions(new RetryOptions(new FixedDelayOptions(0,
                Duration.ofMillis(1)))).build());
        try (LogCapture log = LogCapture.start()) {
            assertThatThrownBy(() -> refused.upload("box", "j", new byte[] {1}))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
                        assertThat(e.getMessage()).contains(vault.vaultUrl() + "/keys/with-identity")
                                .doesNotContain(wrongSecret).doesNotContain(vault.clientSecret());
                    });
            // What the SDK and MSAL logged about the failed sign-in holds neither secret.
            assertThat(log.text()).contains("AADSTS7000215").doesNotContain(wrongSecret)
                    .doesNotContain(vault.clientSecret());
        }
        assertThat(raw.blobs().exists("box", "j")).isFalse();
    }

    @Test
    void badKeyUrlsAreRefusedNamingTheField() {
        for (String bad : new String[] {"http://v.vault.azure.net/keys/k", "https://v.vault.azure.net/secrets/k",
                "https://v.vault.azure.net/keys/", "https://v.vault.azure.net/keys/a_b", "not a url",
                "https://v.vault.azure.net/keys/k/v/extra", "https://user@v.vault.azure.net/keys/k",
                "https://v.vault.azure.net/keys/k?x=1", "https://v.vault.azure.net/keys/" + "k".repeat(128)}) {
            assertThatThrownBy(() -> KeyVaultKeySource.builder(bad)).as(bad)
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.getMessage()).contains("keyVaultKey");
                    });
        }
    }

    private void setKeyId(String blob, String keyId) {
        Map<String, String> metadata = raw.blobs().getProperties("box", blob).metadata();
        EncryptionData data = EncryptionData.parse(metadata.get("encryptiondata"), blob);
        EncryptionData moved = data.rewrapped(keyId, data.wrappedKey(), data.wrapAlgorithm());
        raw.blobs().setMetadata("box", blob, StoredBlobs.withEncryptionData(StoredBlobs.userMetadata(metadata),
                moved.toJson()), io.unistore.RequestConditions.none());
    }
}
