package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.ForwardingTableBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.TableBackend;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Index consistency after {@code kill -9} in the middle of a write: a child JVM ({@link KillChild}, operation
 * {@code index-writes}) writes through the index layer, each request slowed down and announced, and is killed
 * after a random number of requests, so the kill falls between the steps of a write (announce, write, confirm,
 * clean up). Checked: no index row is missing; {@code verify-index} reports the pending and stale rows the kill
 * left; {@code rebuild-index} removes exactly those, and the index is then exact. Runs {@code
 * -Dunistore.indexes.scale} times per back end (once by default).
 */
class IndexKillHarnessTest {
    static final String TABLE = "killed";
    static final int WRITES = 40;
    /** One kill per back end by default; {@code -Dunistore.indexes.scale=N} makes it N. */
    static final int RUNS = TableIndexTest.SCALE;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "azurite"})
    void killedWritersLoseNoMatchAndRebuildRepairsWhatVerifyReports(String kind) throws Exception {
        int midWrite = 0;
        for (int run = 0; run < RUNS; run++) {
            Path runDir = Files.createDirectories(dir.resolve(kind + run));
            String spec = KillTargets.spec(kind, runDir.resolve("target"));
            try (StorageAccount real = KillTargets.open(spec)) {
                StorageAccount account = Unistore.layered(real, new IndexLayer(TableIndexTest.CACHE));
                account.tables().deleteTable(TABLE);
                account.tables().createTable(TABLE);
                TableIndexes.create(account, TABLE, "byColor", List.of("Color"), TableIndexTest.GRACE, null);
                Random random = KillHarness.random("index-writes " + kind, run);
                KillHarness.Kill kill = KillHarness.runAndKill(random, WRITES * 4, 30, "index-writes",
                        runDir.resolve("unused").toString(), spec, runDir.resolve("journal").toString(), "5", TABLE);
                IndexVerification before = TableIndexes.verify(account, TABLE, "byColor");
                assertThat(before.missing()).as("no match lost: %s (%s)", before, kill).isZero();
                IndexRebuildResult rebuilt = TableIndexes.rebuild(account, TABLE, "byColor", null);
                assertThat(rebuilt.removed()).as("rebuild removes what verify reported").isEqualTo(before.stale());
                TableIndexTest.assertConsistent(account, TABLE, "byColor");
                if (before.pending() + before.stale() > 0) {
                    midWrite++;
                }
                KillHarness.passed("index-writes " + kind, kill, "verify: " + before.pending() + " pending, "
                        + before.stale() + " stale; rebuild: " + rebuilt.added() + " added, " + rebuilt.removed()
                        + " removed");
                account.tables().deleteTable(TABLE);
            }
        }
        System.out.printf("[kills] index-writes %s: %d of %d runs left pending or stale rows%n", kind, midWrite,
                RUNS);
    }

    /**
     * The child's operation: {@value #WRITES} random writes of every kind through the index layer, over a layer
     * that slows each table request by {@code delay} ms and prints {@code w} after it.
     */
    static void writeThroughIndexes(StorageAccount real, String table, long delay, Runnable progress) {
        StorageAccount account = Unistore.layered(real, new IndexLayer(TableIndexTest.CACHE), slow(delay, progress));
        Random r = new Random(table.hashCode());
        for (int i = 0; i < WRITES; i++) {
            IndexWriters.randomWrite(account, table, r);
        }
    }

    private static Layer slow(long delay, Runnable progress) {
        return inner -> new ForwardingAccountBackend(inner) {
            @Override
            public TableBackend tables() {
                return new ForwardingTableBackend(super.tables()) {
                    private <T> T step(java.util.function.Supplier<T> write) {
                        try {
                            Thread.sleep(delay);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        T t = write.get();
                        progress.run();
                        return t;
                    }

                    @Override
                    public String insertEntity(String t, TableEntity e) {
                        return step(() -> super.insertEntity(t, e));
                    }

                    @Override
                    public String upsertEntity(String t, TableEntity e, UpdateMode mode) {
                        return step(() -> super.upsertEntity(t, e, mode));
                    }

                    @Override
                    public String updateEntity(String t, TableEntity e, UpdateMode mode, String ifMatch) {
                        return step(() -> super.updateEntity(t, e, mode, ifMatch));
                    }

                    @Override
                    public boolean deleteEntity(String t, String pk, String rk, String ifMatch) {
                        return step(() -> super.deleteEntity(t, pk, rk, ifMatch));
                    }

                    @Override
                    public List<TableActionResult> submitTransaction(String t, List<TableAction> actions) {
                        return step(() -> super.submitTransaction(t, actions));
                    }
                };
            }
        };
    }
}
