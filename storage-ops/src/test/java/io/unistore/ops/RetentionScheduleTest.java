package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetentionScheduleTest {
    private StorageAccount account;

    @BeforeEach
    void setUp() {
        account = Backends.local();
        Fixtures.fillTable(account.tables(), "orders", 20, 2);
    }

    @AfterEach
    void tearDown() {
        account.close();
    }

    private BackupSet backup(boolean incremental) {
        BackupTableOptions o = incremental ? BackupTableOptions.incremental("orders", "backups")
                : BackupTableOptions.full("orders", "backups");
        return TableBackup.backup(account, account, o).set();
    }

    @Test
    void keepsWholeChainsAndRemovesIncompleteSets() {
        List<String> ids = new ArrayList<>();
        for (boolean inc : new boolean[] {false, true, false, true, false}) {
            ids.add(backup(inc).setId());
        }
        // A backup that died before its manifest, older than the newest complete set.
        account.blobs().upload("backups", "tables/orders/20000101T000000000Z/entities.ndjson.gz", new byte[] {1});

        Retention.Result preview = Retention.apply(account, "backups", "tables/orders", RetentionPolicy.keepLast(2), true);
        assertThat(preview.deleted()).containsExactly("20000101T000000000Z", ids.get(0), ids.get(1));
        assertThat(BackupCatalog.setIds(account.blobs(), "backups", "tables/orders")).hasSize(6);

        Retention.Result done = Retention.apply(account, "backups", "tables/orders", RetentionPolicy.keepLast(2), false);
        assertThat(done.deleted()).isEqualTo(preview.deleted());
        assertThat(done.kept()).containsExactly(ids.get(2), ids.get(3), ids.get(4));
        assertThat(BackupCatalog.setIds(account.blobs(), "backups", "tables/orders"))
                .containsExactly(ids.get(2), ids.get(3), ids.get(4));

        Retention.Result byAge = Retention.apply(account, "backups", "tables/orders", RetentionPolicy.keepDays(7),
                Instant.now().plus(Duration.ofDays(30)), false);
        assertThat(byAge.kept()).containsExactly(ids.get(4));
        assertThat(BackupCatalog.list(account.blobs(), "backups", "tables/orders")).hasSize(1);
    }

    @Test
    void cronExpressionsParseAndBadOnesNameTheField() {
        BackupSchedule nightly = BackupSchedule.parse("0 2 * * *");
        assertThat(nightly.nextRun(Instant.parse("2026-01-01T03:00:00Z")))
                .contains(Instant.parse("2026-01-02T02:00:00Z"));
        assertThat(nightly.describe()).isNotBlank();
        assertThat(BackupSchedule.parse("0 0/15 * * * ?").nextRun(Instant.parse("2026-01-01T03:01:00Z")))
                .contains(Instant.parse("2026-01-01T03:15:00Z"));
        assertThatThrownBy(() -> BackupSchedule.parse("61 * * * *"))
                .isInstanceOf(StorageException.class).hasMessageStartingWith("cron:");
        assertThatThrownBy(() -> RetentionPolicy.keepLast(-1)).hasMessageContaining("keepLast");
    }

    @Test
    void jobSchedulerRunsABackupJobWithRetentionAtEachDueTime() {
        JobSchedulerTest.TestClock clock = new JobSchedulerTest.TestClock();
        try (JobScheduler scheduler = JobScheduler.on(new JobRuns(account, "backupruns"), "a", clock,
                Duration.ofMinutes(5))) {
            scheduler.add("orders-hourly", BackupSchedule.parse("0 * * * *"), due -> {
                BackupResult r = TableBackup.backup(account, account, BackupTableOptions.incremental("orders",
                        "backups"));
                Retention.apply(account, "backups", r.root(), RetentionPolicy.keepLast(1), false);
                return r.set().setId();
            });
            for (int hour = 0; hour < 3; hour++) {
                clock.advance(Duration.ofHours(1));
                assertThat(scheduler.tick()).singleElement()
                        .satisfies(run -> assertThat(run.outcome()).isEqualTo(ScheduledRun.SUCCEEDED));
            }
            assertThat(scheduler.tick()).isEmpty(); // nothing more is due at the same instant
            assertThat(scheduler.runs().list("orders-hourly", 10)).hasSize(3);
        }
        assertThat(BackupCatalog.list(account.blobs(), "backups", "tables/orders")).isNotEmpty();
    }
}
