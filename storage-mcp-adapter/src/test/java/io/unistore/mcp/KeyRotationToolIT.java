package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.crypto.EncryptionLayer;
import io.unistore.crypto.KeySource;
import io.unistore.crypto.LocalKeyset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rotate-encryption-keys through the real server on the local provider: after the keyset file is rotated, a
 * re-wrap stopped by its limit and resumed from its token moves every blob to the new key version, the ciphertext at
 * rest stays byte for byte what it was (re-encrypting would change every byte: content keys are fresh per write),
 * a blob under a key the keyset does not have is named, and the tool is served only on encrypted accounts.
 */
class KeyRotationToolIT {
    private static final int BLOBS = 5;

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void rewrapResumesAndLeavesTheContentAsItWas() throws Exception {
        char[] password = "rotation keyset password".toCharArray();
        Path keyset = dir.resolve("keys.json");
        // The fewest PBKDF2 rounds allowed: the server and every rotation open the file.
        LocalKeyset keys = LocalKeyset.create(keyset, password, "mcp", LocalKeyset.MIN_ITERATIONS);
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), new String(password));
        Path store = dir.resolve("data");
        String address = "file:" + store;
        Path config = ServerJar.writeConfig(dir, Map.of(
                "vault", Map.of("address", address, "options", Map.of("layers", "encryption",
                        "encryption.keyset", keyset.toString(), "encryption.passwordFile", passwordFile.toString(),
                        "encryption.tableProperties", "People.ssn")),
                "plain", Map.of("address", "file:" + dir.resolve("plain"))));
        try (McpSession mcp = McpSession.start("--config", config.toString()).connect();
             StorageAccount raw = Unistore.open(address)) {
            assertThat(mcp.error("rotate-encryption-keys", args("account", "plain", "container", "docs")))
                    .contains("UNSUPPORTED").contains("no encryption layer");
            mcp.call("create-container", args("account", "vault", "container", "docs"));
            for (int i = 0; i < BLOBS; i++) {
                mcp.call("upload-blob", args("account", "vault", "container", "docs", "blob", "b" + i, "content",
                        "secret number " + i));
            }
            // A blob written under a key this keyset never had.
            LocalKeyset stranger = LocalKeyset.create(dir.resolve("other.json"), password, "stranger",
                    LocalKeyset.MIN_ITERATIONS);
            Unistore.builder().address(address).layer(EncryptionLayer.of(stranger)).open().blobs()
                    .upload("docs", "z-foreign", "not ours".getBytes(StandardCharsets.UTF_8));
            Map<String, byte[]> atRest = new HashMap<>();
            for (int i = 0; i < BLOBS; i++) {
                atRest.put("b" + i, raw.blobs().downloadBytes("docs", "b" + i));
            }
            // Files and entities written under mcp/1 too, rotated below.
            mcp.call("create-file-share", args("account", "vault", "share", "files"));
            mcp.call("upload-file", args("account", "vault", "share", "files", "path", "f1", "content", "file one"));
            mcp.call("upload-file", args("account", "vault", "share", "files", "path", "f2", "content", "file two"));
            byte[] fileAtRest = raw.files().downloadBytes("files", "f1");
            mcp.call("create-table", args("account", "vault", "table", "People"));
            for (int i = 0; i < 3; i++) {
                mcp.call("upsert-entity", args("account", "vault", "table", "People", "entity", Map.of(
                        "partitionKey", "p", "rowKey", "r" + i, "properties", Map.of("ssn", "123-45-" + i))));
            }
            keys.rotate(); // mcp/2 is primary in the file now

            Map<String, Object> first = mcp.call("rotate-encryption-keys", args("account", "vault", "container",
                    "docs", "limit", 2));
            assertThat(first).containsEntry("mode", "rewrap").containsEntry("examined", 2)
                    .containsEntry("rewrapped", 2).containsEntry("complete", false)
                    .containsEntry("primaryKeyId", "mcp/2");
            Object token = first.get("continuationToken");
            assertThat(token).isNotNull();

            McpSchema.CallToolResult resumedRaw = mcp.rawWithProgress("rotate-encryption-keys", args("account",
                    "vault", "container", "docs", "continuationToken", token), "rot-1");
            Map<String, Object> rest = mcp.checked("rotate-encryption-keys", resumedRaw);
            assertThat(rest).containsEntry("examined", BLOBS - 2 + 1).containsEntry("rewrapped", BLOBS - 2)
                    .containsEntry("alreadyCurrent", 0).containsEntry("failed", 1).containsEntry("complete", true);
            assertThat(rest.get("continuationToken")).isNull();
            assertThat((List<Map<String, Object>>) rest.get("failures")).singleElement().satisfies(f -> {
                assertThat(f).containsEntry("blob", "z-foreign").containsEntry("code", "PERMISSION_DENIED");
                assertThat((String) f.get("message")).contains("stranger/1");
            });
            assertThat(mcp.progressFor("rot-1")).isNotEmpty();

            Map<String, Object> again = mcp.call("rotate-encryption-keys", args("account", "vault", "container",
                    "docs"));
            assertThat(again).containsEntry("rewrapped", 0).containsEntry("alreadyCurrent", BLOBS);

            // Only the new key version is needed now, and the stored ciphertext is the same bytes.
            KeySource onlyNew = KeySource.of(keys.resolve("mcp/2").orElseThrow());
            StorageAccount readNew = Unistore.builder().address(address).layer(EncryptionLayer.of(onlyNew)).open();
            for (int i = 0; i < BLOBS; i++) {
                assertThat(new String(readNew.blobs().downloadBytes("docs", "b" + i), StandardCharsets.UTF_8))
                        .isEqualTo("secret number " + i);
                assertThat(raw.blobs().downloadBytes("docs", "b" + i)).as("ciphertext of b" + i)
                        .isEqualTo(atRest.get("b" + i));
                assertThat(raw.blobs().getProperties("docs", "b" + i).metadata().get("encryptiondata"))
                        .contains("\"KeyId\":\"mcp/2\"");
            }

            // A share and a table the same way: a limited call, then the rest from its token.
            Map<String, Object> files1 = mcp.call("rotate-encryption-keys", args("account", "vault", "share",
                    "files", "limit", 1));
            assertThat(files1).containsEntry("examined", 1).containsEntry("rewrapped", 1)
                    .containsEntry("complete", false);
            assertThat(mcp.call("rotate-encryption-keys", args("account", "vault", "share", "files",
                    "continuationToken", files1.get("continuationToken")))).containsEntry("examined", 1)
                    .containsEntry("rewrapped", 1).containsEntry("complete", true);
            assertThat(new String(readNew.files().downloadBytes("files", "f1"), StandardCharsets.UTF_8))
                    .isEqualTo("file one");
            assertThat(raw.files().downloadBytes("files", "f1")).isEqualTo(fileAtRest);
            Map<String, Object> table1 = mcp.call("rotate-encryption-keys", args("account", "vault", "table",
                    "People", "limit", 2));
            assertThat(table1).containsEntry("rewrapped", 2).containsEntry("complete", false);
            assertThat(mcp.call("rotate-encryption-keys", args("account", "vault", "table", "People",
                    "continuationToken", table1.get("continuationToken")))).containsEntry("rewrapped", 1)
                    .containsEntry("complete", true);
            StorageAccount tablesNew = Unistore.builder().address(address).layer(EncryptionLayer.of(onlyNew)
                    .encryptingTableProperties("People.ssn")).open();
            assertThat(tablesNew.tables().getEntity("People", "p", "r2").getString("ssn")).isEqualTo("123-45-2");
            assertThat(mcp.error("rotate-encryption-keys", args("account", "vault", "share", "files", "table",
                    "People"))).contains("INVALID_ARGUMENT").contains("exactly one");

            // reencrypt rewrites the content: new ciphertext, same plaintext.
            Map<String, Object> re = mcp.call("rotate-encryption-keys", args("account", "vault", "container", "docs",
                    "mode", "reencrypt", "prefix", "b0"));
            assertThat(re).containsEntry("mode", "reencrypt").containsEntry("rewrapped", 1);
            assertThat(raw.blobs().downloadBytes("docs", "b0")).isNotEqualTo(atRest.get("b0"));
            assertThat(new String(readNew.blobs().downloadBytes("docs", "b0"), StandardCharsets.UTF_8))
                    .isEqualTo("secret number 0");
        }
    }
}
