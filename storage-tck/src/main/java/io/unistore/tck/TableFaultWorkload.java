package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The core table paths through a faulted account: inserts, upserts, transactions (inserts and upserts in one
 * partition) and paged queries. Every write is read back through an unfaulted account and compared entity by
 * entity, and at the end the table must hold exactly what the workload wrote.
 *
 * @param faulted the store behind the fault proxy
 * @param direct the same back end without the proxy, for verification
 * @param table the table to use (created if missing)
 */
public record TableFaultWorkload(TableStore faulted, TableStore direct, String table) {

    /** Runs {@code rounds} rounds (about three operations each) and returns the tally. */
    public FaultTally run(int rounds, long seed) {
        FaultTally t = new FaultTally("tables");
        Random random = new Random(seed);
        Map<String, TableEntity> model = new TreeMap<>();
        t.run("create table", () -> faulted.createTableIfNotExists(table));
        for (int r = 0; r < rounds; r++) {
            TableEntity e = entity("p" + (r % 4), String.format("r%06d", r), random);
            if (t.run("insert " + key(e), () -> faulted.insertEntity(table, e))) {
                model.put(key(e), e);
                verifyStored(t, e);
            }
            TableEntity changed = entity(e.partitionKey(), e.rowKey(), random);
            if (t.run("upsert " + key(changed), () -> faulted.upsertEntity(table, changed, UpdateMode.REPLACE))) {
                model.put(key(changed), changed);
                verifyStored(t, changed);
            }
            if (r % 4 == 3) {
                String pk = "batch" + r;
                List<TableEntity> batch = new ArrayList<>();
                List<TableAction> actions = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    TableEntity b = entity(pk, "b" + i, random);
                    batch.add(b);
                    actions.add(i % 2 == 0 ? TableAction.insert(b) : TableAction.upsert(b, UpdateMode.REPLACE));
                }
                if (t.run("transaction in " + pk, () -> faulted.submitTransaction(table, actions))) {
                    batch.forEach(b -> {
                        model.put(key(b), b);
                        verifyStored(t, b);
                    });
                }
            }
            if (r % 5 == 4) {
                String pk = "p" + (r % 4);
                List<TableEntity> got = t.op("paged query of " + pk, () -> {
                    List<TableEntity> all = new ArrayList<>();
                    faulted.query(table, TableQuery.where("PartitionKey eq '" + pk + "'").withPageSize(3))
                            .forEach(all::add);
                    return all;
                });
                if (got != null) {
                    List<TableEntity> expected = model.values().stream().filter(x -> x.partitionKey().equals(pk))
                            .toList();
                    t.check("paged query of " + pk, () -> assertThat(got).containsExactlyElementsOf(expected));
                    t.entitiesVerified(got.size());
                }
            }
        }
        t.check("final contents", () -> {
            Map<String, TableEntity> stored = new TreeMap<>();
            direct.query(table, TableQuery.all()).forEach(x -> stored.put(key(x), x));
            assertThat(stored).isEqualTo(model);
        });
        t.entitiesVerified(model.size());
        return t;
    }

    private void verifyStored(FaultTally t, TableEntity e) {
        t.check("stored " + key(e), () -> assertThat(direct.getEntity(table, e.partitionKey(), e.rowKey()))
                .isEqualTo(e));
        t.entitiesVerified(1);
    }

    private static String key(TableEntity e) {
        return e.partitionKey() + "/" + e.rowKey();
    }

    /** An entity with a property of each portable type (no -0.0, times in 100 ns steps). */
    static TableEntity entity(String pk, String rk, Random random) {
        byte[] bin = new byte[random.nextInt(40)];
        random.nextBytes(bin);
        return TableEntity.builder(pk, rk)
                .put("Name", "n\u00e4me " + random.nextInt() + " \u65e5\u672c")
                .put("Count", random.nextInt())
                .put("Big", random.nextLong())
                .put("Ratio", 1 + random.nextDouble())
                .put("Flag", random.nextBoolean())
                .put("When", Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000),
                        random.nextInt(10_000_000) * 100L))
                .put("Bin", bin)
                .build();
    }
}
