package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.BulkWriteResult;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verify and rebuild of one index: both read every row of the index into memory (about 200 bytes a row), then
 * walk the table in key order computing the rows it needs.
 */
final class IndexCheck {
    static final int PAGE = 1000;
    private static final int SAMPLES = 20;

    private final StorageAccount account;
    private final TableIndex index;
    private final int page;

    /** A check reading pages of {@code page} entities; a rebuild saves its place after each. */
    IndexCheck(StorageAccount account, TableIndex index, int page) {
        this.account = account;
        this.index = index;
        this.page = page;
    }

    /** Rows held, by PartitionKey and RowKey. */
    private Map<String, TableEntity> rows() {
        Map<String, TableEntity> held = new HashMap<>();
        for (TableEntity r : account.tables().query(index.indexTable(), TableQuery.all().withPageSize(page))) {
            held.put(id(r.partitionKey(), r.rowKey()), r);
        }
        return held;
    }

    private static String id(String pk, String rk) {
        return pk + "\n" + rk;
    }

    private TableQuery scan() {
        return TableQuery.all().withPageSize(page).withSelect(index.properties());
    }

    IndexVerification verify() {
        Map<String, TableEntity> held = rows();
        long pending = held.values().stream().filter(r -> Boolean.TRUE.equals(r.getBoolean(IndexRow.PENDING))).count();
        long entities = 0;
        long expected = 0;
        long missing = 0;
        List<String> missingSamples = new ArrayList<>();
        for (TableEntity e : account.tables().query(index.table(), scan())) {
            entities++;
            IndexRow r = IndexRow.of(index, e);
            if (r == null) {
                continue;
            }
            expected++;
            if (held.remove(id(r.partitionKey(), r.rowKey())) == null) {
                missing++;
                if (missingSamples.size() < SAMPLES) {
                    missingSamples.add(e.partitionKey() + "/" + e.rowKey());
                }
            }
        }
        List<String> staleSamples = held.values().stream().limit(SAMPLES)
                .map(r -> r.getString(IndexRow.BASE_PK) + "/" + r.getString(IndexRow.BASE_RK)).toList();
        return new IndexVerification(index.name(), entities, expected, expected - missing + held.size(), missing,
                held.size(), pending, missingSamples, staleSamples);
    }

    IndexRebuildResult rebuild(ProgressCallback progress) {
        long start = System.nanoTime();
        ProgressMeter meter = new ProgressMeter("rebuild-index", progress, Duration.ofMillis(500));
        meter.phase("reading index");
        Map<String, TableEntity> held = rows();
        String resume = index.rebuildCursor();
        boolean skipping = resume != null;
        meter.phase("scanning");
        long entities = 0;
        long added = 0;
        List<TableAction> batch = new ArrayList<>();
        String last = null;
        try {
            for (TableEntity e : account.tables().query(index.table(), scan())) {
                entities++;
                String key = e.partitionKey() + "/" + e.rowKey();
                IndexRow r = IndexRow.of(index, e);
                TableEntity have = r == null ? null : held.remove(id(r.partitionKey(), r.rowKey()));
                if (skipping) {
                    // Written by the interrupted run up to its cursor (scan order), so only read again.
                    skipping = !key.equals(resume) && !passed(e, resume);
                    if (skipping || key.equals(resume)) {
                        meter.skipped();
                        continue;
                    }
                }
                if (r != null && (have == null || !Boolean.FALSE.equals(have.getBoolean(IndexRow.PENDING)))) {
                    batch.add(TableAction.upsert(r.toEntity(false), UpdateMode.REPLACE));
                }
                last = key;
                meter.done();
                if (entities % page == 0) {
                    added += flush(batch);
                    TableIndexes.saveCursor(account, index, last, index.state());
                    meter.report(true);
                    if (Thread.currentThread().isInterrupted()) {
                        return new IndexRebuildResult(index.name(), entities, added, 0, resume, false,
                                millis(start));
                    }
                }
            }
        } catch (RuntimeException e) {
            // Cancelled mid-request: the cursor holds the last page saved; keep the interrupt for the caller.
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return new IndexRebuildResult(index.name(), entities, added, 0, resume, false, millis(start));
            }
            throw e;
        }
        added += flush(batch);
        meter.phase("removing stale rows");
        IndexMaintainer maintainer = new IndexMaintainer(account.tables(), new IndexCatalog(account.tables(), 0));
        long removed = 0;
        for (TableEntity stale : held.values()) {
            if (maintainer.removeIfStale(index.table(), IndexRow.fromEntity(index.indexTable(), stale))) {
                removed++;
            }
        }
        TableIndexes.saveCursor(account, index, null, TableIndex.READY);
        meter.phase("done");
        return new IndexRebuildResult(index.name(), entities, added, removed, resume, true, millis(start));
    }

    /** Whether the entity comes after the cursor (for a cursor whose entity was deleted meanwhile). */
    private static boolean passed(TableEntity e, String cursor) {
        int slash = cursor.indexOf('/');
        int c = e.partitionKey().compareTo(cursor.substring(0, slash));
        return c > 0 || c == 0 && e.rowKey().compareTo(cursor.substring(slash + 1)) > 0;
    }

    private long flush(List<TableAction> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        BulkWriteResult r = account.tables().bulkWrite(index.indexTable(), batch,
                BulkWriteOptions.defaults().withStopOnError(true));
        if (!r.failures().isEmpty()) {
            throw r.failures().get(0).error();
        }
        batch.clear();
        return r.written();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
