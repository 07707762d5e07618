package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/** One run of a table migration or in-place transform; see {@link TableMigration}. */
final class TableCopyRun {
    /** One source entity and what to write for it (null: nothing). */
    private record Item(String pk, String rk, TableAction action) {
    }

    /** Consecutive items whose actions share one target partition. */
    private static final class Batch {
        final List<Item> items = new ArrayList<>();
        final Set<String> targetKeys = new HashSet<>();
        String targetPartition;
        int actions;
        long seq;
        boolean failed;
    }

    private static final int MAX_ITEMS_PER_BATCH = 1000;
    /** How far a table service's clock (which sets Timestamp) may be behind this machine's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final StorageAccount sourceAccount;
    private final StorageAccount targetAccount;
    private final TableStore source;
    private final TableStore target;
    private final MigrateTableOptions options;
    private final boolean inPlace;
    private final String tool;
    private final int batchSize;
    private final boolean transactions;
    private final ProgressMeter meter;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<MigrateTableResult.EntityPreview> preview = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final TreeMap<Long, Batch> finished = new TreeMap<>();
    /**
     * In place: "pk\0rk" to the ETag an earlier run read before writing the entity's transform, for the batches
     * it announced but never recorded as written (a kill can land between the two).
     */
    private final Map<String, String> announced = new HashMap<>();
    private Semaphore permits;
    private Checkpoint checkpoint;
    private long nextSeq;
    private long nextToCommit;
    // Totals since the job's first run (kept in the checkpoint), and of this run.
    private long readTotal;
    private long writtenTotal;
    private long read;
    private long written;
    private long leftOut;
    private long unchanged;
    private long doneBefore;
    /** Whether the pass over entities changed since the first run is on; it journals no progress. */
    private boolean catchingUp;

    TableCopyRun(StorageAccount source, StorageAccount target, MigrateTableOptions options, boolean inPlace,
                 String tool) {
        this.sourceAccount = source;
        this.targetAccount = target;
        this.source = source.tables();
        this.target = target.tables();
        this.options = options;
        this.inPlace = inPlace;
        this.tool = tool;
        int max = Math.max(1, target.capabilities().limits().maxTransactionActions());
        this.batchSize = options.batchSize() == 0 ? max : Math.min(options.batchSize(), max);
        this.transactions = target.capabilities().has(Capability.TABLE_TRANSACTIONS);
        this.meter = new ProgressMeter(tool, options.progress(), options.progressInterval());
    }

    MigrateTableResult run() {
        if (!source.tableExists(options.sourceTable())) {
            throw StorageException.notFound("source table " + options.sourceTable());
        }
        if (!options.dryRun() && !inPlace && options.createTargetTable()) {
            target.createTableIfNotExists(options.targetTable());
        }
        TableJournal journal = new TableJournal();
        Instant started = Instant.now();
        if (!options.dryRun() && options.checkpoint() != null) {
            checkpoint = Checkpoint.open(options.checkpoint(), header(), journal::accept);
            announced.putAll(journal.announced());
            readTotal = doneBefore = journal.read;
            writtenTotal = journal.written;
            checkpoint.append(TableJournal.run(started, window()));
        }
        String wpk = journal.pk;
        String wrk = journal.rk;
        // Entities changed since the job's first run started may have been copied before they changed.
        Instant since = journal.since != null ? journal.since : started;
        permits = new Semaphore(2 * options.parallelism());
        boolean interrupted;
        try {
            interrupted = copy(query(wpk, wrk), journal.window);
            if (!interrupted && wpk != null && !inPlace && !stopping.get() && failed.get() == 0) {
                catchingUp = true;
                interrupted = copy(changedBefore(wpk, wrk, since.minus(CLOCK_SKEW)), Long.MAX_VALUE);
            }
        } finally {
            if (checkpoint != null) {
                checkpoint.close();
            }
        }
        boolean complete = !interrupted && !stopping.get() && failed.get() == 0 && !options.dryRun();
        TableVerification verification = null;
        if (complete && options.verify() && !inPlace) {
            meter.phase("verifying");
            verification = TableMigration.verify(source, options.sourceTable(), options.filter(),
                    options.transform(), target, options.targetTable());
        }
        meter.phase(interrupted ? "interrupted" : "done");
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new MigrateTableResult(read, written, leftOut, unchanged, doneBefore, batches.get(), failed.get(),
                verification, preview, meter.elapsed(), complete, interrupted, options.dryRun(), failures);
    }

