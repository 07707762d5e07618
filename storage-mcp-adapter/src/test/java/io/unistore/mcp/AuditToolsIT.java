package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit layer through unistore-mcp: a workflow over every store on an audited local account leaves exactly one
 * line per write, attributed to the MCP client and the call's request id; verify-audit-log accepts the trail and
 * names the line once one is edited; query-audit-log selects lines; both are served only on audited accounts.
 */
class AuditToolsIT {
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    @Test
    void aWorkflowLeavesOneVerifiedLinePerWriteAndAnEditIsFound() throws Exception {
        Path trail = dir.resolve("audit/trail.jsonl");
        Map<String, Object> audited = Map.of("address", "file:" + dir.resolve("data"), "options", Map.of(
                "layers", "audit", "audit.path", trail.toString(), "audit.account", "main"));
        Map<String, Object> plain = Map.of("address", "file:" + dir.resolve("other"));
        Path config = ServerJar.writeConfig(dir, Map.of("main", audited, "plain", plain));
        try (McpSession s = McpSession.start("--config", config.toString()).connect()) {
            assertThat(s.tools()).containsKeys("verify-audit-log", "query-audit-log");
            assertThat(s.tools().get("verify-audit-log").annotations().readOnlyHint()).isTrue();

            List<String> writes = new ArrayList<>();
            s.call("create-container", args("account", "main", "container", "docs"));
            writes.add("createContainer");
            s.call("upload-blob", args("account", "main", "container", "docs", "blob", "a.txt", "content", "hello"));
            writes.add("upload");
            s.call("list-blobs", args("account", "main", "container", "docs"));            // a read
            s.call("download-blob", args("account", "main", "container", "docs", "blob", "a.txt"));   // a read
            s.call("set-blob-metadata", args("account", "main", "container", "docs", "blob", "a.txt", "metadata",
                    Map.of("owner", "ada")));
            writes.add("setMetadata");
            s.call("copy-blob", args("account", "main", "container", "docs", "blob", "a.txt", "targetContainer",
                    "docs", "targetBlob", "b.txt"));
            writes.add("copy");
            s.call("delete-blob", args("account", "main", "container", "docs", "blob", "a.txt"));
            writes.add("delete");
            assertThat(s.error("upload-blob", args("account", "main", "container", "docs", "blob", "b.txt",
                    "content", "late", "ifMatch", "\"stale\""))).startsWith("[PRECONDITION_FAILED]");
            writes.add("upload");                                                           // a failed write
            s.call("create-table", args("account", "main", "table", "people"));
            writes.add("createTable");
            s.call("upsert-entity", args("account", "main", "table", "people", "entity", Map.of("partitionKey", "uk",
                    "rowKey", "ada", "properties", Map.of("Age", 36))));
            writes.add("upsertEntity");
            s.call("query-entities", args("account", "main", "table", "people"));          // a read
            s.call("delete-entity", args("account", "main", "table", "people", "partitionKey", "uk", "rowKey", "ada"));
            writes.add("deleteEntity");
            s.call("create-queue", args("account", "main", "queue", "jobs"));
            writes.add("createQueue");
            s.call("send-queue-message", args("account", "main", "queue", "jobs", "message", "job 1"));
            writes.add("sendMessage");
            s.call("create-file-share", args("account", "main", "share", "files"));
            writes.add("createShare");
            s.call("upload-file", args("account", "main", "share", "files", "path", "r.txt", "content", "report"));
            writes.add("upload");
            s.call("delete-file", args("account", "main", "share", "files", "path", "r.txt"));
            writes.add("deleteFile");
            s.call("create-container", args("account", "plain", "container", "elsewhere"));   // not audited

            List<JsonNode> lines = new ArrayList<>();
            for (String l : Files.readAllLines(trail, StandardCharsets.UTF_8)) {
                lines.add(JSON.readTree(l));
            }
            assertThat(lines).extracting(n -> n.get("operation").asString()).containsExactlyElementsOf(writes);
            assertThat(lines).allSatisfy(n -> {
                assertThat(n.get("principal").asString()).startsWith("mcp:");
                assertThat(n.get("account").asString()).isEqualTo("main");
            });
            assertThat(lines).extracting(n -> n.get("requestId").asString()).doesNotHaveDuplicates();
            assertThat(lines.get(1).get("bytes").asLong()).isEqualTo(5);
            assertThat(lines.get(1).get("targets").toString()).isEqualTo("[\"docs\",\"a.txt\"]");
            assertThat(lines.get(5).get("outcome").asString()).isEqualTo("PRECONDITION_FAILED");
            assertThat(lines.get(4).get("outcome").asString()).isEqualTo("OK");

            Map<String, Object> v = s.call("verify-audit-log", args("account", "main"));
            assertThat(v).containsEntry("valid", true).containsEntry("lines", writes.size())
                    .containsEntry("brokenAtLine", 0);

            Map<String, Object> q = s.call("query-audit-log", args("account", "main", "target", "a.txt", "operation",
                    "blob.upload"));
            assertThat((List<?>) q.get("records")).hasSize(1);
            assertThat(q).containsEntry("more", false);
            q = s.call("query-audit-log", args("account", "main", "limit", 3));
            assertThat((List<?>) q.get("records")).hasSize(3);
            assertThat(q).containsEntry("more", true);
            assertThat(s.error("query-audit-log", args("account", "main", "from", "yesterday")))
                    .startsWith("[INVALID_ARGUMENT]").contains("from");
            assertThat(s.error("verify-audit-log", args("account", "plain"))).startsWith("[UNSUPPORTED]")
                    .contains("audit");

            // Edit one line (a write made to look failed): verification names it.
            List<String> text = new ArrayList<>(Files.readAllLines(trail, StandardCharsets.UTF_8));
            text.set(3, text.get(3).replace("\"outcome\":\"OK\"", "\"outcome\":\"NOT_FOUND\""));
            Files.write(trail, text, StandardCharsets.UTF_8);
            v = s.call("verify-audit-log", args("account", "main"));
            assertThat(v).containsEntry("valid", false).containsEntry("brokenAtLine", 4);
            assertThat((String) v.get("problem")).contains("edited");
        }
    }

    @Test
    void withoutAnAuditedAccountTheToolsAreNotListed() throws Exception {
        Path config = ServerJar.writeConfig(dir, Map.of("local", Map.of("address", "file:" + dir.resolve("data"))));
        try (McpSession s = McpSession.start("--config", config.toString()).connect()) {
            assertThat(s.tools()).doesNotContainKeys("verify-audit-log", "query-audit-log");
        }
    }
}
