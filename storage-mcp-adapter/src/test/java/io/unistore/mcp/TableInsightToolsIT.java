package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.ops.TableIndexes;
import io.unistore.table.TableEntity;
import io.unistore.testsupport.azurite.Azurite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index, advice and anomaly tools of the real jar over stdio, on a local account and an Azurite account of one
 * server: indexes created, used by query-entities (which says its plan), kept current by the server's writes,
 * verified and rebuilt after writes made around the server; key advice with evidence; anomalies named. Writes on
 * an account without indexes log no error; the index tables are hidden from listings and closed to tools.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableInsightToolsIT {
    @TempDir
    static Path dir;
    McpSession mcp;

    @BeforeAll
    void start() throws Exception {
        Path config = ServerJar.writeConfig(dir, Map.of("local", Map.of("address", "file:" + dir.resolve("data")),
                "azurite", Map.of("address", "${env:UNISTORE_TEST_AZURE_CONNECTION}", "options",
                        Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100"))));
        mcp = McpSession.start("--config", config.toString(), "--max-inline-bytes", "65536")
                .env(Map.of("UNISTORE_TEST_AZURE_CONNECTION", Azurite.shared().connectionString())).connect();
    }

    @AfterAll
    void stop() {
        if (mcp != null) {
            mcp.close();
        }
    }

    /** The same account as the server's, opened without the index layer: its writes bypass the indexes. */
    private StorageAccount around(String account) {
        return account.equals("local") ? Unistore.open(dir.resolve("data").toString())
                : Unistore.open(Azurite.shared().connectionString(), Map.of("versioning", "false"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> r, String key) {
        return (List<Map<String, Object>>) r.get(key);
    }

    /** First, while the Azurite account has no system table: each write looks for index definitions. */
    @Test
    @Order(1)
    void writesOnAnAccountWithoutIndexesLogNoError() {
        try (StorageAccount bypass = around("azurite")) {
            assertThat(bypass.tables().tableExists("unistoreindexes")).as("no index yet on Azurite").isFalse();
        }
        int from = mcp.stderr.length();
        mcp.call("create-table", args("account", "azurite", "table", "Plain"));
        for (int i = 0; i < 3; i++) {
            mcp.call("upsert-entity", args("account", "azurite", "table", "Plain", "entity", Map.of("partitionKey",
                    "p", "rowKey", "r" + i, "properties", Map.of("Color", "red"))));
        }
        assertThat(mcp.call("query-entities", args("account", "azurite", "table", "Plain", "filter",
                "Color eq 'red'"))).containsEntry("plan", "scan");
        mcp.call("delete-entity", args("account", "azurite", "table", "Plain", "partitionKey", "p", "rowKey", "r0"));
        assertThat(mcp.stderr.substring(from).lines().filter(l -> l.contains("ERROR")))
                .as("the server's log of writes without indexes").isEmpty();
        // The check can fail: a request that does fail is logged at ERROR by the SDK.
        mcp.error("get-entity", args("account", "azurite", "table", "Plain", "partitionKey", "p", "rowKey", "r0"));
        assertThat(mcp.stderr.substring(from)).contains("ERROR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "azurite"})
    void indexesAreCreatedUsedMaintainedVerifiedAndRebuilt(String account) {
        String table = "Shop" + account;
        mcp.call("create-table", args("account", account, "table", table));
        for (int i = 0; i < 20; i++) {
            mcp.call("upsert-entity", args("account", account, "table", table, "entity", Map.of("partitionKey",
                    "p" + i % 4, "rowKey", String.format("r%02d", i), "properties", Map.of("Color",
                            i % 5 == 0 ? "red" : "blue", "Qty", i))));
        }
        Map<String, Object> created = mcp.call("create-index", args("account", account, "table", table, "index",
                "byColor", "properties", List.of("Color")));
        assertThat(created).containsEntry("complete", true).containsEntry("entities", 20);
        // The index tables: not listed, and closed to tools (their writes follow the indexed table's policy).
        List<String> internal;
        try (StorageAccount bypass = around(account)) {
            internal = bypass.tables().listTables().stream().map(t -> t.name())
                    .filter(TableIndexes::isSystemTable).toList();
        }
        assertThat(internal).hasSizeGreaterThanOrEqualTo(2).contains("unistoreindexes");
        assertThat(items(mcp.call("list-tables", args("account", account)), "tables"))
                .extracting(t -> (String) t.get("name")).contains(table).doesNotContainAnyElementsOf(internal);
        for (String t : internal) {
            assertThat(mcp.error("query-entities", args("account", account, "table", t)))
                    .startsWith("[PERMISSION_DENIED]").contains("secondary indexes");
            assertThat(mcp.error("upsert-entity", args("account", account, "table", t, "entity", Map.of(
                    "partitionKey", table, "rowKey", "forged", "properties", Map.of()))))
                    .startsWith("[PERMISSION_DENIED]");
            assertThat(mcp.error("delete-table", args("account", account, "table", t)))
                    .startsWith("[PERMISSION_DENIED]");
        }
        assertThat(items(mcp.call("list-indexes", args("account", account, "table", table)), "indexes"))
                .singleElement().satisfies(i -> assertThat(i).containsEntry("state", "ready")
                        .containsEntry("properties", List.of("Color")));
        Map<String, Object> red = mcp.call("query-entities", args("account", account, "table", table, "filter",
                "Color eq 'red'"));
        assertThat(red).containsEntry("plan", "index byColor");
        assertThat(items(red, "entities")).hasSize(4);
        assertThat(mcp.call("query-entities", args("account", account, "table", table, "filter", "Qty gt 15")))
                .containsEntry("plan", "scan");
        // Writes through the server keep the index; a write around it is drift that verify and rebuild see.
        mcp.call("upsert-entity", args("account", account, "table", table, "entity", Map.of("partitionKey", "p0",
                "rowKey", "r00", "properties", Map.of("Color", "green")), "mode", "merge"));
        assertThat(mcp.call("verify-index", args("account", account, "table", table, "index", "byColor")))
                .containsEntry("consistent", true);
        try (StorageAccount bypass = around(account)) {
            bypass.tables().insertEntity(table, TableEntity.builder("p9", "new").put("Color", "red").build());
        }
        Map<String, Object> drift = mcp.call("verify-index", args("account", account, "table", table, "index",
                "byColor"));
        assertThat(drift).containsEntry("consistent", false).containsEntry("missing", 1)
                .containsEntry("missingSamples", List.of("p9/new"));
        assertThat(mcp.call("rebuild-index", args("account", account, "table", table, "index", "byColor")))
                .containsEntry("added", 1).containsEntry("complete", true);
        assertThat(mcp.call("verify-index", args("account", account, "table", table, "index", "byColor")))
                .containsEntry("consistent", true);
        assertThat(items(mcp.call("query-entities", args("account", account, "table", table, "filter",
                "Color eq 'red'")), "entities")).hasSize(4);
        assertThat(mcp.error("create-index", args("account", account, "table", table, "index", "bad name",
                "properties", List.of("Color")))).startsWith("[INVALID_ARGUMENT]").contains("index");
        assertThat(mcp.error("create-index", args("account", account, "table", table, "index", "x",
                "properties", List.of()))).contains("properties");
        assertThat(mcp.call("drop-index", args("account", account, "table", table, "index", "byColor")))
                .containsEntry("dropped", true);
        assertThat(mcp.call("query-entities", args("account", account, "table", table, "filter",
                "Color eq 'red'"))).containsEntry("plan", "scan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "azurite"})
    void keyAdviceAndAnomaliesComeWithTheirEvidence(String account) {
        String table = "Readings" + account;
        mcp.call("create-table", args("account", account, "table", table));
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(Map.of("action", "upsertReplace", "partitionKey", "all", "rowKey", String.format("%04d", i),
                    "properties", Map.of("Value", i == 42 ? 1_000_000 : 100 + i % 7, "Unit", "kg")));
            if (batch.size() == 100) {
                mcp.call("batch-entities", args("account", account, "table", table, "entities", batch));
                batch.clear();
            }
        }
        for (int i = 0; i < 9; i++) {
            mcp.call("upsert-entity", args("account", account, "table", table, "entity", Map.of("partitionKey",
                    "other" + i % 3, "rowKey", "x" + i, "properties", Map.of("Value", 100 + i % 7, "Unit", "kg"))));
        }
        Map<String, Object> advice = mcp.call("recommend-table-keys", args("account", account, "table", table,
                "queryFilters", List.of("Unit eq 'kg'", "Unit eq 'g'")));
        assertThat(items(advice, "recommendations")).extracting(r -> r.get("kind")).contains("hot-partition",
                "filtered-property");
        assertThat(items(advice, "recommendations")).allSatisfy(r -> assertThat((Map<?, ?>) r.get("evidence"))
                .isNotEmpty());
        Map<String, Object> schema = mcp.call("infer-table-schema", args("account", account, "table", table,
                "sampleSize", 1000, "recommend", true));
        assertThat(items(schema, "recommendations")).extracting(r -> r.get("kind")).contains("hot-partition");
        Map<String, Object> anomalies = mcp.call("detect-table-anomalies", args("account", account, "table",
                table));
        assertThat(items(anomalies, "anomalies")).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("kind", "numeric-outlier").containsEntry("property", "Value")
                    .containsEntry("items", List.of("all/0042"));
        });
        mcp.call("create-container", args("account", account, "container", "files" + account));
        // 30 blobs: the detector needs that many before it calls a size an outlier.
        for (int i = 0; i < 30; i++) {
            mcp.call("upload-blob", args("account", account, "container", "files" + account, "blob", "f" + i,
                    "content", "x".repeat(i == 7 ? 50_000 : 1000 + i)));
        }
        Map<String, Object> blobs = mcp.call("detect-blob-anomalies", args("account", account, "container",
                "files" + account));
        assertThat(items(blobs, "anomalies")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("kind", "size-outlier").containsEntry("items", List.of("f7")));
        assertThat(mcp.error("detect-table-anomalies", args("account", account, "table", table, "maxEntities", 0)))
                .startsWith("[INVALID_ARGUMENT]").contains("maxEntities");
    }
}