    private ObjectNode header() {
        ObjectNode h = Json.object();
        h.put("job", tool);
        h.put("source", sourceAccount.displayName() + "/" + options.sourceTable());
        h.put("target", targetAccount.displayName() + "/" + options.targetTable());
        h.put("filter", options.filter() == null ? null : options.filter().toOData());
        h.put("transform", options.transform().toJson());
        return h;
    }

    /** The user's filter, narrowed to the entities after the checkpoint's key. */
    private TableQuery query(String pk, String rk) {
        Filter filter = options.filter();
        if (pk != null) {
            Filter after = Filter.gt(TableEntity.PARTITION_KEY, pk)
                    .or(Filter.eq(TableEntity.PARTITION_KEY, pk).and(Filter.gt(TableEntity.ROW_KEY, rk)));
            filter = filter == null ? after : filter.and(after);
        }
        return (filter == null ? TableQuery.all() : TableQuery.where(filter)).withPageSize(1000);
    }

    /**
     * The user's filter, narrowed to the entities up to the checkpoint's key changed at or after {@code changed}:
     * earlier runs may have copied them before they changed (between a kill and the resume, say). Each is compared
     * with the target and written only when it differs.
     */
    private TableQuery changedBefore(String pk, String rk, Instant changed) {
        Filter upTo = Filter.lt(TableEntity.PARTITION_KEY, pk)
                .or(Filter.eq(TableEntity.PARTITION_KEY, pk).and(Filter.le(TableEntity.ROW_KEY, rk)));
        Filter filter = upTo.and(Filter.ge(TableEntity.TIMESTAMP, changed));
        return TableQuery.where(options.filter() == null ? filter : options.filter().and(filter)).withPageSize(1000);
    }

