package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.crypto.LocalKeyset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account whose options name the encryption layer (storage-crypto, in the server's jar): the tools see
 * plaintext, the directory below holds ciphertext in the Azure client-side encryption v2 format.
 */
class EncryptedAccountIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void theToolsReadAndWritePlaintextAndTheStoreHoldsCiphertext() throws Exception {
        char[] password = "mcp keyset password".toCharArray();
        Path keyset = dir.resolve("keys.json");
        LocalKeyset.create(keyset, password, "mcp");
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), new String(password));
        Path store = dir.resolve("data");
        Path config = ServerJar.writeConfig(dir, Map.of("vault", Map.of("address", "file:" + store, "options",
                Map.of("layers", "encryption", "encryption.keyset", keyset.toString(),
                        "encryption.passwordFile", passwordFile.toString()))));
        try (McpSession mcp = McpSession.start("--config", config.toString()).connect()) {
            mcp.call("create-container", args("container", "docs"));
            mcp.call("upload-blob", args("container", "docs", "blob", "a.txt", "content",
                    "top secret plaintext", "metadata", Map.of("owner", "ada")));
            Map<String, Object> read = mcp.call("download-blob", args("container", "docs", "blob", "a.txt"));
            assertThat(read).containsEntry("content", "top secret plaintext");
            assertThat((Map<String, Object>) read.get("blob")).containsEntry("metadata", Map.of("owner", "ada"));
        }
        try (StorageAccount raw = Unistore.open("file:" + store)) {
            byte[] atRest = raw.blobs().downloadBytes("docs", "a.txt");
            assertThat(new String(atRest, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
            assertThat(raw.blobs().getProperties("docs", "a.txt").metadata().get("encryptiondata"))
                    .contains("\"KeyId\":\"mcp/1\"");
        }
    }
}
