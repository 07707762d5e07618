package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.TableQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedules section run by two real servers on one local account: a metrics recording every second, each due
 * run executed by one server only (the runs table is the lease), the history listed by list-scheduled-runs.
 */
class ScheduledJobsIT {
    @TempDir
    Path dir;

    @Test
    void twoServersRunEachDueTimeOnceAndTheToolListsTheHistory() throws Exception {
        Path data = dir.resolve("data");
        try (StorageAccount account = Unistore.open(data.toString())) {
            account.blobs().createContainer("logs");
            account.blobs().upload("logs", "a.log", new byte[100]);
        }
        Path config = dir.resolve("config.json");
        Files.writeString(config, JsonMapper.shared().writeValueAsString(Map.of(
                "accounts", Map.of("data", Map.of("address", "file:" + data)),
                "schedules", Map.of("runsTable", "schedruns", "pollSeconds", 1, "jobs", Map.of(
                        "metrics-each-second", Map.of("cron", "* * * * * ?", "action", "record-metrics",
                                "container", "logs", "historyTable", "metrichist"))))));
        List<Map<String, Object>> runs;
        try (McpSession one = McpSession.start("--config", config.toString()).connect();
             McpSession two = McpSession.start("--config", config.toString()).connect()) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            do {
                Thread.sleep(500);
                runs = StoreToolsContract.items(one.call("list-scheduled-runs", args("table", "schedruns")), "runs");
            } while (runs.stream().filter(r -> "SUCCEEDED".equals(r.get("outcome"))).count() < 4
                    && System.nanoTime() < deadline);
            assertThat(two.call("list-scheduled-runs", args("table", "schedruns", "job", "metrics-each-second",
                    "limit", 2))).satisfies(r -> assertThat(StoreToolsContract.items(r, "runs")).hasSize(2));
            assertThat(one.error("list-scheduled-runs", args("table", "schedruns", "limit", 0)))
                    .contains("[INVALID_ARGUMENT]", "limit");
            System.out.println("[schedule] server logs:\n" + one.stderr + two.stderr);
        }
        runs = runs.stream().filter(r -> "SUCCEEDED".equals(r.get("outcome"))).toList();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(4).allSatisfy(r -> {
            assertThat(r).containsEntry("job", "metrics-each-second").containsEntry("attempt", 1);
            assertThat((String) r.get("summary")).startsWith("metrics of data recorded: 1 rows");
            assertThat(r.get("start")).isNotNull();
            assertThat(r.get("end")).isNotNull();
        });
        System.out.println("[schedule] owners: " + runs.stream().map(r -> r.get("owner")).toList());
        try (StorageAccount account = Unistore.open(data.toString())) {
            long dueRows = account.tables().query("schedruns", TableQuery.all()).stream().count();
            long succeeded = account.tables().query("schedruns", TableQuery.all()).stream()
                    .filter(e -> "SUCCEEDED".equals(e.getString("Outcome"))).count();
            long executions = account.tables().query("metrichist", TableQuery.all()).stream().count();
            // One metrics row per execution: a due time run by both servers would make more rows than due times.
            assertThat(executions).isBetween(succeeded, dueRows);
        }
    }
}
