package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The kill harness of {@code migrate-table-data} and {@code transform-table-schema} in place, on the local
 * provider: each run runs the operation in a child JVM, kills it with SIGKILL at a random moment, changes a
 * source entity the killed run had already handled, resumes with the same call in this JVM and checks, with
 * {@link EntityWriteLog} counting every write of every entity at the target (kill-proof: the count commits with
 * the write):
 *
 * <ul>
 *   <li>migration: the target equals the source (and verifies); every entity was written exactly once, the
 *       changed one twice when the killed run had copied it;</li>
 *   <li>in place: the transform appends one "+" to {@code Applied}, so it is not idempotent; every selected entity
 *       ends transformed exactly once and was written once, the others never.</li>
 * </ul>
 *
 * Runs per operation: {@code -Dunistore.kills.runs} (see {@link KillHarness}).
 */
class TableKillHarnessTest {
    private static final int ENTITIES = 1000;
    /** Each transaction of the killed run is slowed by this much, so that a kill can land between two of them. */
    private static final long DELAY_MILLIS = 20;
    private static final int BATCH = 50;
    /** Selects the entities with Bool true (half), appends "+" to Applied, renames Name to Title. */
    private static final SchemaTransform TRANSFORM = SchemaTransform.parse("""
            {"steps": [
              {"op": "where", "filter": "Bool eq true"},
              {"op": "compute", "property": "Applied", "template": "{Applied}+", "ifMissing": "empty"},
              {"op": "rename", "from": "Name", "to": "Title"}
            ]}""");

    static MigrateTableOptions migrateOptions(Path journal) {
        return MigrateTableOptions.of("source", "target").withCheckpoint(journal).withParallelism(2)
                .withBatchSize(BATCH);
    }

    static TransformTableOptions transformOptions(Path journal) {
        return new TransformTableOptions("source", TRANSFORM, false, 0, BATCH, 2, journal, null);
    }

    static IntStream runs() {
        return KillHarness.runs();
    }

    @AfterAll
    static void figures() {
        System.out.print(KillHarness.table());
    }

    @Test
    void theWriteLogCountsEveryWrite(@TempDir Path dir) throws Exception {
        try (StorageAccount account = Unistore.open(dir.toString())) {
            account.tables().createTable("Tee");
            EntityWriteLog.install(dir);
            TableEntity e = TableEntity.builder("p", "r").put("n", 1).build();
            account.tables().insertEntity("Tee", e);
            account.tables().upsertEntity("Tee", e, UpdateMode.REPLACE);
            account.tables().upsertEntity("Tee", TableEntity.builder("p", "s").build(), UpdateMode.MERGE);
        }
        assertThat(EntityWriteLog.counts(dir)).isEqualTo(Map.of("p/r", 2, "p/s", 1));
    }

    @ParameterizedTest(name = "migrate-table-data, run {0}")
    @MethodSource("runs")
    void migrationKilledAndResumed(int run, @TempDir Path tmp) throws Exception {
        Random random = KillHarness.random("migrate-table-data", run);
        Path src = tmp.resolve("src");
        Path dst = tmp.resolve("dst");
        Path journal = tmp.resolve("migrate.journal");
        try (StorageAccount source = Unistore.open(src.toString());
             StorageAccount target = Unistore.open(dst.toString())) {
            Fixtures.fillTable(source.tables(), "source", ENTITIES, 4);
            target.tables().createTable("target");
        }
        EntityWriteLog.install(dst);
        KillHarness.Kill kill = KillHarness.runAndKill(random, ENTITIES / BATCH, 3 * DELAY_MILLIS,
                "migrate-table-data", src.toString(), "local:" + dst, journal.toString(), Long.toString(DELAY_MILLIS),
                "target");

        try (StorageAccount source = Unistore.open(src.toString());
             StorageAccount target = Unistore.open(dst.toString())) {
            JsonNode last = lastProgress(journal);
            List<String> done = new ArrayList<>();
            for (TableEntity e : Fixtures.entities(source.tables(), "source").values()) {
                if (last == null || before(e, last)) {
                    done.add(e.partitionKey() + "/" + e.rowKey());
                }
            }
            String changed = done.get(random.nextInt(done.size()));
            TableEntity old = source.tables().getEntity("source", changed.split("/")[0], changed.split("/")[1]);
            source.tables().upsertEntity("source", old.toBuilder().put("Name", "changed " + random.nextLong())
                    .build(), UpdateMode.REPLACE);
            boolean copiedBefore = EntityWriteLog.counts(dst).containsKey(changed);

            MigrateTableResult r = TableMigration.migrate(source, target, migrateOptions(journal));

            assertThat(r.complete()).as("complete: %s", r.failures()).isTrue();
            assertThat(r.verification().matches()).as("count and hash").isTrue();
            assertThat(Fixtures.entities(target.tables(), "target"))
                    .isEqualTo(Fixtures.entities(source.tables(), "source"));
            Map<String, Integer> writes = EntityWriteLog.counts(dst);
            assertThat(writes).hasSize(ENTITIES);
            writes.forEach((key, n) -> assertThat(n).as("writes of %s", key)
                    .isEqualTo(key.equals(changed) && copiedBefore ? 2 : 1));
            KillHarness.passed("migrate-table-data", kill, String.format("%d read before the kill, %s changed "
                    + "(copied before: %s), %d written on resume", r.doneBefore(), changed, copiedBefore, r.written()));
        }
    }

