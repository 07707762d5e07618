package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every container, table and backup location a call touches is checked against the tool patterns and the
 * account's policy, whatever the entry point: a restore's source, a batch's delete actions, a resource read or
 * listing, a completion, a prompt. Each test tries to reach what the policy forbids through one of them.
 * Account 'acct' allows containers public-*, tables Public* and no delete-* tool; account 'lists' allows only
 * list-* tools, list-blobs excepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryNameCheckedIT {
    @TempDir
    static Path dir;
    McpSession s;

    private Path config(boolean guarded) throws Exception {
        Map<String, Object> acct = new LinkedHashMap<>(Map.of("address", "file:" + dir.resolve("data")));
        Map<String, Object> lists = new LinkedHashMap<>(Map.of("address", "file:" + dir.resolve("lists")));
        if (guarded) {
            acct.put("policy", Map.of("containers", List.of("public-*"), "tables", List.of("Public*"),
                    "denyTools", List.of("delete-*")));
            lists.put("policy", Map.of("tools", List.of("list-*"), "denyTools", List.of("list-blobs")));
        }
        return ServerJar.writeConfig(dir, Map.of("acct", acct, "lists", lists));
    }

    private static Map<String, Object> on(String account, Object... kv) {
        Map<String, Object> a = args(kv);
        a.put("account", account);
        return a;
    }

    @BeforeAll
    void start() throws Exception {
        try (McpSession open = McpSession.start("--config", config(false).toString()).connect()) {
            for (String account : List.of("acct", "lists")) {
                open.call("create-container", on(account, "container", "secret-box"));
                open.call("create-container", on(account, "container", "public-box"));
                open.call("upload-blob", on(account, "container", "secret-box", "blob", "key", "content", "hidden"));
                open.call("create-table", on(account, "table", "Secret1"));
                open.call("upsert-entity", on(account, "table", "Secret1", "entity", Map.of("partitionKey", "p",
                        "rowKey", "r", "properties", Map.of("Pin", "1234"))));
            }
            open.call("create-file-share", on("lists", "share", "docs"));
            open.call("create-container", on("acct", "container", "public-backups"));
            open.call("create-blob-snapshot", on("acct", "container", "secret-box", "blob", "key"));
            open.call("create-table", on("acct", "table", "Public1"));
            open.call("upsert-entity", on("acct", "table", "Public1", "entity", Map.of("partitionKey", "p",
                    "rowKey", "r")));
            open.call("backup-table", on("acct", "table", "Secret1", "backupContainer", "public-backups"));
        }
        s = McpSession.start("--config", config(true).toString()).connect();
    }

    @AfterAll
    void stop() {
        s.close();
    }

    @Test
    void restoreSourcesAreChecked() {
        for (String from : List.of("VERSIONS", "SNAPSHOTS")) {
            assertThat(s.error("restore-blob", on("acct", "container", "secret-box", "from", from,
                    "targetContainer", "public-box", "pointInTime", Instant.now().toString()))).as(from)
                    .startsWith("[PERMISSION_DENIED]").contains("secret-box");
        }
        assertThat(StoreToolsContract.names(s.call("list-blobs", on("acct", "container", "public-box")), "blobs"))
                .doesNotContain("key");
        assertThat(s.error("restore-table", on("acct", "table", "Secret1", "backupContainer", "public-backups",
                "targetTable", "PublicCopy"))).startsWith("[PERMISSION_DENIED]").contains("Secret1");
        assertThat(s.error("get-entity", on("acct", "table", "PublicCopy", "partitionKey", "p", "rowKey", "r")))
                .startsWith("[NOT_FOUND]");
    }

    @Test
    void batchDeletesCountAsDeleteEntity() {
        assertThat(s.error("batch-entities", on("acct", "table", "Public1", "entities", List.of(
                Map.of("action", "upsertMerge", "partitionKey", "p", "rowKey", "n"),
                Map.of("action", "delete", "partitionKey", "p", "rowKey", "r")))))
                .startsWith("[PERMISSION_DENIED]").contains("delete-entity");
        s.call("get-entity", on("acct", "table", "Public1", "partitionKey", "p", "rowKey", "r"));
        s.call("batch-entities", on("acct", "table", "Public1", "entities", List.of(
                Map.of("action", "upsertMerge", "partitionKey", "p", "rowKey", "n"))));
    }

    @Test
    void resourcesObeyNamesAndToolPatterns() {
        List<String> uris = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListResourcesResult page = s.client.listResources(cursor);
            page.resources().forEach(r -> uris.add(r.uri()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(uris).contains("unistore://acct/blobs/public-box", "unistore://acct/tables/Public1",
                "unistore://lists/shares/docs").noneMatch(u -> u.startsWith("unistore://acct/") && u.contains("ecret"))
                .noneMatch(u -> u.startsWith("unistore://lists/blobs/") || u.startsWith("unistore://lists/tables/"));
        assertThatThrownBy(() -> s.client.readResource(new McpSchema.ReadResourceRequest(
                "unistore://acct/tables/Secret1"))).hasMessageContaining("PERMISSION_DENIED");
        assertThatThrownBy(() -> s.client.readResource(new McpSchema.ReadResourceRequest(
                "unistore://lists/blobs/secret-box/key"))).hasMessageContaining("PERMISSION_DENIED")
                .hasMessageContaining("download-blob");
        assertThatThrownBy(() -> s.client.readResource(new McpSchema.ReadResourceRequest(
                "unistore://lists/tables/Secret1"))).hasMessageContaining("PERMISSION_DENIED")
                .hasMessageContaining("query-entities");
    }

    @Test
    void completionOffersOnlyAllowedNames() {
        List<String> containers = s.client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("migrate-container"),
                new McpSchema.CompleteRequest.CompleteArgument("sourceContainer", ""),
                new McpSchema.CompleteRequest.CompleteContext(Map.of("sourceAccount", "acct"))))
                .completion().values();
        assertThat(containers).contains("public-box").doesNotContain("secret-box");
        List<String> tables = s.client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("design-table-keys"),
                new McpSchema.CompleteRequest.CompleteArgument("table", ""),
                new McpSchema.CompleteRequest.CompleteContext(Map.of("account", "acct")))).completion().values();
        assertThat(tables).contains("Public1").doesNotContain("Secret1");
    }

    @Test
    void promptsNamingForbiddenItemsAreRefused() {
        assertThatThrownBy(() -> s.client.getPrompt(new McpSchema.GetPromptRequest("migrate-container",
                Map.of("sourceAccount", "acct", "sourceContainer", "secret-box", "targetAccount", "acct",
                        "targetContainer", "public-box")))).hasMessageContaining("PERMISSION_DENIED")
                .hasMessageContaining("secret-box");
        assertThat(s.client.getPrompt(new McpSchema.GetPromptRequest("design-table-keys", Map.of("account", "acct",
                "table", "Public1", "accessPatterns", "by id"))).messages()).isNotEmpty();
    }
}
