package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secondary indexes on the local provider and Azurite: random filters give the scan's results through an index,
 * every kind of write keeps an index exact, drift made by writes around the layer is reported and repaired, a
 * rebuild resumes, and four concurrent writers lose no match.
 */
class TableIndexTest {
    static final long CACHE = 100;
    static final long GRACE = 2 * CACHE + 100;
    /** {@code -Dunistore.indexes.scale=N} multiplies the entities, filters and writes of these tests. */
    static final int SCALE = Integer.getInteger("unistore.indexes.scale", 1);
    static final String[] COLORS = {"red", "green", "blue", "Blue", "", "rouge", "grün", "青", "a'b", "zz\u00e9"};

    static List<Backends.Backend> backends() {
        return List.of(new Backends.Backend("local", Backends::local),
                new Backends.Backend("azurite", TableIndexTest::azurite));
    }

    /** Azurite as Unistore opens it (layers go on such accounts only); its tables are deleted on close. */
    static StorageAccount azurite() {
        StorageAccount real = Unistore.open(Azurite.shared().connectionString(),
                Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100"));
        real.tables().listTables().forEach(t -> real.tables().deleteTable(t.name()));
        return real;
    }

    static StorageAccount indexed(StorageAccount account) {
        return Unistore.layered(account, new IndexLayer(CACHE));
    }

    static TableEntity randomEntity(Random r, String pk, String rk) {
        TableEntity.Builder b = TableEntity.builder(pk, rk);
        if (r.nextInt(10) > 0) {
            b.put("Color", COLORS[r.nextInt(COLORS.length)]);
        }
        switch (r.nextInt(5)) {
            case 0 -> b.put("Age", r.nextInt(100) - 10);
            case 1 -> b.put("Age", (long) r.nextInt(100));
            case 2 -> b.put("Age", r.nextInt(100) + 0.5);
            case 3 -> b.put("Age", "x" + r.nextInt(5));
            default -> { }
        }
        b.put("Size", r.nextInt(20));
        if (r.nextBoolean()) {
            b.put("When", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.nextInt(1000) * 3600L));
        }
        return b.build();
    }

    static Filter randomFilter(Random r) {
        Filter f = randomTerm(r);
        int more = r.nextInt(3);
        for (int i = 0; i < more; i++) {
            Filter g = randomTerm(r);
            f = r.nextInt(5) == 0 ? f.or(g) : f.and(g);
        }
        return f;
    }

    private static Filter randomTerm(Random r) {
        Filter.Operator op = Filter.Operator.values()[r.nextInt(Filter.Operator.values().length)];
        return switch (r.nextInt(6)) {
            case 0, 1 -> new Filter.Comparison("Color", op, COLORS[r.nextInt(COLORS.length)]);
            case 2 -> new Filter.Comparison("Age", op, r.nextBoolean() ? (Object) (r.nextInt(100) - 10)
                    : r.nextBoolean() ? (Object) (long) r.nextInt(100) : (Object) (r.nextInt(100) + 0.25));
            case 3 -> new Filter.Comparison("Size", op, r.nextInt(20));
            case 4 -> new Filter.Comparison("When", op, Instant.parse("2026-01-01T00:00:00Z")
                    .plusSeconds(r.nextInt(1000) * 3600L));
            default -> new Filter.Comparison("PartitionKey", op, "p" + r.nextInt(4));
        };
    }

    static List<TableEntity> scan(StorageAccount account, String table, Filter filter) {
        List<TableEntity> out = new ArrayList<>();
        account.tables().query(table, TableQuery.where(filter)).forEach(out::add);
        return out;
    }

