package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.secrets.Canaries;
import io.unistore.testsupport.secrets.SecretScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-only mode, tool patterns, per-account policies, confirmation of deletes, several accounts and
 * secrets: each tried by a client that attempts to get past it.
 */
class SafetyIT {
    @TempDir
    Path dir;

    private Map<String, Object> local(String sub) {
        return Map.of("address", "file:" + dir.resolve(sub));
    }

    private Path config(Map<String, Object> accounts) throws Exception {
        return ServerJar.writeConfig(dir, accounts);
    }

    @Test
    void readOnlyServerNeitherListsNorRunsWriteTools() throws Exception {
        Path config = config(Map.of("local", local("data")));
        try (McpSession rw = McpSession.start("--config", config.toString()).connect()) {
            rw.call("create-container", args("container", "kept"));
        }
        try (McpSession ro = McpSession.start("--config", config.toString(), "--read-only").connect()) {
            assertThat(ro.tools().values()).allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
            assertThat(ro.tools()).containsKeys("list-containers", "download-blob").doesNotContainKeys(
                    "create-container", "delete-container", "upload-blob", "receive-queue-message");
            assertThat(ro.error("create-container", args("container", "sneaky"))).startsWith("[PERMISSION_DENIED]")
                    .contains("--read-only");
            assertThat(ro.error("delete-container", args("container", "kept"))).startsWith("[PERMISSION_DENIED]");
            assertThat(StoreToolsContract.names(ro.call("list-containers", Map.of()), "containers"))
                    .containsExactly("kept");
        }
    }

    @Test
    void toolPatternsOnTheCommandLineAreEnforced() throws Exception {
        Path config = config(Map.of("local", local("data")));
        try (McpSession s = McpSession.start("--config", config.toString(), "--tools", "*-container*,list-*",
                "--deny-tools", "delete-*").connect()) {
            assertThat(s.tools()).containsKeys("create-container", "list-blobs").doesNotContainKeys(
                    "delete-container", "upload-blob");
            s.call("create-container", args("container", "box-1"));
            assertThat(s.error("delete-container", args("container", "box-1"))).startsWith("[PERMISSION_DENIED]")
                    .contains("--deny-tools");
            assertThat(s.error("upload-blob", args("container", "box-1", "blob", "b", "content", "x")))
                    .startsWith("[PERMISSION_DENIED]").contains("--tools");
        }
    }

    @Test
    void accountPolicyLimitsNamesAndTools() throws Exception {
        try (McpSession open = McpSession.start("--config", config(Map.of("local", local("data"))).toString())
                .connect()) {
            open.call("create-container", args("container", "secret-stuff"));
            open.call("create-container", args("container", "public-docs"));
            open.call("upload-blob", args("container", "secret-stuff", "blob", "key", "content", "hidden"));
        }
        Map<String, Object> guarded = Map.of("address", "file:" + dir.resolve("data"), "policy", Map.of(
                "containers", List.of("public-*"), "denyTools", List.of("delete-*"), "tables", List.of()));
        try (McpSession s = McpSession.start("--config", config(Map.of("guarded", guarded)).toString()).connect()) {
            assertThat(StoreToolsContract.names(s.call("list-containers", Map.of()), "containers"))
                    .containsExactly("public-docs");
            assertThat(s.error("download-blob", args("container", "secret-stuff", "blob", "key")))
                    .startsWith("[PERMISSION_DENIED]").contains("container").contains("public-*")
                    .doesNotContain("hidden");
            assertThat(s.error("create-container", args("container", "private-new"))).startsWith("[PERMISSION_DENIED]");
            s.call("create-container", args("container", "public-new"));
            assertThat(s.tools()).doesNotContainKeys("delete-container", "delete-blob");
            assertThat(s.error("delete-container", args("container", "public-new"))).startsWith("[PERMISSION_DENIED]");
            assertThat(s.error("create-table", args("table", "Anything"))).startsWith("[PERMISSION_DENIED]");
            assertThat(s.client.readResource(new McpSchema.ReadResourceRequest("unistore://guarded/blobs/public-docs"))
                    .contents()).hasSize(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.client.readResource(
                    new McpSchema.ReadResourceRequest("unistore://guarded/blobs/secret-stuff/key")))
                    .hasMessageContaining("PERMISSION_DENIED");
        }
    }

