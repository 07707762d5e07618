package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.TableEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insight and lifecycle tools of the real jar, over stdio, on a seeded local account: metrics with progress,
 * a cost analysis at Azure prices, a lifecycle plan applied exactly, TTL cleanup, and their errors. The results
 * are printed ({@code [insights]}) as examples of real output. Methods run in name order: metrics before the
 * lifecycle and TTL deletes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
class InsightToolsIT {
    static final List<String> TOOLS = List.of("get-storage-metrics", "get-storage-analytics", "analyze-storage-costs", "plan-lifecycle",
            "apply-lifecycle", "cleanup-expired-entities", "expire-queue-messages");
    static final String IN_200_DAYS = Instant.now().plus(Duration.ofDays(200)).toString();

    @TempDir
    static Path dir;
    Path exchange;
    McpSession mcp;

    @BeforeAll
    void start() throws Exception {
        Path data = dir.resolve("data");
        try (StorageAccount account = Unistore.open(data.toString())) {
            account.blobs().createContainer("logs");
            for (int i = 0; i < 20; i++) {
                account.blobs().upload("logs", "app/2025/day" + i + ".log", new byte[(i + 1) << 16]);
            }
            for (int i = 0; i < 5; i++) {
                account.blobs().upload("logs", "tmp/scratch" + i, new byte[1000]);
            }
            account.blobs().createContainer("media");
            account.blobs().upload("media", "video.mp4", new byte[8 << 20]);
            account.tables().createTable("sessions");
            for (int i = 0; i < 12; i++) {
                account.tables().insertEntity("sessions", TableEntity.builder(i < 9 ? "web" : "api", "s" + i)
                        .put("ExpiresAt", Instant.now().minus(Duration.ofDays(i)).plus(Duration.ofHours(1))).build());
            }
            account.queues().createQueue("jobs");
            account.queues().sendMessage("jobs", "one");
        }
        exchange = Files.createDirectories(dir.resolve("exchange"));
        // Audited with reads, so analyze-storage-costs prices the operations of the trail.
        Path config = ServerJar.writeConfig(dir, Map.of("data", Map.of("address", "file:" + data,
                "options", Map.of("layers", "audit", "audit.path", dir.resolve("audit.jsonl").toString(),
                        "audit.reads", "true"),
                "alerts", Map.of("maxObjects", 20, "maxQueueDepth", 0))));
        mcp = McpSession.start("--config", config.toString(), "--allow-path", exchange.toString()).connect();
    }

    @AfterAll
    void stop() {
        if (mcp != null) {
            mcp.close();
        }
    }

    static void print(String what, Map<String, Object> result) {
        System.out.println("[insights] " + what + ": " + JsonMapper.shared().writerWithDefaultPrettyPrinter()
                .writeValueAsString(result));
    }

    @Test
    void toolsAreListedWithSchemasAndAnnotations() {
        for (String name : TOOLS) {
            McpSchema.Tool t = mcp.tools().get(name);
            assertThat(t).as(name).isNotNull();
            assertThat(t.inputSchema()).as(name).containsEntry("additionalProperties", false);
            assertThat(t.outputSchema()).as(name).isNotNull();
        }
        // It writes only with record (to the history table); where the account may not write it is read-only.
        assertThat(mcp.tools().get("get-storage-metrics").annotations().readOnlyHint()).isFalse();
        assertThat(mcp.tools().get("get-storage-metrics").annotations().destructiveHint()).isFalse();
        assertThat(mcp.tools().get("get-storage-analytics").annotations().readOnlyHint()).isTrue();
        assertThat(mcp.tools().get("analyze-storage-costs").annotations().readOnlyHint()).isTrue();
        assertThat(mcp.tools().get("plan-lifecycle").annotations().readOnlyHint()).isTrue();
        assertThat(mcp.tools().get("apply-lifecycle").annotations().destructiveHint()).isTrue();
        assertThat(mcp.tools().get("cleanup-expired-entities").annotations().destructiveHint()).isTrue();
    }

