package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageAccount;
import io.unistore.blob.UploadOptions;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anomaly detection on the local provider and Azurite: on generated tables and containers with planted anomalies
 * precision and recall are at least 0.9 (printed as {@code [anomalies]} lines), clean data gives no finding, and
 * a pause between writes shows as a gap of {@code Timestamp}.
 */
class AnomalyDetectionTest {

    static List<Backends.Backend> backends() {
        return Backends.tableTargets();
    }

    private static void load(StorageAccount account, String table, List<TableEntity> entities) {
        account.tables().createTable(table);
        assertThat(account.tables().bulkWrite(table, entities.stream().map(e -> TableAction.upsert(e,
                UpdateMode.REPLACE)).toList(), BulkWriteOptions.defaults()).isComplete()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void plantedTableAnomaliesAreFoundAndCleanTablesGiveNone(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            for (long seed = 1; seed <= TableIndexTest.SCALE; seed++) {
                AnomalyFixtures.Fixture planted = AnomalyFixtures.orders(seed, 500, true);
                String table = "planted" + seed;
                load(account, table, planted.entities());
                AnomalyReport report = TableAnomalies.detect(account, table, 100_000, List.of("EventTime"),
                        Duration.ofMinutes(1));
                AnomalyFixtures.Score s = AnomalyFixtures.score(report.anomalies(), planted.planted());
                System.out.printf("[anomalies] table %s seed %d: %s%n", backend, seed, s);
                assertThat(s.precision()).as("%s: %s", s, report.anomalies()).isGreaterThanOrEqualTo(0.9);
                assertThat(s.recall()).as("%s: %s", s, report.anomalies()).isGreaterThanOrEqualTo(0.9);
                AnomalyFixtures.Fixture clean = AnomalyFixtures.orders(seed, 500, false);
                load(account, "clean" + seed, clean.entities());
                assertThat(TableAnomalies.detect(account, "clean" + seed, 100_000, List.of("EventTime"),
                        Duration.ofMinutes(1)).anomalies()).as("clean data").isEmpty();
            }
            assertThatThrownBy(() -> TableAnomalies.detect(account, "clean1", 0, null, Duration.ZERO))
                    .hasMessageContaining("maxEntities");
        }
    }

    /** Both back ends written around one pause, so the test waits once. */
    @Test
    void aPauseBetweenWritesIsAGapOfTimestamp() throws Exception {
        try (StorageAccount local = Backends.local(); StorageAccount azurite = Backends.azurite()) {
            List<StorageAccount> accounts = List.of(local, azurite);
            for (StorageAccount account : accounts) {
                account.tables().createTable("paused");
                insertRun(account, "a");
            }
            Thread.sleep(5000);
            for (StorageAccount account : accounts) {
                insertRun(account, "b");
            }
            for (StorageAccount account : accounts) {
                AnomalyReport r = TableAnomalies.detect(account, "paused", 1000, null, Duration.ofSeconds(1));
                assertThat(r.anomalies()).as("%s", r.anomalies()).anySatisfy(a -> {
                    assertThat(a.kind()).isEqualTo("time-gap");
                    assertThat(a.property()).isEqualTo("Timestamp");
                    assertThat(a.items()).containsExactly("p/a059", "p/b000");
                });
            }
        }
    }

    private static void insertRun(StorageAccount account, String prefix) {
        for (int i = 0; i < 60; i++) {
            account.tables().insertEntity("paused", TableEntity.builder("p", String.format("%s%03d", prefix, i))
                    .put("N", i).build());
        }
    }

    /** Both back ends around one pause (old.bin before it), so the test waits once. */
    @Test
    void plantedBlobAnomaliesAreFoundAndCleanContainersGiveNone() throws Exception {
        try (StorageAccount local = Backends.local(); StorageAccount azurite = Backends.azurite()) {
            Map<String, StorageAccount> accounts = Map.of("local", local, "azurite", azurite);
            Random r = new Random(5);
            for (StorageAccount account : accounts.values()) {
                account.blobs().createContainer("planted");
                account.blobs().upload("planted", "old.bin", new byte[1000 + r.nextInt(100)]);
            }
            // Services keep last-modified to the second: 7 s stand out from uploads spread over a second or two.
            Thread.sleep(7000);
            for (Map.Entry<String, StorageAccount> backend : accounts.entrySet()) {
                StorageAccount account = backend.getValue();
                // Uploaded 8 at once, so their last-modified times stay close even on a loaded machine.
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<?>> uploads = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    byte[] content = new byte[900 + r.nextInt(200)];
                    String name = "b" + i;
                    uploads.add(pool.submit(() -> account.blobs().upload("planted", name, content)));
                }
                for (Future<?> f : uploads) {
                    f.get();
                }
                pool.shutdown();
                account.blobs().upload("planted", "huge1", new byte[200_000], UploadOptions.defaults());
                account.blobs().upload("planted", "huge2", new byte[400_000]);
                account.blobs().upload("planted", "tiny", new byte[1]);
            }
            for (Map.Entry<String, StorageAccount> backend : accounts.entrySet()) {
                StorageAccount account = backend.getValue();
                AnomalyReport report = BlobAnomalies.detect(account, "planted", null, 10_000, Duration.ofMinutes(1));
                AnomalyFixtures.Score s = AnomalyFixtures.score(report.anomalies(), List.of(
                        new AnomalyFixtures.Planted("size-outlier", "size", Set.of("huge1", "huge2", "tiny")),
                        new AnomalyFixtures.Planted("age-outlier", "lastModified", Set.of("old.bin"))));
                System.out.printf("[anomalies] blobs %s: %s%n", backend.getKey(), s);
                assertThat(s.precision()).as("%s", report.anomalies()).isGreaterThanOrEqualTo(0.9);
                assertThat(s.recall()).as("%s", report.anomalies()).isGreaterThanOrEqualTo(0.9);
                assertThat(report.anomalies()).filteredOn(a -> a.kind().equals("size-outlier")).singleElement()
                        .satisfies(a -> assertThat(a.items()).containsExactlyInAnyOrder("huge1", "huge2", "tiny"));
                account.blobs().createContainer("clean");
                for (int i = 0; i < 20; i++) {
                    account.blobs().upload("clean", "b" + i, new byte[900 + r.nextInt(200)]);
                }
                assertThat(BlobAnomalies.detect(account, "clean", null, 10_000, Duration.ofMinutes(1)).anomalies())
                        .as("clean container %s", backend.getKey()).isEmpty();
            }
        }
    }
}