    @Test
    void theClientsRootsAllowLocalPathsWithoutAllowPath() throws Exception {
        Path config = config(Map.of("local", local("data")));
        Path root = java.nio.file.Files.createDirectories(dir.resolve("client-root"));
        Path inside = java.nio.file.Files.writeString(root.resolve("in.txt"), "from the client's root");
        Path outside = java.nio.file.Files.writeString(dir.resolve("out.txt"), "elsewhere");
        try (McpSession s = McpSession.start("--config", config.toString()).root(root).connect()) {
            s.call("create-container", args("container", "rooted"));
            s.call("upload-blob", args("container", "rooted", "blob", "in", "localPath", inside.toString()));
            assertThat(s.call("download-blob", args("container", "rooted", "blob", "in"))).containsEntry("content",
                    "from the client's root");
            assertThat(s.error("upload-blob", args("container", "rooted", "blob", "out", "localPath",
                    outside.toString()))).startsWith("[PERMISSION_DENIED]").contains("outside the allowed roots");
        }
        try (McpSession s = McpSession.start("--config", config.toString()).connect()) {
            assertThat(s.error("upload-blob", args("container", "rooted", "blob", "in", "localPath",
                    inside.toString()))).startsWith("[PERMISSION_DENIED]").contains("--allow-path");
        }
    }

    @Test
    void deletesAskForConfirmationWhenTheClientCanBeAsked() throws Exception {
        Path config = config(Map.of("local", local("data")));
        AtomicReference<String> asked = new AtomicReference<>();
        try (McpSession no = McpSession.start("--config", config.toString()).elicitation(r -> {
            asked.set(r.message());
            return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
        }).connect()) {
            no.call("create-container", args("container", "precious"));
            assertThat(no.error("delete-container", args("container", "precious"))).startsWith("[PERMISSION_DENIED]")
                    .contains("did not confirm");
            assertThat(asked.get()).contains("precious").contains("every blob");
            assertThat(StoreToolsContract.names(no.call("list-containers", Map.of()), "containers"))
                    .contains("precious");
        }
        try (McpSession yes = McpSession.start("--config", config.toString()).elicitation(r ->
                new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true))).connect()) {
            assertThat(yes.call("delete-container", args("container", "precious"))).containsEntry("deleted", true);
        }
    }

    @Test
    void severalAccountsNeedTheAccountArgumentAndKeepSecretsOut() throws Exception {
        // beta's key is a canary Azurite really checks, so a leak of it anywhere would be a real one: the key is
        // seen to work (beta lists containers), then beta fails a call, and every answer and log line is scanned.
        Map<String, Object> withSecret = Map.of("address", "${env:TEST_SECRET_CONNECTION}", "options",
                Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "50"));
        Path config = config(Map.of("alpha", local("a"), "beta", withSecret));
        SecretScan scan = new SecretScan(Canaries.all());
        try (McpSession s = McpSession.start("--config", config.toString()).env(Map.of("TEST_SECRET_CONNECTION",
                Azurite.shared().connectionString(Azurite.CANARY_ACCOUNT))).connect()) {
            assertThat(scanned(scan, s.error("list-containers", Map.of()))).startsWith("[INVALID_ARGUMENT]")
                    .contains("account").contains("alpha").contains("beta");
            s.call("create-container", args("account", "alpha", "container", "only-in-alpha"));
            assertThat(StoreToolsContract.names(scanned(scan, s.call("list-containers", args("account", "beta"))),
                    "containers")).doesNotContain("only-in-alpha");
            assertThat(scanned(scan, s.error("download-blob", args("account", "beta", "container", "absent-box",
                    "blob", "b")))).startsWith("[NOT_FOUND]");
            assertThat(scanned(scan, s.error("list-blobs", args("account", "gamma", "container", "x"))))
                    .contains("account");
            assertThat(s.tools().get("list-blobs").inputSchema().get("required")).asList().contains("account");
            scan.text("the server's log", s.stderr.toString());
            assertThat(scan.findings()).isEmpty();
            assertThat(scan.sources()).isEqualTo(5);
        }
    }

    private static <T> T scanned(SecretScan scan, T answer) {
        scan.text("an answer", String.valueOf(answer));
        return answer;
    }
}
