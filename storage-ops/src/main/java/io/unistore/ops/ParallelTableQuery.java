package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.ErrorCode;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * A query spanning partitions run as range queries over PartitionKey ranges at once: the ranges are found by
 * probing ({@link KeyRanges}), each range is queried with the filter and its bounds, and the results are joined
 * in range order, which is key order, so the result is the serial query's. The whole result is held in memory.
 */
public final class ParallelTableQuery {
    /** The most ranges (and threads). */
    public static final int MAX_PARALLELISM = 64;

    private ParallelTableQuery() {
    }

    /**
     * Runs the query.
     *
     * @param filter the filter, or null for every entity
     * @param parallelism ranges queried at once, 1 to {@link #MAX_PARALLELISM}; the table is cut into up to
     *        twice as many ranges, so a range with more data does not hold the others up
     */
    public static ParallelQueryResult run(StorageAccount account, String table, Filter filter, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw StorageException.invalidArgument("parallelism", "must be 1 to " + MAX_PARALLELISM + ", was "
                    + parallelism);
        }
        long start = System.nanoTime();
        KeyRanges ranges = new KeyRanges();
        List<String> cuts = parallelism == 1 ? List.of()
                : ranges.split(account.tables(), table, 2 * parallelism, 4 * parallelism + 40);
        List<String> bounds = new ArrayList<>();
        bounds.add(null);
        bounds.addAll(cuts);
        bounds.add(null);
        ExecutorService pool = Workers.pool("unistore-parallel-query", parallelism);
        try {
            List<CompletableFuture<List<TableEntity>>> parts = new ArrayList<>();
            for (int i = 0; i + 1 < bounds.size(); i++) {
                Filter f = range(filter, bounds.get(i), bounds.get(i + 1));
                parts.add(CompletableFuture.supplyAsync(() -> {
                    List<TableEntity> out = new ArrayList<>();
                    account.tables().query(table, TableQuery.all().withFilter(f).withPageSize(1000)).forEach(out::add);
                    return out;
                }, pool));
            }
            List<TableEntity> all = new ArrayList<>();
            for (CompletableFuture<List<TableEntity>> p : parts) {
                all.addAll(p.join());
            }
            return new ParallelQueryResult(all, cuts, ranges.probes(), (System.nanoTime() - start) / 1_000_000);
        } catch (CompletionException e) {
            throw e.getCause() instanceof StorageException s ? s
                    : new StorageException(ErrorCode.INTERNAL, "parallel query failed: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Filter range(Filter filter, String from, String before) {
        Filter f = filter;
        if (from != null) {
            Filter ge = Filter.ge(TableEntity.PARTITION_KEY, from);
            f = f == null ? ge : ge.and(f);
        }
        if (before != null) {
            Filter lt = Filter.lt(TableEntity.PARTITION_KEY, before);
            f = f == null ? lt : lt.and(f);
        }
        return f;
    }
}
