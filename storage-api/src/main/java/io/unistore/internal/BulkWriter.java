package io.unistore.internal;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.BulkWriteResult;
import io.unistore.table.TableAction;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The provider-neutral bulk write behind {@link TableStore#bulkWrite}: actions are grouped per partition into
 * transactions, batches of one partition run in order, different partitions run in parallel. Memory stays
 * bounded: at most one open batch per partition plus {@code 2 × parallelism} batches in flight.
 */
public final class BulkWriter {
    private BulkWriter() {
    }

    public static BulkWriteResult write(TableStore store, String table, Iterable<TableAction> actions,
                                        BulkWriteOptions options) {
        return write(store, table, actions, options, store::submitTransaction);
    }

    /**
     * As {@link #write(TableStore, String, Iterable, BulkWriteOptions)}, sending each transaction through
     * {@code transactions}: the results of a bulk write's transactions are not kept, so a store may send them
     * without learning the new ETags.
     */
    public static BulkWriteResult write(TableStore store, String table, Iterable<TableAction> actions,
                                        BulkWriteOptions options, BiConsumer<String, List<TableAction>> transactions) {
        BulkWriteOptions opts = options == null ? BulkWriteOptions.defaults() : options;
        return new Run(store, transactions, table, opts).run(actions);
    }

    private static final class Run {
        private final TableStore store;
        private final BiConsumer<String, List<TableAction>> transactionSender;
        private final String table;
        private final BulkWriteOptions options;
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong batches = new AtomicLong();
        private final ConcurrentLinkedQueue<BulkWriteResult.Failure> failures = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicBoolean transactions = new AtomicBoolean(true);
        private final Semaphore inFlight;
        private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();

        Run(TableStore store, BiConsumer<String, List<TableAction>> transactionSender, String table,
            BulkWriteOptions options) {
            this.store = store;
            this.transactionSender = transactionSender;
            this.table = table;
            this.options = options;
            this.inFlight = new Semaphore(options.parallelism() * 2);
        }

        BulkWriteResult run(Iterable<TableAction> actions) {
            ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
                Thread t = new Thread(r, "unistore-bulk-write");
                t.setDaemon(true);
                return t;
            });
            Map<String, List<TableAction>> open = new LinkedHashMap<>();
            Map<String, Set<String>> openKeys = new HashMap<>();
            try {
                for (TableAction action : actions) {
                    if (stop.get()) {
                        break;
                    }
                    String pk = action.partitionKey();
                    List<TableAction> batch = open.computeIfAbsent(pk, k -> new ArrayList<>());
                    Set<String> keys = openKeys.computeIfAbsent(pk, k -> new HashSet<>());
                    // A transaction may not touch one entity twice: the repeat starts a new batch.
                    if (batch.size() >= options.batchSize() || keys.contains(action.rowKey())) {
                        submit(pool, pk, batch);
                        batch = new ArrayList<>();
                        open.put(pk, batch);
                        keys.clear();
                    }
                    batch.add(action);
                    keys.add(action.rowKey());
                }
                for (Map.Entry<String, List<TableAction>> e : open.entrySet()) {
                    if (!e.getValue().isEmpty() && !stop.get()) {
                        submit(pool, e.getKey(), e.getValue());
                    }
                }
                CompletableFuture.allOf(tails.values().toArray(CompletableFuture[]::new)).join();
            } finally {
                pool.shutdownNow();
            }
            return new BulkWriteResult(written.get(), batches.get(), new ArrayList<>(failures));
        }

        private void submit(ExecutorService pool, String pk, List<TableAction> batch) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<Void> previous = tails.getOrDefault(pk, CompletableFuture.completedFuture(null));
            // handleAsync, not thenRunAsync: a batch runs (and releases its permit) whatever befell the previous one.
            CompletableFuture<Void> next = previous.handleAsync((ignored, error) -> {
                try {
                    if (!stop.get()) {
                        send(batch);
                    }
                } finally {
                    inFlight.release();
                }
                return null;
            }, pool);
            tails.put(pk, next);
        }

        private void send(List<TableAction> batch) {
            batches.incrementAndGet();
            try {
                if (transactions.get() && batch.size() > 1) {
                    try {
                        transactionSender.accept(table, batch);
                        written.addAndGet(batch.size());
                        return;
                    } catch (StorageException e) {
                        if (e.code() != ErrorCode.UNSUPPORTED) {
                            throw e;
                        }
                        transactions.set(false);
                    }
                }
                for (TableAction action : batch) {
                    apply(action);
                    written.incrementAndGet();
                }
            } catch (RuntimeException e) {
                StorageException se = e instanceof StorageException s ? s
                        : new StorageException(ErrorCode.INTERNAL, "bulk write batch failed: " + e, e);
                failures.add(new BulkWriteResult.Failure(batch, se));
                if (options.stopOnError()) {
                    stop.set(true);
                }
            }
        }

        private void apply(TableAction a) {
            switch (a.type()) {
                case INSERT -> store.insertEntity(table, a.entity());
                case UPSERT_MERGE -> store.upsertEntity(table, a.entity(), UpdateMode.MERGE);
                case UPSERT_REPLACE -> store.upsertEntity(table, a.entity(), UpdateMode.REPLACE);
                case UPDATE_MERGE -> store.updateEntity(table, a.entity(), UpdateMode.MERGE, a.ifMatch());
                case UPDATE_REPLACE -> store.updateEntity(table, a.entity(), UpdateMode.REPLACE, a.ifMatch());
                case DELETE -> store.deleteEntity(table, a.partitionKey(), a.rowKey(), a.ifMatch());
            }
        }
    }
}
