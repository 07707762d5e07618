package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tools/list shows on the local provider (exactly the catalogue tools its capabilities allow, each
 * fully described), and how bad input is refused before anything runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAndInputIT {
    /** The tool catalogue (the module README's), with the capabilities each tool needs beyond its store. */
    static final Map<String, List<Capability>> CATALOGUE = new LinkedHashMap<>();

    static {
        for (String t : List.of("list-containers", "create-container", "delete-container", "list-blobs", "upload-blob",
                "download-blob", "get-blob-properties", "set-blob-metadata", "delete-blob", "copy-blob")) {
            CATALOGUE.put(t, List.of(Capability.BLOBS));
        }
        CATALOGUE.put("set-blob-tier", List.of(Capability.BLOBS, Capability.BLOB_TIERS));
        CATALOGUE.put("get-blob-tier", List.of(Capability.BLOBS, Capability.BLOB_TIERS));
        CATALOGUE.put("create-blob-snapshot", List.of(Capability.BLOBS, Capability.BLOB_SNAPSHOTS));
        CATALOGUE.put("list-blob-versions", List.of(Capability.BLOBS, Capability.BLOB_VERSIONS));
        CATALOGUE.put("restore-blob-version", List.of(Capability.BLOBS, Capability.BLOB_VERSIONS));
        CATALOGUE.put("generate-blob-url", List.of(Capability.BLOBS, Capability.BLOB_PRESIGNED_URLS));
        for (String t : List.of("list-tables", "create-table", "delete-table", "query-entities", "get-entity",
                "upsert-entity", "update-entity", "delete-entity", "infer-table-schema")) {
            CATALOGUE.put(t, List.of(Capability.TABLES));
        }
        CATALOGUE.put("batch-entities", List.of(Capability.TABLES, Capability.TABLE_TRANSACTIONS));
        for (String t : List.of("list-queues", "create-queue", "delete-queue", "send-queue-message",
                "receive-queue-message", "delete-queue-message")) {
            CATALOGUE.put(t, List.of(Capability.QUEUES));
        }
        CATALOGUE.put("peek-queue-message", List.of(Capability.QUEUES, Capability.QUEUE_PEEK));
        CATALOGUE.put("dead-letter-queue-message", List.of(Capability.QUEUES, Capability.QUEUE_DEAD_LETTER));
        CATALOGUE.put("set-queue-dead-letter-policy", List.of(Capability.QUEUES, Capability.QUEUE_DEAD_LETTER));
        for (String t : List.of("list-file-shares", "create-file-share", "list-files", "create-directory",
                "upload-file", "download-file", "delete-file")) {
            CATALOGUE.put(t, List.of(Capability.FILES));
        }
        CATALOGUE.put("move-file", List.of(Capability.FILES, Capability.FILE_MOVE));
        CATALOGUE.put("grep-blobs", List.of(Capability.BLOBS));
        CATALOGUE.put("grep-files", List.of(Capability.FILES));
        CATALOGUE.put("find-blobs", List.of(Capability.BLOBS));
        CATALOGUE.put("find-files", List.of(Capability.FILES));
        for (String t : List.of("read-many-blobs", "edit-blob", "patch-blob", "describe-blob", "set-blob-tags",
                "get-blob-tags", "find-blobs-by-tags")) {
            CATALOGUE.put(t, List.of(Capability.BLOBS));
        }
        for (String t : List.of("classify-blobs", "extract-text")) {
            CATALOGUE.put(t, List.of(Capability.BLOBS));
        }
        for (String t : List.of("classify-files", "extract-file-text")) {
            CATALOGUE.put(t, List.of(Capability.FILES));
        }
        for (String t : List.of("read-many-files", "edit-file", "patch-file", "describe-file")) {
            CATALOGUE.put(t, List.of(Capability.FILES));
        }
        // storage-ops tools
        for (String t : List.of("copy-container", "backup-container", "restore-blob", "detect-blob-anomalies")) {
            CATALOGUE.put(t, List.of(Capability.BLOBS));
        }
        CATALOGUE.put("copy-share", List.of(Capability.FILES));
        for (String t : List.of("migrate-table-data", "transform-table-schema", "backup-table", "restore-table",
                "import-table-csv", "export-table-csv", "create-index", "list-indexes", "drop-index", "verify-index",
                "rebuild-index", "recommend-table-keys", "detect-table-anomalies", "get-copy-job")) {
            CATALOGUE.put(t, List.of(Capability.TABLES));
        }
        // insight and lifecycle tools
        CATALOGUE.put("get-storage-metrics", List.of());
        CATALOGUE.put("get-storage-analytics", List.of());
        for (String t : List.of("analyze-storage-costs", "plan-lifecycle", "apply-lifecycle")) {
            CATALOGUE.put(t, List.of(Capability.BLOBS));
        }
        CATALOGUE.put("cleanup-expired-entities", List.of(Capability.TABLES));
        CATALOGUE.put("expire-queue-messages", List.of(Capability.QUEUES));
        CATALOGUE.put("list-scheduled-runs", List.of(Capability.TABLES));
    }

    @TempDir
    static Path dir;
    McpSession mcp;
    Map<String, Object> account;

    @BeforeAll
    void start() throws Exception {
        account = Backend.local().start(dir);
        mcp = McpSession.start("--config", ServerJar.writeConfig(dir, Map.of("local", account)).toString())
                .connect();
    }

    @AfterAll
    void stop() {
        mcp.close();
    }

    @Test
    void listsExactlyTheCatalogueToolsTheAccountCanServe() {
        List<String> expected;
        try (StorageAccount a = Unistore.open((String) account.get("address"))) {
            expected = CATALOGUE.entrySet().stream().filter(e -> e.getValue().stream()
                    .allMatch(a.capabilities()::has)).map(Map.Entry::getKey).toList();
        }
        assertThat(mcp.tools().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(33);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyToolIsFullyDescribed() {
        for (McpSchema.Tool t : mcp.tools().values()) {
            assertThat(t.description()).as(t.name()).hasSizeGreaterThan(40);
            McpSchema.ToolAnnotations a = t.annotations();
            assertThat(a).as(t.name()).isNotNull();
            assertThat(List.of(a.readOnlyHint(), a.destructiveHint(), a.idempotentHint(), a.openWorldHint()))
                    .as(t.name()).doesNotContainNull();
            if (a.readOnlyHint()) {
                assertThat(a.destructiveHint()).as(t.name()).isFalse();
            }
            assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object")
                    .containsEntry("additionalProperties", false);
            assertThat((Map<String, Object>) t.inputSchema().get("properties")).as(t.name()).containsKey("account");
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
        }
        assertThat(mcp.tools().get("delete-container").annotations().destructiveHint()).isTrue();
        assertThat(mcp.tools().get("list-blobs").annotations().readOnlyHint()).isTrue();
        assertThat(mcp.tools().get("list-blobs").annotations().openWorldHint()).isFalse();
    }

    @Test
    void unknownArgumentsAreRefusedByName() {
        String e = mcp.error("list-containers", args("bogus", 1));
        assertThat(e).startsWith("[INVALID_ARGUMENT]").contains("unknown argument 'bogus'");
        assertThat(mcp.error("upsert-entity", args("table", "T1x", "entity", Map.of("partitionKey", "p", "rowKey",
                "r", "extra", 1)))).contains("unknown argument 'entity.extra'");
    }

    @Test
    void typesEnumsRangesAndRequiredArgumentsAreChecked() {
        assertThat(mcp.error("list-containers", args("pageSize", "ten"))).startsWith("[INVALID_ARGUMENT]")
                .contains("pageSize");
        assertThat(mcp.error("list-containers", args("pageSize", 0))).contains("pageSize");
        assertThat(mcp.error("list-containers", args("pageSize", 5000))).contains("pageSize");
        assertThat(mcp.error("upload-blob", args("blob", "b", "content", "x")))
                .contains("missing required argument 'container'");
        assertThat(mcp.error("upload-blob", args("container", "c1x", "blob", "b", "content", "x", "encoding",
                "latin1"))).contains("encoding");
        assertThat(mcp.error("send-queue-message", args("queue", "q1x", "message", 5))).contains("message");
        assertThat(mcp.error("list-containers", args("account", "nope"))).contains("account");
    }

    @Test
    void badNamesAreRefusedWithTheRule() {
        assertThat(mcp.error("create-container", args("container", "Bad_Name"))).startsWith("[INVALID_ARGUMENT]")
                .contains("container").contains("lowercase");
        assertThat(mcp.error("create-queue", args("queue", "-q"))).startsWith("[INVALID_ARGUMENT]").contains("queue");
        assertThat(mcp.error("get-entity", args("table", "Tbad", "partitionKey", "a/b", "rowKey", "r")))
                .startsWith("[");
        assertThat(mcp.error("upload-blob", args("container", "okname", "blob", "../x", "content", "x")))
                .startsWith("[");
    }

    @Test
    void missingItemsSayWhatToDo() {
        assertThat(mcp.error("list-blobs", args("container", "does-not-exist"))).startsWith("[NOT_FOUND]")
                .contains("list-");
    }

    @Test
    void unknownToolIsAProtocolError() {
        assertThatThrownBy(() -> mcp.raw("drop-everything", Map.of())).isInstanceOf(McpError.class)
                .hasMessageContaining("drop-everything");
    }
}
