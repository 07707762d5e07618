package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.FaultRuns;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxies;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * copy-container, migrate-table-data, backup and restore (blobs and tables) with the target or backup account
 * behind a fault proxy harming 20% of its requests (Azurite's blob and table ports; the data is on the local
 * provider): each finishes with 0 failed items, and the result is checked byte by byte and entity by entity
 * through an unfaulted account. {@code -Dunistore.faults.ops=N} uses N blobs and N × 10 entities instead of the
 * CI-sized count.
 */
class OpsFaultTest {
    FaultPlan plan;
    FaultProxies proxies;
    StorageAccount local;
    StorageAccount faulted;
    StorageAccount direct;

    @BeforeEach
    void open() {
        plan = FaultPlan.of(FaultRuns.seed(), FaultRuns.SHARE).withLatency(Duration.ofMillis(10),
                Duration.ofMillis(100));
        Azurite azurite = Azurite.shared();
        proxies = FaultProxies.inFrontOf(plan, azurite.blobEndpoint(), azurite.tableEndpoint());
        // Retries for a 20% fault rate: 10 tries make a request that fails every time about 1 in 10^8.
        faulted = Unistore.open(proxies.route(azurite.connectionString()), Map.of("versioning", "false",
                "maxRetries", "9", "retryDelayMs", "10", "maxRetryDelayMs", "100", "tryTimeoutMs", "20000",
                "blockSize", "65536", "downloadChunkSize", "65536"));
        direct = Backends.azurite();
        local = Backends.local();
    }

    @AfterEach
    void close() {
        System.out.println("[faults] ops " + plan.counts());
        assertThat(plan.counts().failures()).as("faults injected").isPositive();
        faulted.close();
        direct.close();
        local.close();
        proxies.close();
    }

    @Test
    void copyContainerFinishesAndEveryByteMatches() {
        int blobs = FaultRuns.ops(24);
        Fixtures.putBlobs(local.blobs(), "src", "", blobs, 150_000);
        String target = name("copy");
        CopyContainerResult r = ContainerCopy.run(local, faulted, CopyContainerOptions.of("src", target));
        System.out.println("[faults] copy-container " + r.copied() + " copied, " + r.failed() + " failed");
        assertThat(r.failures()).isEmpty();
        assertThat(r.failed()).isZero();
        assertThat(r.copied()).isEqualTo(blobs);
        assertThat(r.complete()).isTrue();
        Fixtures.assertSameBlobs(local.blobs(), "src", direct.blobs(), target);
    }

    @Test
    void migrateTableDataFinishesAndEveryEntityMatches() {
        int entities = FaultRuns.ops(24) * 10;
        Fixtures.fillTable(local.tables(), "orders", entities, 7);
        String target = table("migrated");
        MigrateTableResult r = TableMigration.migrate(local, faulted, MigrateTableOptions.of("orders", target)
                .withBatchSize(25));
        System.out.println("[faults] migrate-table-data " + r.written() + " written, " + r.failed() + " failed");
        assertThat(r.failures()).isEmpty();
        assertThat(r.failed()).isZero();
        assertThat(r.complete()).isTrue();
        assertThat(r.verification().matches()).isTrue();
        assertThat(Fixtures.entities(direct.tables(), target)).isEqualTo(Fixtures.entities(local.tables(), "orders"));
    }

    @Test
    void containerBackupAndRestoreFinishAndEveryByteMatches() {
        int blobs = FaultRuns.ops(24);
        Fixtures.putBlobs(local.blobs(), "photos", "", blobs, 120_000);
        String backups = name("backups");
        BackupResult b = ContainerBackup.backup(local, faulted, BackupContainerOptions.full("photos", backups));
        assertThat(b.set()).isNotNull();
        RestoreResult r = Restore.blobs(faulted, local, RestoreBlobOptions.fromBackup(backups, "photos")
                .withTargetContainer("restored"));
        System.out.println("[faults] backup+restore container " + r.written() + " written, " + r.bytes() + " bytes");
        assertThat(r.written()).isEqualTo(blobs);
        Fixtures.assertSameBlobs(local.blobs(), "photos", local.blobs(), "restored");
    }

    @Test
    void tableBackupAndRestoreFinishAndEveryEntityMatches() {
        int entities = FaultRuns.ops(24) * 10;
        Fixtures.fillTable(local.tables(), "people", entities, 5);
        String backups = name("backups");
        TableBackup.backup(local, faulted, BackupTableOptions.full("people", backups));
        String target = table("restored");
        RestoreResult r = Restore.table(faulted, faulted, RestoreTableOptions.of(backups, "people")
                .withTargetTable(target));
        System.out.println("[faults] backup+restore table " + r.written() + " written");
        assertThat(r.written()).isEqualTo(entities);
        assertThat(r.verification().matches()).isTrue();
        assertThat(Fixtures.entities(direct.tables(), target)).isEqualTo(Fixtures.entities(local.tables(), "people"));
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String table(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