    /** Reads, transforms and hands batches to the writers; returns whether the thread was interrupted. */
    private boolean copy(TableQuery query, long window) {
        meter.phase(options.dryRun() ? "planning" : "copying");
        ExecutorService pool = Workers.pool("unistore-migrate", options.parallelism());
        boolean interrupted = false;
        Batch batch = new Batch();
        try {
            long checked = 0;
            for (TableEntity entity : source.query(options.sourceTable(), query)) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    break;
                }
                if (stopping.get()) {
                    break;
                }
                read++;
                TableAction action = actionFor(entity, checked++ < window);
                if (action != null && !fits(batch, action)) {
                    batch = submit(pool, batch);
                    if (batch == null) {
                        break;
                    }
                }
                add(batch, new Item(entity.partitionKey(), entity.rowKey(), action));
                if (batch.items.size() >= MAX_ITEMS_PER_BATCH) {
                    batch = submit(pool, batch);
                    if (batch == null) {
                        break;
                    }
                }
            }
            if (batch != null && !batch.items.isEmpty() && !stopping.get() && !interrupted) {
                submit(pool, batch);
            }
            Workers.finish(pool);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (StorageException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw e;
            }
            interrupted = true;
        } finally {
            if (interrupted || !pool.isTerminated()) {
                stopping.set(true);
                pool.shutdownNow();
                Workers.awaitQuietly(pool);
            }
        }
        return interrupted;
    }

    /** What to write for a source entity, or null (left out, unchanged, failed transform). */
    private TableAction actionFor(TableEntity entity, boolean inResumeWindow) {
        if (inPlace && alreadyTransformed(entity)) {
            unchanged++;
            return null;
        }
        TableEntity out;
        try {
            out = options.transform().apply(entity);
        } catch (StorageException e) {
            fail(entity.partitionKey() + "/" + entity.rowKey(), e, 1);
            if (!options.dryRun()) {
                stopping.set(true);
            }
            return null;
        }
        if (options.dryRun() && preview.size() < options.previewSize()) {
            preview.add(new MigrateTableResult.EntityPreview(entity, out));
        }
        if (out == null) {
            leftOut++;
            return null;
        }
        if (inPlace) {
            if (out.equals(entity)) {
                unchanged++;
                return null;
            }
            return TableAction.update(out, UpdateMode.REPLACE, entity.etag());
        }
        if (inResumeWindow && target.findEntity(options.targetTable(), out.partitionKey(), out.rowKey())
                .filter(out::equals).isPresent()) {
            unchanged++;
            return null;
        }
        return TableAction.upsert(out, UpdateMode.REPLACE);
    }

    /**
     * Whether an earlier run wrote this entity's transform without recording it: it announced the batch with the
     * ETag it had read, and the entity's ETag has changed since. (Had another writer changed it instead, the
     * conditional write would have been refused; either way the transform is not applied a second time.)
     */
    private boolean alreadyTransformed(TableEntity entity) {
        String before = announced.remove(TableJournal.key(entity.partitionKey(), entity.rowKey()));
        return before != null && !before.equals(entity.etag());
    }

    private boolean fits(Batch batch, TableAction action) {
        return batch.actions == 0 || batch.actions < batchSize
                && batch.targetPartition.equals(action.partitionKey())
                && !batch.targetKeys.contains(action.rowKey());
    }

    private void add(Batch batch, Item item) {
        batch.items.add(item);
        if (item.action != null) {
            batch.actions++;
            batch.targetPartition = item.action.partitionKey();
            batch.targetKeys.add(item.action.rowKey());
        }
    }

    /** Hands a batch to the writers; returns a fresh batch, or null when the run is stopping. */
    private Batch submit(ExecutorService pool, Batch batch) throws InterruptedException {
        while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (stopping.get()) {
                return null;
            }
        }
        batch.seq = nextSeq++;
        if (options.dryRun()) {
            written += batch.actions;
            meter.done(batch.items.size());
            permits.release();
            return new Batch();
        }
        if (inPlace && checkpoint != null && batch.actions > 0) {
            announce(batch);
        }
        pool.execute(() -> {
            write(batch);
            commit(batch);
        });
        return new Batch();
    }

    /**
     * Journals, before an in-place batch is written, the ETag each of its entities had when read, forced to the
     * disk: a transform need not be idempotent (a compute step may append to a property), so a resumed run must
     * tell an entity already transformed (ETag changed) from one still to do, even after a power loss.
     */
    private void announce(Batch batch) {
        Item last = batch.items.get(batch.items.size() - 1);
        Map<String, String> etags = new LinkedHashMap<>();
        for (Item item : batch.items) {
            if (item.action != null) {
                etags.put(item.rk, item.action.ifMatch());
            }
        }
        checkpoint.appendDurably(TableJournal.intent(last.pk, last.rk, batch.targetPartition, etags));
    }

    /** How many entities past its last recorded key this run may write before recording them. */
    private long window() {
        return (long) 2 * options.parallelism() * MAX_ITEMS_PER_BATCH;
    }

    private void write(Batch batch) {
        List<TableAction> actions = batch.items.stream().map(Item::action).filter(a -> a != null).toList();
        if (actions.isEmpty() || stopping.get()) {
            batch.failed = stopping.get() && !actions.isEmpty();
            return;
        }
        try {
            Retry.call(options.retries(), () -> {
                if (transactions && actions.size() > 1) {
                    target.submitTransaction(options.targetTable(), actions);
                } else {
                    for (TableAction a : actions) {
                        apply(a);
                    }
                }
                return null;
            });
            batches.incrementAndGet();
        } catch (InterruptedException e) {
            batch.failed = true;
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            batch.failed = true;
            if (!stopping.getAndSet(true)) { // after a stop, failures are the stop's doing (interrupts)
                Item first = batch.items.get(0);
                fail(first.pk + "/" + first.rk + " (batch of " + actions.size() + ")", e, actions.size());
            }
        }
    }

    private void apply(TableAction a) {
        if (a.type() == TableAction.Type.UPSERT_REPLACE) {
            target.upsertEntity(options.targetTable(), a.entity(), UpdateMode.REPLACE);
        } else {
            target.updateEntity(options.targetTable(), a.entity(), UpdateMode.REPLACE, a.ifMatch());
        }
    }

    /** Records finished batches in order: the checkpoint only ever moves past batches whose writes all landed. */
    private synchronized void commit(Batch batch) {
        finished.put(batch.seq, batch);
        while (finished.containsKey(nextToCommit)) {
            Batch b = finished.get(nextToCommit);
            if (b.failed) {
                return; // the checkpoint stays before the failed batch; the run is stopping
            }
            finished.remove(nextToCommit++);
            long items = b.items.size();
            long actions = b.actions;
            readTotal += items;
            writtenTotal += actions;
            written += actions;
            meter.done(items);
            if (checkpoint != null && !catchingUp) {
                Item last = b.items.get(b.items.size() - 1);
                checkpoint.append(TableJournal.progress(last.pk, last.rk, readTotal, writtenTotal, window()));
            }
            permits.release();
        }
    }

    private void fail(String key, RuntimeException e, long entities) {
        failed.addAndGet(entities);
        if (failures.size() < options.reportLimit()) {
            failures.put(key, Workers.describe(e));
        }
        meter.failed();
    }
}
