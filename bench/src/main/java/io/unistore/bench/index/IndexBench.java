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

/**
 * Secondary indexes and parallel queries measured against the plain query, in one run, interleaved round by round
 * (A B, B A, ...) and reported as medians with their range:
 *
 * <ul>
 *   <li>a query by a non-key property ({@code Category eq 'c00042'}, 1 in 1,000 entities) on N entities in 100
 *       partitions, through an index and as the store's filtered scan, on the local provider and Azurite: time and
 *       entities read (index rows + entities fetched, against the N entities a scan makes the service examine);</li>
 *   <li>a cross-partition query ({@code Amount lt 1000}, about 1% of the entities) on N entities on Azurite,
 *       serial and as parallel range queries (4 at once); the parallel result is checked equal to the serial.</li>
 * </ul>
 *
 * Run: {@code java -cp bench/target/unistore-bench.jar io.unistore.bench.index.IndexBench [entities] [rounds]}
 * (defaults 100000 and 5); writes {@code bench/target/index-bench.md} and prints it.
 */
public final class IndexBench {
    private IndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Workspace.findRoot();
        Workspace ws = new Workspace(root, root.resolve("bench/target/bench-scratch/index"), root.resolve(
                "bench/target/bench-results/index"), root.resolve("bench/target/index-bench.md"));
        Log log = new Log(System.err, true);
        StringBuilder md = new StringBuilder("# Secondary indexes and parallel queries\n\n")
                .append(String.format(Locale.ROOT, "%,d entities in 100 partitions, %d rounds, interleaved; "
                        + "medians [min..max]. Load average at start: %s.%n%n", n, rounds,
                        Files.readString(Path.of("/proc/loadavg")).trim()))
                .append("| back end | query | plan | entities read | ms (median [min..max]) | speed-up |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        try (Backends backends = new Backends(ws, log)) {
            try (StorageAccount local = Unistore.open(ws.newDir("index-local-").resolve("store").toString())) {
                indexVersusScan("local", local, n, rounds, log, md);
            }
            try (StorageAccount azure = backends.openAzure()) {
                indexVersusScan("Azurite", azure, n, rounds, log, md);
                parallelVersusSerial(azure, n, rounds, log, md);
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
        account.tables().bulkWrite(table, actions, BulkWriteOptions.defaults());
        log.info("loaded %,d entities in %.1f s", n, (System.nanoTime() - t0) / 1e9);
    }

    private static void indexVersusScan(String backend, StorageAccount plain, int n, int rounds, Log log,
                                        StringBuilder md) {
        StorageAccount account = Unistore.layered(plain, new IndexLayer(IndexLayer.DEFAULT_CACHE_MILLIS));
        String table = "benchindex";
        load(account, table, n, log);
        long t0 = System.nanoTime();
        TableIndexes.create(account, table, "byCategory", List.of("Category"));
        log.info("%s: index built in %.1f s", backend, (System.nanoTime() - t0) / 1e9);
        Filter f = Filter.eq("Category", "c00042");
        double[] indexed = new double[rounds];
        double[] scanned = new double[rounds];
        long read = 0;
        int matches = 0;
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean index = (r + side) % 2 == 0;
                long s = System.nanoTime();
                if (index) {
                    PlannedQueryResult p = TableIndexes.queryAll(account, table, f);
                    indexed[r] = (System.nanoTime() - s) / 1e6;
                    read = p.entitiesRead();
                    matches = p.entities().size();
                    check(p.plan().equals("index byCategory"), "plan " + p.plan());
                } else {
                    int c = 0;
                    for (TableEntity ignored : account.tables().query(table, TableQuery.where(f).withPageSize(1000))) {
                        c++;
                    }
                    scanned[r] = (System.nanoTime() - s) / 1e6;
                    check(c == n / 1000, "scan found " + c);
                }
            }
            log.info("%s round %d: index %.1f ms, scan %.1f ms", backend, r + 1, indexed[r], scanned[r]);
        }
        check(matches == n / 1000, "index found " + matches);
        md.append(row(backend, "`Category eq 'c00042'` (" + matches + " matches)", "index byCategory",
                String.format("%,d", read), indexed, median(scanned) / median(indexed)));
        md.append(row(backend, "same", "scan", String.format("%,d (examined by the service)", n), scanned, 1));
        account.tables().deleteTable(table);
    }

    private static void parallelVersusSerial(StorageAccount account, int n, int rounds, Log log, StringBuilder md) {
        String table = "benchindex2";
        load(account, table, n, log);
        List<TableEntity> expected = new ArrayList<>();
        account.tables().query(table, TableQuery.where(Filter.lt("Amount", 1000)).withPageSize(1000))
                .forEach(expected::add);
        Filter f = Filter.lt("Amount", 1000);
        double[] parallel = new double[rounds];
        double[] serial = new double[rounds];
        int ranges = 0;
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean par = (r + side) % 2 == 0;
                long s = System.nanoTime();
                if (par) {
                    ParallelQueryResult p = ParallelTableQuery.run(account, table, f, 4);
                    parallel[r] = (System.nanoTime() - s) / 1e6;
                    ranges = p.cuts().size() + 1;
                    check(p.entities().equals(expected), "parallel found " + p.entities().size());
                } else {
                    int c = 0;
                    for (TableEntity ignored : account.tables().query(table, TableQuery.where(f).withPageSize(1000))) {
                        c++;
                    }
                    serial[r] = (System.nanoTime() - s) / 1e6;
                    check(c == expected.size(), "serial found " + c);
                }
            }
            log.info("parallel round %d: parallel %.1f ms, serial %.1f ms", r + 1, parallel[r], serial[r]);
        }
        md.append(row("Azurite", "`Amount lt 1000` across 100 partitions (" + expected.size() + " matches of "
                + String.format("%,d", n) + ")",
                "parallel, 4 at once, " + ranges + " ranges", "-", parallel, median(serial) / median(parallel)));
        md.append(row("Azurite", "same", "serial", "-", serial, 1));
        account.tables().deleteTable(table);
    }

    private static String row(String backend, String query, String plan, String read, double[] ms, double speedup) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f [%.1f..%.1f] | %s |%n", backend, query, plan,
                read, median(ms), s[0], s[s.length - 1], speedup == 1 ? "-" : String.format(Locale.ROOT, "%.1f×",
                        speedup));
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
