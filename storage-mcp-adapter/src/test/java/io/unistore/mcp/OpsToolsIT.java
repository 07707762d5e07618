package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.UploadOptions;
import io.unistore.table.TableEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage-ops tools of the real jar, over stdio, on two local accounts ("data" and "vault"): schemas and
 * annotations, cross-account copies, migrations, transforms, backups and restores, CSV, progress and errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsToolsIT {
    static final List<String> TOOLS = List.of("copy-container", "copy-share", "migrate-table-data", "transform-table-schema",
            "backup-table", "backup-container", "restore-table", "restore-blob", "import-table-csv",
            "export-table-csv");

    @TempDir
    static Path dir;
    Path exchange;
    McpSession mcp;

    @BeforeAll
    void start() throws Exception {
        Path data = dir.resolve("data");
        try (StorageAccount account = Unistore.open(data.toString())) {
            account.blobs().createContainer("photos");
            for (int i = 0; i < 30; i++) {
                account.blobs().upload("photos", "2026/p" + i + ".txt", ("photo " + i).repeat(200).getBytes(),
                        UploadOptions.defaults().withContentType("text/plain").withMetadata(Map.of("n", "" + i)));
            }
            for (String table : List.of("people", "staff")) {
                account.tables().createTable(table);
                for (int i = 0; i < 50; i++) {
                    account.tables().insertEntity(table, TableEntity.builder("uk", String.format("%03d", i))
                            .put("First", "Ada" + i).put("Age", 20 + i).put("Score", i / 4.0).build());
                }
            }
        }
        exchange = Files.createDirectories(dir.resolve("exchange"));
        Path config = ServerJar.writeConfig(dir, Map.of("data", Map.of("address", "file:" + data),
                "vault", Map.of("address", "file:" + dir.resolve("vault"))));
        mcp = McpSession.start("--config", config.toString(), "--allow-path", exchange.toString()).connect();
    }

    @AfterAll
    void stop() {
        if (mcp != null) {
            mcp.close();
        }
    }

    @Test
    void opsToolsAreListedWithSchemasAndAnnotations() {
        assertThat(mcp.tools()).containsKeys(TOOLS.toArray(String[]::new));
        for (String name : TOOLS) {
            McpSchema.Tool t = mcp.tools().get(name);
            assertThat(t.inputSchema()).as(name).containsEntry("additionalProperties", false);
            assertThat(t.outputSchema()).as(name).isNotNull();
            assertThat(t.annotations().readOnlyHint()).as(name).isEqualTo(name.equals("export-table-csv"));
        }
        assertThat(mcp.tools().get("copy-container").annotations().destructiveHint()).isTrue();
        assertThat(mcp.tools().get("copy-share").annotations().destructiveHint()).isTrue();
        assertThat(mcp.tools().get("backup-table").annotations().destructiveHint()).isFalse();
        assertThat(mcp.tools().get("restore-table").annotations().destructiveHint()).isTrue();
    }

    @Test
    void copiesAContainerToAnotherAccountWithProgress() {
        McpSchema.CallToolResult raw = mcp.rawWithProgress("copy-container", args("account", "data",
                "sourceContainer", "photos", "targetContainer", "photos-copy", "targetAccount", "vault",
                "concurrency", 2, "checkpointPath", exchange.resolve("copy.journal").toString()), "copy-1");
        Map<String, Object> r = mcp.checked("copy-container", raw);
        assertThat(r).containsEntry("copied", 30).containsEntry("complete", true).containsEntry("failed", 0);
        assertThat(mcp.progressFor("copy-1")).isNotEmpty();
        Map<String, Object> listed = mcp.call("list-blobs", args("account", "vault", "container", "photos-copy",
                "pageSize", 1000));
        assertThat(StoreToolsContract.items(listed, "blobs")).hasSize(30);

        Map<String, Object> again = mcp.call("copy-container", args("account", "data", "sourceContainer", "photos",
                "targetContainer", "photos-copy", "targetAccount", "vault"));
        assertThat(again).containsEntry("copied", 0).containsEntry("skippedUnchanged", 30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void copiesAsADistributedJobFollowedByGetCopyJob() throws Exception {
        Map<String, Object> submitted = mcp.call("copy-container", args("account", "data", "sourceContainer",
                "photos", "targetContainer", "photos-dist", "targetAccount", "vault", "distributed", true,
                "workers", 2, "batchSize", 4, "leaseSeconds", 5));
        Map<String, Object> job = (Map<String, Object>) submitted.get("job");
        assertThat(submitted).containsEntry("listed", 30).containsEntry("complete", false);
        assertThat(job).containsEntry("items", 8).containsEntry("objects", 30);
        String id = (String) job.get("jobId");
        Map<String, Object> status = Map.of();
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            status = mcp.call("get-copy-job", args("account", "vault", "jobId", id));
            if (!List.of("submitting", "running").contains(status.get("state"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status).containsEntry("state", "complete").containsEntry("itemsDone", 8)
                .containsEntry("copied", 30).containsEntry("verified", 30).containsEntry("failed", 0);
        Map<String, Object> listed = mcp.call("list-blobs", args("account", "vault", "container", "photos-dist",
                "pageSize", 1000));
        assertThat(StoreToolsContract.items(listed, "blobs")).hasSize(30);
        assertThat(mcp.error("get-copy-job", args("account", "vault", "jobId", "nosuchjob")))
                .startsWith("[NOT_FOUND]");
    }

    @Test
    void migratesAndTransformsTables() {
        Map<String, Object> transform = Map.of("steps", List.of(
                Map.of("op", "rename", "from", "First", "to", "Name"),
                Map.of("op", "compute", "property", "Label", "template", "{Name|upper}-{Age}")));
        Map<String, Object> preview = mcp.call("transform-table-schema", args("account", "data", "table", "staff",
                "transform", transform, "dryRun", true, "previewSize", 2));
        assertThat(preview).containsEntry("written", 50).containsEntry("dryRun", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) ((List<Map<String, Object>>) preview.get("preview")).get(0)
                .get("after");
        assertThat(after.toString()).contains("Label=ADA0-20");

        Map<String, Object> moved = mcp.call("migrate-table-data", args("account", "data", "sourceTable", "staff",
                "targetTable", "people2", "targetAccount", "vault", "transform", transform,
                "filter", "Age lt 40"));
        assertThat(moved).containsEntry("written", 20).containsEntry("complete", true);
        assertThat(moved.get("verification").toString()).contains("matches=true");

        String bad = mcp.error("migrate-table-data", args("account", "data", "sourceTable", "staff",
                "targetTable", "people3", "transform", Map.of("steps", List.of(Map.of("op", "explode")))));
        assertThat(bad).startsWith("[INVALID_ARGUMENT]").contains("transform.steps[0].op");
    }

    @Test
    void backsUpAndRestoresAtAPointInTime() throws Exception {
        Map<String, Object> full = mcp.call("backup-table", args("account", "data", "table", "people",
                "backupContainer", "backups", "backupAccount", "vault"));
        assertThat(full).containsEntry("type", "full").containsEntry("items", 50);
        Instant t1 = Instant.now();
        Thread.sleep(5);
        mcp.call("delete-entity", args("account", "data", "table", "people", "partitionKey", "uk", "rowKey", "007"));
        Map<String, Object> inc = mcp.call("backup-table", args("account", "data", "table", "people",
                "backupContainer", "backups", "backupAccount", "vault", "incremental", true, "keepLast", 5));
        assertThat(inc).containsEntry("type", "incremental").containsEntry("items", 49);

        Map<String, Object> restored = mcp.call("restore-table", args("account", "data", "table", "people",
                "backupContainer", "backups", "backupAccount", "vault", "targetTable", "peopleThen",
                "pointInTime", t1.toString()));
        assertThat(restored).containsEntry("written", 50);
        assertThat(restored.get("verification").toString()).contains("matches=true");

        Map<String, Object> blobs = mcp.call("backup-container", args("account", "data", "container", "photos",
                "backupContainer", "backups", "backupAccount", "vault"));
        assertThat(blobs).containsEntry("stored", 30);
        Map<String, Object> one = mcp.call("restore-blob", args("account", "data", "container", "photos",
                "backupContainer", "backups", "backupAccount", "vault", "blob", "2026/p3.txt",
                "targetContainer", "restored"));
        assertThat(one).containsEntry("written", 1).containsEntry("verifiedByChecksum", 1);
        assertThat(mcp.error("restore-table", args("account", "data", "table", "people", "backupContainer",
                "backups", "backupAccount", "vault", "pointInTime", "yesterday")))
                .startsWith("[INVALID_ARGUMENT]").contains("pointInTime");
    }

    @Test
    void importsAndExportsCsv() throws Exception {
        String bad = mcp.error("import-table-csv", args("account", "data", "table", "imported", "content",
                "PartitionKey,RowKey,Age@INT32\np,1,3\np,2,three\n"));
        assertThat(bad).startsWith("[INVALID_ARGUMENT]").contains("line 3").contains("Age@INT32");

        Map<String, Object> in = mcp.call("import-table-csv", args("account", "data", "table", "imported",
                "content", "PartitionKey,RowKey,Age@INT32,Name\np,1,3,\"x, y\"\n"));
        assertThat(in).containsEntry("written", 1);
        Map<String, Object> out = mcp.call("export-table-csv", args("account", "data", "table", "imported"));
        assertThat(out.get("content")).isEqualTo("\"PartitionKey\",\"RowKey\",\"Age@INT32\",\"Name@STRING\"\r\n"
                + "\"p\",\"1\",\"3\",\"x, y\"\r\n");
        Path file = exchange.resolve("people.csv");
        Map<String, Object> toFile = mcp.call("export-table-csv", args("account", "data", "table", "people",
                "localPath", file.toString()));
        assertThat(toFile.get("rows")).isIn(49, 50);
        assertThat(Files.readAllLines(file).get(0)).startsWith("\"PartitionKey\",\"RowKey\"");
        assertThat(mcp.error("copy-container", args("account", "data", "sourceContainer", "photos",
                "targetContainer", "x", "concurrency", 0))).startsWith("[INVALID_ARGUMENT]").contains("concurrency");
    }
}
