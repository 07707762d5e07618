package io.unistore.bench.index;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.bench.Backends;
import io.unistore.bench.Log;
import io.unistore.bench.Workspace;
import io.unistore.ops.IndexLayer;
import io.unistore.ops.ParallelQueryResult;
import io.unistore.ops.ParallelTableQuery;
import io.unistore.ops.PlannedQueryResult;
import io.unistore.ops.TableIndexes;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Secondary indexes and parallel queries measured against the plain query, in one run, interleaved round by round
 * (the contenders' order rotates each round) and reported as medians with their range, beside the range of the
 * 1-minute load average sampled after each round:
 *
 * <ul>
 *   <li>a query by a non-key property ({@code Category eq 'c00042'}, 1 in 1,000 entities) on N entities in 100
 *       partitions, on the local provider and Azurite: through an index ({@code TableIndexes.queryAll}), as the
 *       store's filtered query (the scan), and two yardsticks: the query of the index rows alone (the floor of
 *       any plan that reads an index table) and the index rows followed by OR queries of the candidates' keys
 *       instead of point reads. Entities read: index rows + entities fetched, against the N entities a scan makes
 *       the service examine;</li>
 *   <li>a cross-partition query ({@code Amount lt 1000}, about 1% of the entities) on the same N entities on
 *       Azurite, serial and as parallel range queries (4 at once); the parallel result is checked equal to the
 *       serial.</li>
 * </ul>
 *
 * Run: {@code java -cp bench/target/unistore-bench.jar io.unistore.bench.index.IndexBench [entities] [rounds]
 * [local|azurite|both]} (defaults 100000, 5 and both); writes {@code bench/target/index-bench.md} and prints it.
 */
public final class IndexBench {
    private static final String TABLE = "benchindex";
    /** Key pairs per OR query: Azure documents at most 15 comparisons per filter (each pair is 2). */
    private static final int PAIRS_PER_QUERY = 7;