    @Test
    void measuresTheAccountWithProgress() {
        McpSchema.CallToolResult raw = mcp.rawWithProgress("get-storage-metrics", args("prefixDepth", 2, "topN", 2),
                "metrics-1");
        Map<String, Object> r = mcp.checked("get-storage-metrics", raw);
        print("get-storage-metrics", r);
        assertThat(r).containsEntry("totalObjects", 26).containsEntry("interrupted", false);
        assertThat(StoreToolsContract.items(r, "containers")).hasSize(2);
        assertThat(StoreToolsContract.items(r, "tables")).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("entities", 12).containsEntry("partitions", 2);
            assertThat(t.get("skew")).isEqualTo(1.5);
        });
        assertThat(StoreToolsContract.items(r, "queues")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("approximateMessages", 1));
        assertThat(mcp.progressFor("metrics-1")).isNotEmpty();
        Map<String, Object> one = mcp.call("get-storage-metrics", args("container", "logs", "prefix", "tmp/"));
        assertThat(one).containsEntry("totalObjects", 5).containsEntry("totalBytes", 5000);
        assertThat(mcp.error("get-storage-metrics", args("container", "logs", "table", "sessions")))
                .contains("[INVALID_ARGUMENT]", "container/table/queue/share");
        assertThat(mcp.error("get-storage-metrics", args("container", "nosuch"))).startsWith("[NOT_FOUND]");
    }

    /** The account's alerts config: 25 blobs in logs over maxObjects 20, one message over maxQueueDepth 0. */
    @Test
    void metricsAlertsAreReportedAndSentAsLoggingNotifications() {
        int before = mcp.logsOf(InsightTools.ALERT_LOGGER, 0).size();
        Map<String, Object> r = mcp.call("get-storage-metrics", args());
        List<Map<String, Object>> alerts = StoreToolsContract.items(r, "alerts");
        assertThat(alerts).extracting(a -> a.get("threshold") + " " + a.get("scope")).containsExactlyInAnyOrder(
                "maxObjects container:logs", "maxQueueDepth queue:jobs");
        assertThat(alerts).filteredOn(a -> "maxObjects".equals(a.get("threshold"))).singleElement()
                .satisfies(a -> {
                    assertThat(((Number) a.get("limit")).longValue()).isEqualTo(20);
                    assertThat(((Number) a.get("measured")).longValue()).isEqualTo(25);
                });
        List<McpSchema.LoggingMessageNotification> all = mcp.logsOf(InsightTools.ALERT_LOGGER, before + 2);
        List<McpSchema.LoggingMessageNotification> logs = all.subList(before, all.size());
        assertThat(logs).hasSize(2).allSatisfy(l -> assertThat(l.level()).isEqualTo(McpSchema.LoggingLevel.WARNING));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = JsonMapper.shared().readValue(logs.stream().filter(l -> l.data().contains("logs"))
                .findFirst().orElseThrow().data(), Map.class);
        assertThat(first).containsEntry("account", "data").containsEntry("threshold", "maxObjects")
                .containsEntry("scope", "container:logs");
        assertThat(((Number) first.get("measured")).longValue()).isEqualTo(25);
        assertThat(mcp.call("get-storage-metrics", args("container", "media"))).satisfies(m ->
                assertThat(StoreToolsContract.items(m, "alerts")).isEmpty());
    }

    /** Three recorded runs read back: growth series of each container and the total, and a forecast of 3 points. */
    @Test
    void metricsRecordedRunsAreAnalysed() {
        assertThat(mcp.error("get-storage-metrics", args("record", true))).contains("[INVALID_ARGUMENT]",
                "historyTable");
        assertThat(mcp.error("get-storage-analytics", args("historyTable", "metrichist"))).startsWith("[NOT_FOUND]");
        assertThat(mcp.call("get-storage-metrics", args("record", true, "historyTable", "metrichist")))
                .containsEntry("recorded", 4); // logs, media, sessions, jobs
        assertThat(mcp.call("get-storage-metrics", args("record", true, "historyTable", "metrichist")))
                .containsEntry("recorded", 5); // and the history table itself
        Map<String, Object> two = mcp.call("get-storage-analytics", args("historyTable", "metrichist"));
        assertThat(two).containsEntry("runs", 2);
        assertThat((String) two.get("forecastRefused")).contains("at least 3");
        assertThat(mcp.call("get-storage-metrics", args("container", "logs", "record", true, "historyTable",
                "metrichist"))).containsEntry("recorded", 1);
        Map<String, Object> a = mcp.call("get-storage-analytics", args("historyTable", "metrichist",
                "container", "logs", "forecastDays", 7));
        print("get-storage-analytics", a);
        assertThat(a).containsEntry("runs", 3).containsEntry("source", "data");
        assertThat(StoreToolsContract.items(a, "forecasts")).extracting(f -> f.get("name"))
                .containsExactly("(all)", "logs");
        assertThat(StoreToolsContract.items(a, "forecasts")).allSatisfy(f -> assertThat(f).containsEntry("points", 3));
        assertThat(StoreToolsContract.items(a, "series")).filteredOn(s -> "logs".equals(s.get("name"))
                && s.get("tier") == null).singleElement().satisfies(s -> assertThat(s.get("bytesPerDay")).isEqualTo(0.0));
        assertThat(mcp.error("get-storage-analytics", args("historyTable", "metrichist", "from", "yesterday")))
                .contains("[INVALID_ARGUMENT]", "from");
        assertThat(mcp.call("list-tables", args())).satisfies(t -> assertThat(StoreToolsContract.items(t, "tables"))
                .extracting(x -> x.get("name")).contains("metrichist"));
    }

    @Test
    void analysesCostsAtAzurePrices() {
        for (int i = 0; i < 3; i++) {
            mcp.call("get-blob-properties", args("container", "media", "blob", "video.mp4"));
        }
        Map<String, Object> r = mcp.call("analyze-storage-costs", args("pricesFor", "azure", "asOf", IN_200_DAYS,
                "operationDays", 366));
        print("analyze-storage-costs", r);
        assertThat(r).containsEntry("provider", "azure").containsEntry("currency", "USD");
        long bytes = 0;
        for (int i = 0; i < 20; i++) {
            bytes += (i + 1) << 16;
        }
        bytes += 5000 + (8 << 20);
        assertThat(((Number) r.get("monthlyStorage")).doubleValue())
                .isCloseTo(bytes / (double) (1L << 30) * 0.018, org.assertj.core.data.Offset.offset(1e-12));
        // The trail's operations over 366 days (from 166 days ago to asOf), scaled to 30 days, at Hot's read price.
        assertThat((String) r.get("operations")).contains("audit trail", "366.00 days").doesNotContain("reads not");
        assertThat(StoreToolsContract.items(r, "byOperation")).anySatisfy(line -> {
            assertThat(line).containsEntry("container", "media").containsEntry("operationClass", "read")
                    .containsEntry("counted", 3).containsEntry("tier", "HOT");
            assertThat(((Number) line.get("monthly")).doubleValue()).isCloseTo(3 * 30 / 366.0 / 10_000 * 0.004,
                    org.assertj.core.data.Offset.offset(1e-15));
        });
        assertThat(((Number) r.get("monthlyOperations")).doubleValue()).isPositive();
        Map<String, Object> later = mcp.call("analyze-storage-costs", args("pricesFor", "azure", "asOf", IN_200_DAYS));
        assertThat(StoreToolsContract.items(later, "byOperation")).isEmpty(); // the 30 days before asOf: no line
        assertThat(mcp.error("analyze-storage-costs", args("coolAfterDays", 45))).contains("[INVALID_ARGUMENT]",
                "coolAfterDays");
        assertThat(mcp.error("analyze-storage-costs", args("region", "mars-1"))).contains("region", "mars-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void plansAndAppliesExactlyThePlanThenExpiresEntities() throws Exception {
        Map<String, Object> policy = JsonMapper.shared().readValue("""
                {"rules": [{"enabled": true, "name": "scratch", "type": "Lifecycle", "definition": {
                  "filters": {"blobTypes": ["blockBlob"], "prefixMatch": ["logs/tmp/"]},
                  "actions": {"baseBlob": {"delete": {"daysAfterModificationGreaterThan": 7},
                                           "tierToCool": {"daysAfterLastAccessTimeGreaterThan": 30}},
                              "version": {"delete": {"daysAfterCreationGreaterThan": 90}}}}}]}
                """, Map.class);
        String plan = exchange.resolve("logs.plan").toString();
        Map<String, Object> now = mcp.call("plan-lifecycle", args("container", "logs", "policy", policy));
        assertThat(now).containsEntry("total", 0);
        Map<String, Object> p = mcp.call("plan-lifecycle", args("container", "logs", "policy", policy, "planPath",
                plan, "asOf", IN_200_DAYS));
        print("plan-lifecycle", p);
        assertThat(p).containsEntry("total", 5).containsEntry("examined", 25).containsEntry("nativeRules", null);
        assertThat((List<String>) p.get("notApplied")).singleElement().asString().contains("'scratch'",
                "daysAfterLastAccessTimeGreaterThan", "evaluated only", "local");
        assertThat(StoreToolsContract.items(p, "items")).extracting(i -> i.get("blob")).containsExactlyInAnyOrder(
                "tmp/scratch0", "tmp/scratch1", "tmp/scratch2", "tmp/scratch3", "tmp/scratch4");
        Map<String, Object> applied = mcp.call("apply-lifecycle", args("container", "logs", "planPath", plan,
                "checkpointPath", exchange.resolve("logs.journal").toString()));
        assertThat(applied).containsEntry("applied", 5).containsEntry("failed", 0);
        Map<String, Object> left = mcp.call("list-blobs", args("container", "logs", "pageSize", 1000));
        assertThat(StoreToolsContract.items(left, "blobs")).hasSize(20);
        assertThat(mcp.call("apply-lifecycle", args("container", "logs", "planPath", plan, "checkpointPath",
                exchange.resolve("logs.journal").toString()))).containsEntry("applied", 0)
                .containsEntry("skippedCheckpoint", 5);
        assertThat(mcp.error("apply-lifecycle", args("container", "media", "planPath", plan))).contains("planPath",
                "'logs'");

        Map<String, Object> dry = mcp.call("cleanup-expired-entities", args("table", "sessions", "property",
                "ExpiresAt", "olderThanDays", 5, "dryRun", true));
        assertThat(dry).containsEntry("expired", 6).containsEntry("deleted", 0);
        Map<String, Object> ttl = mcp.call("cleanup-expired-entities", args("table", "sessions", "property",
                "ExpiresAt", "olderThanDays", 5));
        assertThat(ttl).containsEntry("deleted", 6);
        assertThat(mcp.error("cleanup-expired-entities", args("table", "sessions"))).contains(
                "olderThanDays/olderThanHours");
    }

    @Test
    void queueMessagesOlderThanTheCutoffExpire() {
        mcp.call("create-queue", args("queue", "old-jobs"));
        for (int i = 0; i < 3; i++) {
            mcp.call("send-queue-message", args("queue", "old-jobs", "message", "job" + i));
        }
        Map<String, Object> dry = mcp.call("expire-queue-messages", args("queue", "old-jobs", "olderThanMinutes", 0,
                "dryRun", true));
        assertThat(dry).containsEntry("expired", 3).containsEntry("deleted", 0).containsEntry("notDone", null);
        assertThat(mcp.call("expire-queue-messages", args("queue", "old-jobs", "olderThanDays", 1)))
                .containsEntry("deleted", 0); // none is a day old
        Map<String, Object> r = mcp.call("expire-queue-messages", args("queue", "old-jobs", "olderThanMinutes", 0));
        print("expire-queue-messages", r);
        assertThat(r).containsEntry("deleted", 3).containsEntry("released", 0);
        assertThat(mcp.error("expire-queue-messages", args("queue", "old-jobs"))).contains(
                "olderThanDays/olderThanHours/olderThanMinutes");
    }
}