    @ParameterizedTest(name = "transform-table-schema in place, run {0}")
    @MethodSource("runs")
    void inPlaceTransformKilledAndResumed(int run, @TempDir Path tmp) throws Exception {
        Random random = KillHarness.random("transform-table-schema", run);
        Path dir = tmp.resolve("data");
        Path journal = tmp.resolve("transform.journal");
        Map<String, TableEntity> original;
        try (StorageAccount account = Unistore.open(dir.toString())) {
            Fixtures.fillTable(account.tables(), "source", ENTITIES, 4);
            original = Fixtures.entities(account.tables(), "source");
        }
        EntityWriteLog.install(dir);
        KillHarness.Kill kill = KillHarness.runAndKill(random, ENTITIES / 2 / BATCH, 3 * DELAY_MILLIS,
                "transform-table-schema", dir.toString(), "local:" + dir, journal.toString(),
                Long.toString(DELAY_MILLIS), "source");

        try (StorageAccount account = Unistore.open(dir.toString())) {
            // Another writer changes one entity the killed run transformed (or, if none, one it leaves alone).
            List<TableEntity> transformed = Fixtures.entities(account.tables(), "source").values().stream()
                    .filter(e -> "+".equals(e.getString("Applied"))).toList();
            List<TableEntity> candidates = !transformed.isEmpty() ? transformed
                    : original.values().stream().filter(e -> !e.getBoolean("Bool")).toList();
            TableEntity picked = candidates.get(random.nextInt(candidates.size()));
            String changed = picked.partitionKey() + "/" + picked.rowKey();
            long changedLong = random.nextLong();
            TableEntity current = account.tables().getEntity("source", picked.partitionKey(), picked.rowKey());
            account.tables().updateEntity("source", current.toBuilder().put("Long", changedLong).build(),
                    UpdateMode.REPLACE, current.etag());

            MigrateTableResult r = TableMigration.transformInPlace(account, transformOptions(journal));

            assertThat(r.complete()).as("complete: %s", r.failures()).isTrue();
            Map<String, TableEntity> now = Fixtures.entities(account.tables(), "source");
            Map<String, Integer> writes = EntityWriteLog.counts(dir);
            for (TableEntity before : original.values()) {
                String key = before.partitionKey() + "/" + before.rowKey();
                TableEntity expected = before.getBoolean("Bool") ? TRANSFORM.apply(before) : before;
                if (key.equals(changed)) {
                    expected = expected.toBuilder().put("Long", changedLong).build();
                }
                assertThat(now.get(key)).as("%s, transformed exactly once if selected", key).isEqualTo(expected);
                int transforms = before.getBoolean("Bool") ? 1 : 0;
                assertThat(writes.getOrDefault(key, 0)).as("writes of %s", key)
                        .isEqualTo(transforms + (key.equals(changed) ? 1 : 0));
            }
            KillHarness.passed("transform-table-schema", kill, String.format("%d transformed before the kill, %s "
                    + "changed by another writer, %d written on resume, %d skipped", transformed.size(), changed,
                    r.written(), r.unchanged()));
        }
    }

    /** The last progress record of a table journal (intents left out), or null. */
    private static JsonNode lastProgress(Path journal) throws Exception {
        if (!Files.exists(journal)) {
            return null;
        }
        JsonNode last = null;
        List<String> lines = Files.readAllLines(journal);
        for (String line : lines.subList(1, lines.size())) {
            try {
                JsonNode r = Json.parse(line, "journal line");
                if (r.has("rk")) {
                    last = r;
                }
            } catch (io.unistore.StorageException torn) {
                // a line the kill cut short: the resumed run ignores it too
            }
        }
        return last;
    }

    /** Whether an entity comes at or before a journal record's key. */
    private static boolean before(TableEntity e, JsonNode record) {
        int pk = e.partitionKey().compareTo(record.get("pk").asString());
        return pk < 0 || pk == 0 && e.rowKey().compareTo(record.get("rk").asString()) <= 0;
    }
}