    private IndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String only = args.length > 2 ? args[2] : "both";
        if (!List.of("local", "azurite", "both").contains(only)) {
            throw new IllegalArgumentException("back ends: local, azurite or both, was '" + only + "'");
        }
        Path root = Workspace.findRoot();
        Workspace ws = new Workspace(root, root.resolve("bench/target/bench-scratch/index"), root.resolve(
                "bench/target/bench-results/index"), root.resolve("bench/target/index-bench.md"));
        Log log = new Log(System.err, true);
        StringBuilder md = new StringBuilder("# Secondary indexes and parallel queries\n\n")
                .append(String.format(Locale.ROOT, "%,d entities in 100 partitions, %d rounds, interleaved; "
                        + "medians [min..max]; speed-up: the median of the per-round ratios [min..max]; load average: "
                        + "the 1-minute figure after each round [min..max]. Load average at start: %s.%n%n", n, rounds,
                        Files.readString(Path.of("/proc/loadavg")).trim()))
                .append("| back end | query | plan | entities read | ms (median [min..max]) | speed-up vs scan "
                        + "| load average |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        try (Backends backends = new Backends(ws, log)) {
            if (!only.equals("azurite")) {
                try (StorageAccount local = Unistore.open(ws.newDir("index-local-").resolve("store").toString())) {
                    indexVersusScan("local", local, n, rounds, log, md);
                    local.tables().deleteTable(TABLE);
                }
            }
            if (!only.equals("local")) {
                try (StorageAccount azure = backends.openAzure()) {
                    indexVersusScan("Azurite", azure, n, rounds, log, md);
                    parallelVersusSerial(azure, n, rounds, log, md);
                    azure.tables().deleteTable(TABLE);
                }
            }
        } finally {
            Workspace.delete(ws.scratch());
        }
        Files.createDirectories(ws.reportFile().getParent());
        Files.writeString(ws.reportFile(), md);
        System.out.println(md);
    }

    private static void load(StorageAccount account, String table, int n, Log log) {
        account.tables().deleteTable(table);
        account.tables().createTable(table);
        List<TableAction> actions = new ArrayList<>(n);
        int per = Math.max(1, n / 100);
        for (int i = 0; i < n; i++) {
            actions.add(TableAction.upsert(TableEntity.builder(String.format("p%03d", i / per),
                    String.format("r%07d", i)).put("Category", String.format("c%05d", i % 1000))
                    .put("Amount", (i * 7919) % 100_000).put("Note", "entity " + i).build(), UpdateMode.REPLACE));
        }
        long t0 = System.nanoTime();
        // Sorted by key, so bulkWrite sends one transaction per 100 entities of a partition, 8 partitions at once.
        account.tables().bulkWrite(table, actions, BulkWriteOptions.defaults().withParallelism(8));
        log.info("loaded %,d entities in %.1f s", n, (System.nanoTime() - t0) / 1e9);
    }

    private static void indexVersusScan(String backend, StorageAccount plain, int n, int rounds, Log log,
                                        StringBuilder md) throws Exception {
        StorageAccount account = Unistore.layered(plain, new IndexLayer(IndexLayer.DEFAULT_CACHE_MILLIS));
        load(account, TABLE, n, log);
        long t0 = System.nanoTime();
        TableIndexes.create(account, TABLE, "byCategory", List.of("Category"));
        log.info("%s: index built in %.1f s", backend, (System.nanoTime() - t0) / 1e9);
        Filter f = Filter.eq("Category", "c00042");
        String indexTable = TableIndexes.get(account, TABLE, "byCategory").indexTable();
        // The index PartitionKey of the value, taken from the row of entity 42 (which has it), untimed.
        String valueKey = plain.tables().query(indexTable, TableQuery.where(Filter.eq("BaseRowKey", "r0000042")))
                .iterator().next().partitionKey();
        int want = n / 1000;
        double[][] ms = new double[4][rounds];
        long[] read = new long[4];
        double[] load = {Double.MAX_VALUE, 0};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 4; k++) {
                    int which = (r + k) % 4;
                    long s = System.nanoTime();
                    read[which] = switch (which) {
                        case 0 -> {
                            PlannedQueryResult p = TableIndexes.queryAll(account, TABLE, f);
                            check(p.plan().equals("index byCategory"), "plan " + p.plan());
                            check(p.entities().size() == want, "index found " + p.entities().size());
                            yield p.entitiesRead();
                        }
                        case 1 -> {
                            long c = count(account.tables().query(TABLE, TableQuery.where(f).withPageSize(1000)));
                            check(c == want, "scan found " + c);
                            yield n;
                        }
                        case 2 -> {
                            long c = indexRows(plain, indexTable, valueKey).size();
                            check(c == want, "index rows " + c);
                            yield c;
                        }
                        default -> {
                            List<String[]> keys = indexRows(plain, indexTable, valueKey);
                            long c = orFetch(plain, keys, f, pool);
                            check(c == want, "OR fetch found " + c);
                            yield keys.size() + c;
                        }
                    };
                    ms[which][r] = (System.nanoTime() - s) / 1e6;
                }
                sampleLoad(load);
                log.info("%s round %d: index %.1f ms, scan %.1f ms, index rows only %.1f ms, OR fetch %.1f ms",
                        backend, r + 1, ms[0][r], ms[1][r], ms[2][r], ms[3][r]);
            }
        } finally {
            pool.shutdownNow();
        }
        String loads = String.format(Locale.ROOT, "%.1f..%.1f", load[0], load[1]);
        md.append(row(backend, "`Category eq 'c00042'` (" + want + String.format(" of %,d)", n),
                "index byCategory (`TableIndexes.queryAll`: index rows, then point reads)",
                String.format("%,d", read[0]), ms[0], ms[1], loads));
        md.append(row(backend, "same", "scan (the store's filtered query, pages of 1,000)",
                String.format("%,d examined by the service, %d returned", n, want), ms[1], null, loads));
        md.append(row(backend, "same", "index rows only (one query of the index table: the floor of any index plan)",
                String.format("%,d", read[2]), ms[2], ms[1], loads));
        md.append(row(backend, "same", "index rows, then candidates by OR queries ("
                        + PAIRS_PER_QUERY + " key pairs each, 8 at once)",
                String.format("%,d", read[3]), ms[3], ms[1], loads));
    }

    /** The base keys the index rows of one value point at. */
    private static List<String[]> indexRows(StorageAccount account, String indexTable, String valueKey) {
        List<String[]> keys = new ArrayList<>();
        for (TableEntity row : account.tables().query(indexTable, TableQuery.where(Filter.partitionKey(valueKey))
                .withSelect(List.of("BasePartitionKey", "BaseRowKey")).withPageSize(1000))) {
            keys.add(new String[] {row.getString("BasePartitionKey"), row.getString("BaseRowKey")});
        }
        return keys;
    }

    /** The alternative to point reads: candidates fetched by queries OR-ing their keys, with the filter. */
    private static long orFetch(StorageAccount account, List<String[]> keys, Filter f, ExecutorService pool)
            throws Exception {
        List<Future<Long>> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += PAIRS_PER_QUERY) {
            Filter any = null;
            for (String[] k : keys.subList(i, Math.min(keys.size(), i + PAIRS_PER_QUERY))) {
                Filter one = Filter.partitionKey(k[0]).and(Filter.eq(TableEntity.ROW_KEY, k[1]));
                any = any == null ? one : any.or(one);
            }
            Filter q = any.and(f);
            parts.add(pool.submit(() -> count(account.tables().query(TABLE, TableQuery.where(q)))));
        }
        long c = 0;
        for (Future<Long> p : parts) {
            c += p.get();
        }
        return c;
    }

    private static void parallelVersusSerial(StorageAccount account, int n, int rounds, Log log, StringBuilder md) {
        Filter f = Filter.lt("Amount", 1000);
        List<TableEntity> expected = new ArrayList<>();
        account.tables().query(TABLE, TableQuery.where(f).withPageSize(1000)).forEach(expected::add);
        double[] parallel = new double[rounds];
        double[] serial = new double[rounds];
        double[] load = {Double.MAX_VALUE, 0};
        int ranges = 0;
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean par = (r + side) % 2 == 0;
                long s = System.nanoTime();
                if (par) {
                    ParallelQueryResult p = ParallelTableQuery.run(account, TABLE, f, 4);
                    parallel[r] = (System.nanoTime() - s) / 1e6;
                    ranges = p.cuts().size() + 1;
                    check(p.entities().equals(expected), "parallel found " + p.entities().size());
                } else {
                    long c = count(account.tables().query(TABLE, TableQuery.where(f).withPageSize(1000)));
                    serial[r] = (System.nanoTime() - s) / 1e6;
                    check(c == expected.size(), "serial found " + c);
                }
            }
            sampleLoad(load);
            log.info("parallel round %d: parallel %.1f ms, serial %.1f ms", r + 1, parallel[r], serial[r]);
        }
        String loads = String.format(Locale.ROOT, "%.1f..%.1f", load[0], load[1]);
        md.append(row("Azurite", "`Amount lt 1000` across 100 partitions (" + expected.size() + " matches of "
                + String.format("%,d", n) + ")",
                "parallel, 4 at once, " + ranges + " ranges", "-", parallel, serial, loads));
        md.append(row("Azurite", "same", "serial", "-", serial, null, loads));
    }

    private static long count(Iterable<TableEntity> entities) {
        long c = 0;
        for (TableEntity ignored : entities) {
            c++;
        }
        return c;
    }

    /** Widens {min, max} by the current 1-minute load average. */
    private static void sampleLoad(double[] range) {
        try {
            double now = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            range[0] = Math.min(range[0], now);
            range[1] = Math.max(range[1], now);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A table row; the speed-up is the median of the per-round ratios {@code reference / ms}, with their range. */
    private static String row(String backend, String query, String plan, String read, double[] ms,
                              double[] reference, String load) {
        double[] s = ms.clone();
        Arrays.sort(s);
        String speedup = "-";
        if (reference != null) {
            double[] ratio = new double[ms.length];
            for (int i = 0; i < ms.length; i++) {
                ratio[i] = reference[i] / ms[i];
            }
            double[] r = ratio.clone();
            Arrays.sort(r);
            speedup = String.format(Locale.ROOT, "%.2f× [%.2f..%.2f]", median(ratio), r[0], r[r.length - 1]);
        }
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f [%.1f..%.1f] | %s | %s |%n", backend, query,
                plan, read, median(ms), s[0], s[s.length - 1], speedup, load);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("wrong result: " + what);
        }
    }
}
