package io.unistore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.BulkWriteResult;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.TableSchema;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** BulkWriter is pure orchestration, so a recording in-memory TableStore is enough to test it. */
class BulkWriterTest {

    /** Records transactions and single calls; can refuse transactions or fail a partition. */
    private static final class RecordingStore implements TableStore {
        final List<List<TableAction>> transactions = new CopyOnWriteArrayList<>();
        final List<String> singles = new CopyOnWriteArrayList<>();
        final Map<String, TableEntity> rows = new ConcurrentHashMap<>();
        final boolean transactionsSupported;
        final String failingPartition;

        RecordingStore(boolean transactionsSupported, String failingPartition) {
            this.transactionsSupported = transactionsSupported;
            this.failingPartition = failingPartition;
        }

        @Override
        public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
            if (!transactionsSupported) {
                throw new StorageException(ErrorCode.UNSUPPORTED, "no transactions");
            }
            Set<String> pks = new HashSet<>();
            actions.forEach(a -> pks.add(a.partitionKey()));
            assertThat(pks).as("one partition per transaction").hasSize(1);
            Set<String> rks = new HashSet<>();
            actions.forEach(a -> assertThat(rks.add(a.rowKey())).as("no entity twice").isTrue());
            if (pks.contains(failingPartition)) {
                throw new StorageException(ErrorCode.CONFLICT, "refused");
            }
            transactions.add(List.copyOf(actions));
            actions.forEach(a -> rows.put(a.partitionKey() + "/" + a.rowKey(), a.entity()));
            return actions.stream().map(a -> new TableActionResult(a, "e")).toList();
        }

        @Override
        public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
            singles.add(entity.partitionKey() + "/" + entity.rowKey());
            rows.put(entity.partitionKey() + "/" + entity.rowKey(), entity);
            return "e";
        }

        @Override public void createTable(String table) { }
        @Override public boolean deleteTable(String table) { return false; }
        @Override public boolean tableExists(String table) { return true; }
        @Override public PagedIterable<TableInfo> listTables(ListOptions options) { return null; }
        @Override public TableEntity getEntity(String t, String p, String r, List<String> s) { return null; }
        @Override public String insertEntity(String table, TableEntity entity) { return upsertEntity(table, entity, UpdateMode.REPLACE); }
        @Override public String updateEntity(String t, TableEntity e, UpdateMode m, String i) { return upsertEntity(t, e, m); }
        @Override public boolean deleteEntity(String t, String p, String r, String i) { return true; }
        @Override public PagedIterable<TableEntity> query(String table, TableQuery query) { return null; }
        @Override public BulkWriteResult bulkWrite(String t, Iterable<TableAction> a, BulkWriteOptions o) {
            return BulkWriter.write(this, t, a, o);
        }
        @Override public TableSchema inferSchema(String table, int sampleSize) { return null; }
    }

    private static List<TableAction> upserts(int count, int partitions) {
        List<TableAction> actions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            actions.add(TableAction.upsert(TableEntity.of("p" + (i % partitions), "r" + i), UpdateMode.REPLACE));
        }
        return actions;
    }

    @Test
    void groupsByPartitionIntoFullBatches() {
        RecordingStore store = new RecordingStore(true, null);
        BulkWriteResult r = BulkWriter.write(store, "t", upserts(1000, 3), BulkWriteOptions.defaults());
        assertThat(r.isComplete()).isTrue();
        assertThat(r.written()).isEqualTo(1000);
        assertThat(store.rows).hasSize(1000);
        // 334 + 333 + 333 actions -> 4 + 4 + 4 batches of at most 100.
        assertThat(store.transactions).hasSize(12).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(100));
        assertThat(r.batches()).isEqualTo(12);
    }

    @Test
    void transactionsGoThroughTheGivenSender() {
        RecordingStore store = new RecordingStore(true, null);
        List<Integer> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        BulkWriteResult r = BulkWriter.write(store, "t", upserts(250, 2), BulkWriteOptions.defaults(),
                (table, batch) -> sent.add(batch.size()));
        assertThat(r.written()).isEqualTo(250);
        assertThat(sent).hasSize(4);
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(250);
        assertThat(store.transactions).as("the store's own submitTransaction was not used").isEmpty();
    }

    @Test
    void aRepeatedRowKeyStartsANewBatchAndKeepsOrder() {
        RecordingStore store = new RecordingStore(true, null);
        List<TableAction> actions = List.of(
                TableAction.upsert(TableEntity.builder("p", "a").put("V", 1).build(), UpdateMode.REPLACE),
                TableAction.upsert(TableEntity.builder("p", "b").put("V", 1).build(), UpdateMode.REPLACE),
                TableAction.upsert(TableEntity.builder("p", "a").put("V", 2).build(), UpdateMode.REPLACE));
        BulkWriter.write(store, "t", actions, BulkWriteOptions.defaults().withParallelism(3));
        assertThat(store.transactions).hasSize(1);
        assertThat(store.singles).containsExactly("p/a");
        assertThat(store.rows.get("p/a").getInt("V")).as("the later write wins").isEqualTo(2);
    }

    @Test
    void fallsBackToSingleCallsWithoutTransactions() {
        RecordingStore store = new RecordingStore(false, null);
        BulkWriteResult r = BulkWriter.write(store, "t", upserts(250, 2), BulkWriteOptions.defaults().withBatchSize(50));
        assertThat(r.isComplete()).isTrue();
        assertThat(r.written()).isEqualTo(250);
        assertThat(store.singles).hasSize(250);
        assertThat(store.transactions).isEmpty();
    }

    @Test
    void failuresAreReportedPerBatchAndCanStopTheRun() {
        RecordingStore store = new RecordingStore(true, "p1");
        BulkWriteResult r = BulkWriter.write(store, "t", upserts(600, 3), BulkWriteOptions.defaults());
        assertThat(r.failures()).hasSize(2).allSatisfy(f -> {
            assertThat(f.error().code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(f.actions()).allMatch(a -> a.partitionKey().equals("p1"));
        });
        assertThat(r.written()).isEqualTo(400);

        RecordingStore stopping = new RecordingStore(true, "p0");
        BulkWriteResult s = BulkWriter.write(stopping, "t", upserts(3000, 1),
                BulkWriteOptions.defaults().withStopOnError(true).withParallelism(1));
        assertThat(s.failures()).hasSize(1);
        assertThat(s.written()).isZero();
        assertThat(s.batches()).isLessThan(30);
    }

    @Test
    void aPartitionsBatchesRunInOrderAndALoneActionIsASingleCall() {
        RecordingStore store = new RecordingStore(true, null);
        List<TableAction> actions = new ArrayList<>(upserts(350, 1));
        actions.add(TableAction.upsert(TableEntity.of("alone", "r"), UpdateMode.MERGE));
        BulkWriteResult r = BulkWriter.write(store, "t", actions, BulkWriteOptions.defaults().withParallelism(4));
        assertThat(r.written()).isEqualTo(351);
        assertThat(store.transactions).extracting(b -> b.get(0).rowKey()).containsExactly("r0", "r100", "r200", "r300");
        assertThat(store.transactions).extracting(List::size).containsExactly(100, 100, 100, 50);
        assertThat(store.singles).containsExactly("alone/r");
    }
}
