package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobProperties;
import io.unistore.table.TableEntity;
import io.unistore.testsupport.azurite.Azurite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A copy and a migration killed with SIGKILL in a separate process resume from their checkpoint, end identical
 * to the source, and write nothing twice: the resuming run writes exactly what the target still lacked.
 */
class KillResumeTest {
    static final int BLOBS = 40;
    static final int ENTITIES = 3000;

    static CopyContainerOptions copyOptions(Path journal) {
        return CopyContainerOptions.of("src", "dst").withCheckpoint(journal).withConcurrency(2);
    }

    static MigrateTableOptions migrateOptions(Path journal) {
        return MigrateTableOptions.of("source", "target").withCheckpoint(journal).withParallelism(2)
                .withBatchSize(50);
    }

    @ParameterizedTest(name = "target {0}")
    @ValueSource(strings = {"local", "azurite"})
    void blobCopyKilledWithSigkillResumes(String kind, @TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        String target = kind.equals("azurite") ? "azurite:" + Azurite.shared().connectionString()
                : tmp.resolve("dst").toString();
        Path journal = tmp.resolve("copy.journal");
        try (StorageAccount source = Unistore.open(src.toString())) {
            Fixtures.putBlobs(source.blobs(), "src", "", BLOBS, 2000);
        }
        killWhenJournalHas(journal, 6, "blob", src, target, 60);

        try (StorageAccount source = Unistore.open(src.toString());
             StorageAccount real = kind.equals("azurite") ? Backends.azurite() : ChildCopy.open(target)) {
            int recorded = ContainerCopyTest.journalNames(journal).size();
            assertThat(recorded).isBetween(6, BLOBS - 1);
            Map<String, BlobProperties> there = Fixtures.blobs(real.blobs(), "dst", null);
            long missing = Fixtures.blobs(source.blobs(), "src", null).values().stream()
                    .filter(p -> !there.containsKey(p.name()) || !Digests.sameContent(p, there.get(p.name())))
                    .count();

            CountingAccount counting = new CountingAccount(real);
            CopyContainerResult r = ContainerCopy.run(source, counting, copyOptions(journal));

            assertThat(r.complete()).isTrue();
            assertThat(r.skippedCheckpoint()).isEqualTo(recorded);
            assertThat(r.copied()).isEqualTo(missing);
            assertThat(counting.calls("upload")).isEqualTo(missing);
            assertThat(ContainerCopyTest.journalNames(journal)).hasSize(BLOBS);
            Fixtures.assertSameBlobs(source.blobs(), "src", real.blobs(), "dst");
        }
    }

    @Test
    void tableMigrationKilledWithSigkillResumes(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        Path dst = tmp.resolve("dst");
        Path journal = tmp.resolve("migrate.journal");
        try (StorageAccount source = Unistore.open(src.toString())) {
            Fixtures.fillTable(source.tables(), "source", ENTITIES, 5);
        }
        killWhenJournalHas(journal, 4, "table", src, dst.toString(), 80);

        try (StorageAccount source = Unistore.open(src.toString()); StorageAccount real = Unistore.open(dst.toString())) {
            List<String> lines = Files.readAllLines(journal);
            long doneBefore = Json.parse(lines.get(lines.size() - 1), "line").get("read").asLong();
            Map<String, TableEntity> expected = Fixtures.entities(source.tables(), "source");
            Map<String, TableEntity> present = Fixtures.entities(real.tables(), "target");
            long identical = present.entrySet().stream().filter(e -> e.getValue().equals(expected.get(e.getKey())))
                    .count();
            assertThat(doneBefore).isBetween(1L, ENTITIES - 1L);
            assertThat(identical).isGreaterThanOrEqualTo(doneBefore);

            CountingAccount target = new CountingAccount(real);
            MigrateTableResult r = TableMigration.migrate(source, target, migrateOptions(journal));

            assertThat(r.complete()).isTrue();
            assertThat(r.doneBefore()).isEqualTo(doneBefore);
            assertThat(r.read()).as("the entities after the key, then those changed since the first run")
                    .isGreaterThanOrEqualTo(ENTITIES - doneBefore);
            assertThat(target.writtenEntities()).isEqualTo(ENTITIES - identical);
            assertThat(r.written()).isEqualTo(ENTITIES - identical);
            assertThat(r.verification().matches()).isTrue();
            assertThat(Fixtures.entities(real.tables(), "target")).isEqualTo(expected);
        }
    }

    /** Starts the child, waits until its journal holds {@code records} records, then kills it with SIGKILL. */
    private static void killWhenJournalHas(Path journal, int records, String kind, Path src, String dst, int delay)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", classPath(), ChildCopy.class.getName(), kind, src.toString(),
                dst, journal.toString(), Integer.toString(delay)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(journal.resolveSibling(kind + "-child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try {
            while (lines(journal) < records + 1) {
                assertThat(child.isAlive()).as("child still running; log: %s",
                        readLog(journal.resolveSibling(kind + "-child.log"))).isTrue();
                assertThat(System.nanoTime()).as("journal progress within 90 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var s = Files.lines(file)) {
            return s.count();
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
