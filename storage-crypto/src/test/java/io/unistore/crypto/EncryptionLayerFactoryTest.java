package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer by name from an account's options, as the MCP server's per-account config gives them. */
class EncryptionLayerFactoryTest {
    @TempDir
    Path dir;

    private Path keyset() throws IOException {
        Path file = dir.resolve("keys.json");
        LocalKeyset.create(file, TestKeys.PASSWORD, "cfg", TestKeys.ITERATIONS);
        Files.writeString(dir.resolve("password.txt"), new String(TestKeys.PASSWORD) + "\n");
        return file;
    }

    @Test
    void optionsNameTheLayerTheKeysetAndThePasswordFile() throws IOException {
        Path keyset = keyset();
        Map<String, String> options = Map.of("layers", "encryption", "encryption.keyset", keyset.toString(),
                "encryption.passwordFile", dir.resolve("password.txt").toString());
        try (StorageAccount account = Unistore.open("file:" + dir.resolve("store"), options)) {
            account.blobs().createContainer("box");
            account.blobs().upload("box", "a.txt", "configured".getBytes());
            assertThat(account.blobs().downloadBytes("box", "a.txt")).asString().isEqualTo("configured");
        }
        try (StorageAccount raw = Unistore.open("file:" + dir.resolve("store"))) {
            assertThat(raw.blobs().getProperties("box", "a.txt").metadata().get("encryptiondata"))
                    .contains("\"KeyId\":\"cfg/1\"");
        }
    }

    @Test
    void keyVaultOptionsAreCheckedBeforeAnyRequest() throws IOException {
        Path keyset = keyset();
        String url = "https://unistore-test.vault.azure.net/keys/blobs";
        assertRefused(Map.of("layers", "encryption", "encryption.keyset", keyset.toString(),
                "encryption.keyVaultKey", url), "encryption.keyset/keyVaultKey");
        assertRefused(Map.of("layers", "encryption", "encryption.keyVaultKey", url, "encryption.passwordEnv", "X"),
                "encryption.passwordEnv");
        assertRefused(Map.of("layers", "encryption", "encryption.keyset", keyset.toString(),
                "encryption.passwordFile", dir.resolve("password.txt").toString(), "encryption.tenantId", "t"),
                "encryption.tenantId");
        assertRefused(Map.of("layers", "encryption", "encryption.keyVaultKey", "http://v.vault.azure.net/keys/k"),
                "encryption.keyVaultKey");
        assertRefused(Map.of("layers", "encryption", "encryption.keyVaultKey", url + "/v1/extra"),
                "encryption.keyVaultKey");
    }

    @Test
    void badOptionsAreRefusedByName() throws IOException {
        Path keyset = keyset();
        String store = "file:" + dir.resolve("store");
        assertRefused(Map.of("layers", "encryption"), "encryption.keyset");
        assertRefused(Map.of("layers", "encryption", "encryption.keyset", keyset.toString()),
                "encryption.passwordEnv/passwordFile");
        assertRefused(Map.of("layers", "encryption", "encryption.keyset", keyset.toString(),
                "encryption.passwordEnv", "UNISTORE_TEST_SURELY_UNSET_VARIABLE"), "UNISTORE_TEST_SURELY_UNSET_VARIABLE");
        assertRefused(Map.of("layers", "encryption", "encryption.keyset", keyset.toString(),
                "encryption.pasword", "x"), "encryption.pasword");
        assertRefused(Map.of("layers", "encryption", "encryption.keyset", keyset.toString(),
                "encryption.passwordFile", dir.resolve("password.txt").toString(), "encryption.required", "yes"),
                "encryption.required");
        Files.writeString(dir.resolve("wrong.txt"), "not the password");
        assertThatThrownBy(() -> Unistore.open(store, Map.of("layers", "encryption", "encryption.keyset",
                keyset.toString(), "encryption.passwordFile", dir.resolve("wrong.txt").toString())))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("cfg/1").doesNotContain("not the password");
                });
    }

    private void assertRefused(Map<String, String> options, String named) {
        assertThatThrownBy(() -> Unistore.open("file:" + dir.resolve("store"), options))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains(named);
                });
    }
}
