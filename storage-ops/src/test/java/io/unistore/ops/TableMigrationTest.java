package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableMigrationTest extends AccountsTest {
    private StorageAccount source;

    @BeforeEach
    void setUp() {
        source = track(Backends.local());
        Fixtures.fillTable(source.tables(), "source", 1200, 4);
    }

    static List<Backends.Backend> targets() {
        return Backends.tableTargets();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "local -> {0}")
    @org.junit.jupiter.params.provider.MethodSource("targets")
    void migratesEveryTypeExactlyAndVerifiesCountAndHash(Backends.Backend backend) {
        StorageAccount target = track(backend.open().get());
        MigrateTableResult r = TableMigration.migrate(source, target, MigrateTableOptions.of("source", "target"));

        assertThat(r.complete()).isTrue();
        assertThat(r.read()).isEqualTo(1200);
        assertThat(r.written()).isEqualTo(1200);
        assertThat(Fixtures.entities(target.tables(), "target")).isEqualTo(Fixtures.entities(source.tables(), "source"));
        assertThat(r.verification().matches()).isTrue();
        assertThat(r.verification().actualCount()).isEqualTo(1200);
        // 4 partitions of 300 entities in transactions of at most 100
        assertThat(r.batches()).isEqualTo(12);
    }

    @Test
    void verificationNoticesADifference() {
        StorageAccount target = track(Backends.local());
        TableMigration.migrate(source, target, MigrateTableOptions.of("source", "target"));
        target.tables().upsertEntity("target", TableEntity.builder("p0", "r000000").put("Name", "other").build(),
                io.unistore.table.UpdateMode.MERGE);
        TableVerification v = TableMigration.verify(source.tables(), "source", null, null, target.tables(), "target");
        assertThat(v.matches()).isFalse();
        assertThat(v.actualCount()).isEqualTo(v.expectedCount());
    }

    @Test
    void migratesThroughATransformWithAFilter() {
        StorageAccount target = track(Backends.local());
        SchemaTransform t = SchemaTransform.parse("""
                {"steps":[
                  {"op":"rename","from":"Name","to":"Label"},
                  {"op":"drop","properties":["Bin"]},
                  {"op":"cast","property":"Int","type":"INT64"},
                  {"op":"compute","property":"Code","template":"{PartitionKey|upper}-{RowKey}"},
                  {"op":"partitionKey","template":"{Bool}"}
                ]}""");
        MigrateTableResult r = TableMigration.migrate(source, target, MigrateTableOptions.of("source", "target")
                .withFilter(Filter.parse("PartitionKey eq 'p1'")).withTransform(t));

        assertThat(r.verification().matches()).isTrue();
        Map<String, TableEntity> out = Fixtures.entities(target.tables(), "target");
        assertThat(out).hasSize(300);
        TableEntity e = out.get("false/r000001");
        assertThat(e.getString("Label")).startsWith("näme");
        assertThat(e.has("Name")).isFalse();
        assertThat(e.has("Bin")).isFalse();
        assertThat(e.getLong("Int")).isEqualTo(31L - 1000);
        assertThat(e.getString("Code")).isEqualTo("P1-r000001");
    }

    @Test
    void dryRunPreviewsAndWritesNothing() {
        CountingAccount target = new CountingAccount(track(Backends.local()));
        SchemaTransform t = SchemaTransform.parse("{\"steps\":[{\"op\":\"where\",\"filter\":\"Bool eq true\"},"
                + "{\"op\":\"compute\",\"property\":\"Twice\",\"template\":\"{Int}0\",\"type\":\"INT64\"}]}");
        MigrateTableResult r = TableMigration.migrate(source, target, MigrateTableOptions.of("source", "target")
                .withTransform(t).withDryRun(true).withPreviewSize(3));

        assertThat(r.dryRun()).isTrue();
        assertThat(r.read()).isEqualTo(1200);
        assertThat(r.written()).isEqualTo(600);
        assertThat(r.leftOut()).isEqualTo(600);
        assertThat(r.preview()).hasSize(3);
        assertThat(r.preview().get(0).after().getLong("Twice")).isEqualTo(-10_000L);
        assertThat(r.failed()).isZero();
        assertThat(r.preview()).allMatch(p -> p.before().getBoolean("Bool") && p.after() != null);
        assertThat(target.writes()).isZero();
        assertThat(target.tables().tableExists("target")).isFalse();
    }

    @Test
    void transformErrorsNameTheStepAndEntityAndStopTheRun() {
        StorageAccount target = track(Backends.local());
        SchemaTransform t = SchemaTransform.parse("{\"steps\":[{\"op\":\"cast\",\"property\":\"Name\",\"type\":\"INT32\"}]}");
        MigrateTableResult r = TableMigration.migrate(source, target, MigrateTableOptions.of("source", "target")
                .withTransform(t));
        assertThat(r.complete()).isFalse();
        assertThat(r.failures()).hasSize(1);
        String message = r.failures().values().iterator().next();
        assertThat(message).contains("transform.steps[0]", "cast Name to INT32", "is not a 32-bit integer", "p0/r000000");
        assertThat(r.written()).isZero();
    }

    @Test
    void transformsInPlaceAndRefusesKeyChanges() {
        SchemaTransform t = SchemaTransform.parse("{\"steps\":[{\"op\":\"where\",\"filter\":\"PartitionKey eq 'p2'\"},"
                + "{\"op\":\"rename\",\"from\":\"Double\",\"to\":\"Ratio\"}]}");
        MigrateTableResult r = TableMigration.transformInPlace(source, TransformTableOptions.of("source", t));
        assertThat(r.complete()).isTrue();
        assertThat(r.written()).isEqualTo(300);
        Map<String, TableEntity> now = Fixtures.entities(source.tables(), "source");
        assertThat(now.get("p2/r000002").has("Ratio")).isTrue();
        assertThat(now.get("p2/r000002").has("Double")).isFalse();
        assertThat(now.get("p1/r000001").has("Double")).isTrue();

        MigrateTableResult again = TableMigration.transformInPlace(source, TransformTableOptions.of("source", t));
        assertThat(again.written()).isZero();
        assertThat(again.unchanged()).isEqualTo(300);

        SchemaTransform keys = SchemaTransform.parse("{\"steps\":[{\"op\":\"rowKey\",\"template\":\"{Int}\"}]}");
        assertThatThrownBy(() -> TransformTableOptions.of("source", keys))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void anInPlaceBatchWrittenButNotRecordedIsNotTransformedAgainOnResume(@TempDir Path tmp) {
        // Not idempotent: each application appends one "+", so a second one shows.
        SchemaTransform appendOne = SchemaTransform.parse("{\"steps\":[{\"op\":\"compute\",\"property\":"
                + "\"Applied\",\"template\":\"{Applied}+\",\"ifMissing\":\"empty\"}]}");
        TransformTableOptions options = new TransformTableOptions("source", appendOne, false, 0, 50, 1,
                tmp.resolve("transform.journal"), null);
        // The 4th transaction lands but its answer is lost: the retry is refused (the ETags moved on), the run
        // stops, and its journal records 3 batches only.
        MigrateTableResult first = TableMigration.transformInPlace(
                new CountingAccount(source).loseAnswer("submitTransaction", 4), options);
        assertThat(first.complete()).isFalse();
        assertThat(Fixtures.entities(source.tables(), "source").values())
                .filteredOn(e -> "+".equals(e.getString("Applied"))).hasSize(200);

        MigrateTableResult resumed = TableMigration.transformInPlace(source, options);

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.doneBefore()).isEqualTo(150);
        assertThat(resumed.unchanged()).as("the batch that landed unrecorded").isEqualTo(50);
        assertThat(resumed.written()).isEqualTo(1000);
        assertThat(Fixtures.entities(source.tables(), "source").values())
                .allSatisfy(e -> assertThat(e.getString("Applied")).as(e.rowKey()).isEqualTo("+"));
    }

    @Test
    void aBatchWrittenBeforeTheFirstRecordIsNotWrittenAgain(@TempDir Path tmp) {
        StorageAccount real = track(Backends.local());
        MigrateTableOptions options = MigrateTableOptions.of("source", "target").withCheckpoint(tmp.resolve("j"))
                .withBatchSize(50).withParallelism(1).withRetries(0);
        // The first transaction lands but its answer is lost: the run stops before it records any progress.
        assertThat(TableMigration.migrate(source, new CountingAccount(real).loseAnswer("submitTransaction", 1),
                options).complete()).isFalse();
        assertThat(Fixtures.entities(real.tables(), "target")).hasSize(50);

        CountingAccount target = new CountingAccount(real);
        MigrateTableResult r = TableMigration.migrate(source, target, options);

        assertThat(r.complete()).isTrue();
        assertThat(r.doneBefore()).isZero();
        assertThat(target.writtenEntities()).as("all but the batch already there").isEqualTo(1150);
        assertThat(r.verification().matches()).isTrue();
    }

    @Test
    void aSourceEntityChangedBeforeTheResumeIsCopiedAgain(@TempDir Path tmp) {
        StorageAccount real = track(Backends.local());
        MigrateTableOptions options = MigrateTableOptions.of("source", "target").withCheckpoint(tmp.resolve("j"))
                .withBatchSize(50).withParallelism(1).withRetries(0);
        // The 4th transaction's answer is lost: the run stops with 3 batches (150 entities) journaled.
        assertThat(TableMigration.migrate(source, new CountingAccount(real).loseAnswer("submitTransaction", 4),
                options).complete()).isFalse();
        TableEntity changed = source.tables().getEntity("source", "p0", "r000004").toBuilder()
                .put("Name", "changed after it was copied").build();
        source.tables().upsertEntity("source", changed, io.unistore.table.UpdateMode.REPLACE);

        CountingAccount target = new CountingAccount(real);
        MigrateTableResult r = TableMigration.migrate(source, target, options);

        assertThat(r.complete()).isTrue();
        assertThat(r.doneBefore()).isEqualTo(150);
        // 1000 never copied (the 50 of the lost answer are found identical), and the changed one again
        assertThat(target.writtenEntities()).isEqualTo(1001);
        assertThat(r.written()).isEqualTo(1001);
        assertThat(r.verification().matches()).isTrue();
        assertThat(real.tables().getEntity("target", "p0", "r000004").getString("Name"))
                .isEqualTo("changed after it was copied");
    }

    @Test
    void interruptedMigrationResumesWithoutWritingAnythingTwice(@TempDir Path tmp) throws Exception {
        StorageAccount real = track(Backends.local());
        Path journal = tmp.resolve("migrate.journal");
        MigrateTableOptions options = MigrateTableOptions.of("source", "target").withCheckpoint(journal)
                .withBatchSize(40).withParallelism(2).withProgressInterval(Duration.ZERO);
        CountDownLatch some = new CountDownLatch(1);
        AtomicReference<MigrateTableResult> first = new AtomicReference<>();
        Thread runner = new Thread(() -> first.set(TableMigration.migrate(source, new CountingAccount(real).delay(30),
                options.withProgress(p -> {
                    if (p.itemsDone() >= 200) {
                        some.countDown();
                    }
                }))));
        runner.start();
        assertThat(some.await(60, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        runner.join(60_000);
        assertThat(first.get().interrupted()).isTrue();

        List<String> lines = Files.readAllLines(journal);
        long doneBefore = Json.parse(lines.get(lines.size() - 1), "line").get("read").asLong();
        Map<String, TableEntity> expected = Fixtures.entities(source.tables(), "source");
        long identical = Fixtures.entities(real.tables(), "target").entrySet().stream()
                .filter(e -> e.getValue().equals(expected.get(e.getKey()))).count();
        assertThat(doneBefore).isBetween(200L, 1199L);

        CountingAccount target = new CountingAccount(real);
        MigrateTableResult r = TableMigration.migrate(source, target, options);
        assertThat(r.complete()).isTrue();
        assertThat(r.doneBefore()).isEqualTo(doneBefore);
        assertThat(target.writtenEntities()).isEqualTo(1200 - identical);
        assertThat(r.verification().matches()).isTrue();
        assertThat(Fixtures.entities(real.tables(), "target")).isEqualTo(expected);
    }
}