    static void assertConsistent(StorageAccount account, String table, String index) {
        IndexVerification v = TableIndexes.verify(account, table, index);
        assertThat(v.missing()).as("missing rows of %s: %s", index, v).isZero();
        assertThat(v.stale()).as("stale rows of %s: %s", index, v).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void randomFiltersThroughAnIndexGiveTheScansResults(Backends.Backend backend) {
        try (StorageAccount plain = backend.open().get()) {
            StorageAccount account = indexed(plain);
            Random r = new Random(42);
            account.tables().createTable("people");
            List<TableAction> actions = new ArrayList<>();
            for (int i = 0; i < 50 * SCALE; i++) {
                actions.add(TableAction.upsert(randomEntity(r, "p" + r.nextInt(4), String.format("r%04d", i)),
                        UpdateMode.REPLACE));
            }
            account.tables().bulkWrite("people", actions, BulkWriteOptions.defaults());
            TableIndexes.create(account, "people", "byColor", List.of("Color"), GRACE, null);
            TableIndexes.create(account, "people", "byAge", List.of("Age"), GRACE, null);
            TableIndexes.create(account, "people", "byColorSize", List.of("Color", "Size"), GRACE, null);
            TableIndexes.create(account, "people", "byWhen", List.of("When"), GRACE, null);
            int indexed = 0;
            for (int i = 0; i < 10 * SCALE; i++) {
                Filter f = randomFilter(r);
                PlannedQueryResult planned = TableIndexes.queryAll(account, "people", f);
                assertThat(planned.entities()).as("filter %s (%s)", f.toOData(), planned.plan())
                        .containsExactlyElementsOf(scan(account, "people", f));
                if (!planned.plan().equals("scan")) {
                    indexed++;
                }
            }
            assertThat(indexed).as("filters answered through an index").isGreaterThan(2 * SCALE);
            PlannedQueryResult eq = TableIndexes.queryAll(account, "people", Filter.eq("Color", "blue"));
            assertThat(eq.plan()).isEqualTo("index byColor");
            assertThat(eq.entitiesRead()).as("reads only the matches: rows + entities")
                    .isEqualTo(2L * eq.entities().size());
            assertThat(TableIndexes.queryAll(account, "people", Filter.eq("Color", "red")
                    .and(Filter.eq("Size", 3))).plan()).isEqualTo("index byColorSize");
            assertThat(TableIndexes.queryAll(account, "people", Filter.eq("Size", 3)).plan()).isEqualTo("scan");
            // Pages of an index plan resume after the last key and add up to the whole result.
            List<TableEntity> paged = new ArrayList<>();
            TableQuery q = TableQuery.where(Filter.ge("Age", 10)).withPageSize(7);
            do {
                PlannedQueryResult page = TableIndexes.query(account, "people", q);
                assertThat(page.entities()).hasSizeLessThanOrEqualTo(7);
                paged.addAll(page.entities());
                q = page.continuationToken() == null ? null : q.withContinuationToken(page.continuationToken());
            } while (q != null);
            assertThat(paged).containsExactlyElementsOf(scan(account, "people", Filter.ge("Age", 10)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyKindOfWriteKeepsTheIndexExact(Backends.Backend backend) throws Exception {
        try (StorageAccount plain = backend.open().get(); StorageAccount other = Backends.local()) {
            StorageAccount account = indexed(plain);
            account.tables().createTable("orders");
            TableIndexes.create(account, "orders", "byStatus", List.of("Status"), GRACE, null);
            TableIndexes.create(account, "orders", "byStatusQty", List.of("Status", "Qty"), GRACE, null);
            var t = account.tables();
            t.insertEntity("orders", TableEntity.builder("a", "1").put("Status", "new").put("Qty", 1).build());
            t.upsertEntity("orders", TableEntity.builder("a", "2").put("Status", "new").build(), UpdateMode.MERGE);
            t.upsertEntity("orders", TableEntity.builder("a", "1").put("Qty", 5).build(), UpdateMode.MERGE);
            t.upsertEntity("orders", TableEntity.builder("a", "2").put("Status", "paid").build(), UpdateMode.REPLACE);
            t.updateEntity("orders", TableEntity.builder("a", "1").put("Status", "sent").build(), UpdateMode.MERGE,
                    null);
            t.updateEntity("orders", TableEntity.builder("a", "2").put("Other", 1).build(), UpdateMode.REPLACE, "*");
            t.insertEntity("orders", TableEntity.builder("a", "3").put("Status", "new").build());
            t.deleteEntity("orders", "a", "3", null);
            t.submitTransaction("orders", List.of(
                    TableAction.insert(TableEntity.builder("b", "1").put("Status", "new").put("Qty", 2).build()),
                    TableAction.upsert(TableEntity.builder("b", "2").put("Status", "paid").build(), UpdateMode.MERGE),
                    TableAction.delete("b", "9", null)));
            t.submitTransaction("orders", List.of(
                    TableAction.update(TableEntity.builder("b", "1").put("Status", "sent").build(), UpdateMode.MERGE,
                            null),
                    TableAction.delete("b", "2", null)));
            assertThatThrownBy(() -> t.insertEntity("orders", TableEntity.builder("a", "1").put("Status", "x")
                    .build())).isInstanceOf(StorageException.class);
            List<TableAction> bulk = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                bulk.add(TableAction.upsert(TableEntity.builder("c" + i % 3, "r" + i).put("Status", "s" + i % 7)
                        .put("Qty", i).build(), UpdateMode.REPLACE));
            }
            assertThat(t.bulkWrite("orders", bulk, BulkWriteOptions.defaults()).isComplete()).isTrue();
            TableCsv.importCsv(account, CsvImportOptions.of("orders"), CsvSource.text(
                    "PartitionKey,RowKey,Status@STRING,Qty@INT32\r\nd,1,csv,3\r\nc0,r0,csv,4\r\n"));
            // A migration into the indexed table from another account.
            other.tables().createTable("source");
            for (int i = 0; i < 12; i++) {
                other.tables().insertEntity("source", TableEntity.builder("m", "r" + i).put("Status", "moved")
                        .put("Qty", i).build());
            }
            assertThat(TableMigration.migrate(other, account, MigrateTableOptions.of("source", "orders")
                    .withVerify(false)).written()).isEqualTo(12);
            assertConsistent(account, "orders", "byStatus");
            assertConsistent(account, "orders", "byStatusQty");
            assertThat(TableIndexes.queryAll(account, "orders", Filter.eq("Status", "moved")).entities()).hasSize(12);
            assertThat(TableIndexes.queryAll(account, "orders", Filter.eq("Status", "csv")).entities()).hasSize(2);
            // Deleting the table drops its indexes.
            assertThat(t.deleteTable("orders")).isTrue();
            assertThat(TableIndexes.list(account, "orders")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void driftFromWritesAroundTheLayerIsReportedAndRepairedByAResumableRebuild(Backends.Backend backend) {
        try (StorageAccount plain = backend.open().get()) {
            StorageAccount account = indexed(plain);
            account.tables().createTable("items");
            List<TableAction> actions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                actions.add(TableAction.upsert(TableEntity.builder("p" + i % 5, String.format("r%05d", i))
                        .put("Kind", "k" + i % 10).build(), UpdateMode.REPLACE));
            }
            account.tables().bulkWrite("items", actions, BulkWriteOptions.defaults());
            TableIndexes.create(account, "items", "byKind", List.of("Kind"), GRACE, null);
            assertConsistent(account, "items", "byKind");
            // Writes around the layer: one new entity, one changed, one deleted.
            plain.tables().insertEntity("items", TableEntity.builder("p9", "new").put("Kind", "k1").build());
            plain.tables().upsertEntity("items", TableEntity.builder("p0", "r00000").put("Kind", "changed").build(),
                    UpdateMode.REPLACE);
            plain.tables().deleteEntity("items", "p1", "r00001", null);
            IndexVerification v = TableIndexes.verify(account, "items", "byKind");
            assertThat(v.missing()).isEqualTo(2);
            assertThat(v.stale()).isEqualTo(2);
            assertThat(v.missingSamples()).containsExactlyInAnyOrder("p9/new", "p0/r00000");
            assertThat(v.staleSamples()).containsExactlyInAnyOrder("p0/r00000", "p1/r00001");
            // Interrupted after its first page, the rebuild keeps its place and the next run resumes there.
            List<OpsProgress> seen = new ArrayList<>();
            // Pages of 40 entities, so the rebuild saves its place twice before its end.
            IndexRebuildResult first = new IndexCheck(account, TableIndexes.get(account, "items", "byKind"), 40)
                    .rebuild(p -> {
                        seen.add(p);
                        if (p.phase().equals("scanning") && p.itemsDone() >= 40) {
                            Thread.currentThread().interrupt();
                        }
                    });
            assertThat(Thread.interrupted()).isTrue();
            assertThat(first.complete()).isFalse();
            assertThat(TableIndexes.get(account, "items", "byKind").rebuildCursor()).isNotNull();
            IndexRebuildResult second = new IndexCheck(account, TableIndexes.get(account, "items", "byKind"), 40)
                    .rebuild(seen::add);
            assertThat(second.complete()).isTrue();
            assertThat(second.resumedAfter()).isNotNull();
            assertThat(first.added() + second.added()).isEqualTo(2);
            assertThat(second.removed()).isEqualTo(2);
            assertThat(seen).extracting(OpsProgress::phase).contains("reading index", "scanning",
                    "removing stale rows", "done");
            assertConsistent(account, "items", "byKind");
            assertThat(TableIndexes.get(account, "items", "byKind").rebuildCursor()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void fourConcurrentWritersLoseNoMatch(Backends.Backend backend) throws Exception {
        try (StorageAccount plain = backend.open().get()) {
            StorageAccount account = indexed(plain);
            account.tables().createTable("hot");
            TableIndexes.create(account, "hot", "byColor", List.of("Color"), GRACE, null);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                writers.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 6 * SCALE; i++) {
                        IndexWriters.randomWrite(account, "hot", r);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            pool.shutdown();
            IndexVerification v = TableIndexes.verify(account, "hot", "byColor");
            // Races may leave stale or pending rows (queries skip them); never a missing one.
            assertThat(v.missing()).as("%s", v).isZero();
            System.out.printf("[indexes] 4 writers on %s: %s%n", backend, v);
            for (String color : COLORS) {
                assertThat(TableIndexes.queryAll(account, "hot", Filter.eq("Color", color)).entities())
                        .containsExactlyElementsOf(scan(account, "hot", Filter.eq("Color", color)));
            }
            TableIndexes.rebuild(account, "hot", "byColor", null);
            assertConsistent(account, "hot", "byColor");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void badArgumentsAreRefusedNamingTheField(Backends.Backend backend) {
        try (StorageAccount plain = backend.open().get()) {
            StorageAccount account = indexed(plain);
            assertThatThrownBy(() -> TableIndexes.create(account, "absent", "ix", List.of("A"), 0, null))
                    .hasFieldOrPropertyWithValue("code", ErrorCode.NOT_FOUND);
            account.tables().createTable("tone");
            assertThatThrownBy(() -> TableIndexes.create(account, "tone", "bad name", List.of("A"), 0, null))
                    .hasMessageContaining("index");
            assertThatThrownBy(() -> TableIndexes.create(account, "tone", "ix", List.of(), 0, null))
                    .hasMessageContaining("properties");
            assertThatThrownBy(() -> TableIndexes.create(account, "tone", "ix", List.of("RowKey"), 0, null))
                    .hasMessageContaining("properties");
            assertThatThrownBy(() -> TableIndexes.create(account, "tone", "ix", List.of("A", "A"), 0, null))
                    .hasMessageContaining("twice");
            assertThatThrownBy(() -> TableIndexes.create(account, "tone", "ix", List.of("A".repeat(300)), 0, null))
                    .isInstanceOf(StorageException.class);
            TableIndexes.create(account, "tone", "ix", List.of("A"), 0, null);
            assertThatThrownBy(() -> TableIndexes.create(account, "tone", "ix", List.of("B"), 0, null))
                    .hasFieldOrPropertyWithValue("code", ErrorCode.ALREADY_EXISTS);
            // Huge and odd values still make valid index keys, and are found.
            String huge = "\u00e9\uD83D\uDE00/#?\\".repeat(3000);
            account.tables().insertEntity("tone", TableEntity.builder("p", "r").put("A", huge).build());
            account.tables().insertEntity("tone", TableEntity.builder("p", "s").put("A", huge + "x").build());
            assertThat(TableIndexes.queryAll(account, "tone", Filter.eq("A", huge)).entities())
                    .extracting(TableEntity::rowKey).containsExactly("r");
            assertConsistent(account, "tone", "ix");
            assertThat(TableIndexes.drop(account, "tone", "ix")).isTrue();
            assertThat(TableIndexes.drop(account, "tone", "ix")).isFalse();
            assertThat(TableIndexes.queryAll(account, "tone", Filter.eq("A", "x")).plan()).isEqualTo("scan");
        }
    }
}
