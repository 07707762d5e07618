package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.ops.BackupSchedule;
import io.unistore.ops.ScheduledRun;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules whose runs account has no tables (S3 on S3Proxy) keep their runs table in the local fallback. */
class ScheduleFallbackIT {
    @TempDir
    Path dir;

    @Test
    void anAccountWithoutTablesKeepsItsRunsInTheLocalFallbackDirectory() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        Map<String, String> options = Map.of("endpoint", proxy.endpoint().toString(), "accessKeyId",
                proxy.identity(), "secretAccessKey", proxy.credential(), "region", S3Proxy.REGION, "maxAttempts", "2");
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"rules\": [{\"name\": \"tmp\", \"definition\": {\"filters\": {}, \"actions\": "
                + "{\"baseBlob\": {\"delete\": {\"daysAfterModificationGreaterThan\": 30}}}}}]}");
        ScheduleSpec spec = new ScheduleSpec("s3", "fallbackruns", Duration.ofMinutes(1), Duration.ofSeconds(1),
                List.of(new ScheduleSpec.Job("lifecycle", BackupSchedule.parse("* * * * * ?"), "apply-lifecycle", "s3",
                        Map.of("container", "sched-fallback", "policy", policy.toString()))));
        Path fallbackDir = dir.resolve("unistore-data").resolve("schedules");
        try (Accounts accounts = Accounts.open(List.of(new AccountSpec("s3", "s3://", options, AccountPolicy.OPEN)))) {
            accounts.resolve("s3").account().blobs().createContainerIfNotExists("sched-fallback");
            try (ServerSchedules schedules = ServerSchedules.of(spec, accounts, "test", fallbackDir)) {
                assertThat(schedules.fallback()).isNotNull();
                List<ScheduledRun> ran = List.of();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (ran.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(300);
                    ran = schedules.scheduler().tick();
                }
                assertThat(ran).singleElement().satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(ScheduledRun.SUCCEEDED);
                    assertThat(r.summary()).startsWith("lifecycle of sched-fallback: 0 actions planned");
                });
            } finally {
                accounts.resolve("s3").account().blobs().deleteContainer("sched-fallback");
            }
        }
        try (StorageAccount local = Unistore.open(fallbackDir.toString())) {
            assertThat(local.tables().query("fallbackruns", io.unistore.table.TableQuery.all()).stream()
                    .filter(e -> "SUCCEEDED".equals(e.getString("Outcome"))).count()).isEqualTo(1);
        }
    }
}
