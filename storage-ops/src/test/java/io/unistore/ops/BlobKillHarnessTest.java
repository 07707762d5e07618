package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kill harness of {@code copy-container} and {@code backup-container}: each run fills a local container,
 * runs the operation in a child JVM against a target that turns with the run (the local provider, S3Proxy,
 * Azurite), kills it with SIGKILL at a random moment, overwrites a source blob the killed run had already
 * handled (same size, other bytes), resumes with the same call in this JVM and checks:
 *
 * <ul>
 *   <li>nothing lost or corrupted: the target (or the set, restored) equals the source, names, bytes, content
 *       type and metadata;</li>
 *   <li>nothing written twice: where the target keeps versions (local, S3Proxy) every object has exactly one,
 *       two for the changed blob when the killed run had written it; everywhere, the resumed run uploads exactly
 *       what the target lacked;</li>
 *   <li>the changed source is copied (stored) again.</li>
 * </ul>
 *
 * Runs per operation: {@code -Dunistore.kills.runs} (see {@link KillHarness}).
 */
class BlobKillHarnessTest {
    private static final String[] TARGETS = {"local", "s3proxy", "azurite"};
    private static final int BLOBS = 24;
    /** Each write of the killed run is slowed by this much, so that a kill can land between two of them. */
    private static final long DELAY_MILLIS = 20;

    static CopyContainerOptions copyOptions(String targetContainer, Path journal) {
        return CopyContainerOptions.of("src", targetContainer).withCheckpoint(journal).withConcurrency(2);
    }

    static BackupContainerOptions backupOptions(String backupContainer, boolean incremental) {
        return (incremental ? BackupContainerOptions.incremental("src", backupContainer)
                : BackupContainerOptions.full("src", backupContainer)).withConcurrency(2);
    }

    static IntStream runs() {
        return KillHarness.runs();
    }

    @AfterAll
    static void figures() {
        System.out.print(KillHarness.table());
    }

    @ParameterizedTest(name = "copy-container, run {0}")
    @MethodSource("runs")
    void copyContainerKilledAndResumed(int run, @TempDir Path tmp) throws Exception {
        Random random = KillHarness.random("copy-container", run);
        String kind = TARGETS[run % TARGETS.length];
        String spec = KillTargets.spec(kind, tmp.resolve("dst"));
        String dst = "kill-copy-" + Integer.toHexString(random.nextInt() >>> 4);
        Path src = tmp.resolve("src");
        Path journal = tmp.resolve("copy.journal");
        fill(src);
        try (StorageAccount target = KillTargets.open(spec)) {
            target.blobs().createContainer(dst); // S3: with versioning, before any object
        }
        KillHarness.Kill kill = KillHarness.runAndKill(random, BLOBS, 3 * DELAY_MILLIS, "copy-container",
                src.toString(), spec, journal.toString(), Long.toString(DELAY_MILLIS), dst);

        try (StorageAccount source = Unistore.open(src.toString()); StorageAccount real = KillTargets.open(spec)) {
            try {
                List<String> journaled = java.nio.file.Files.exists(journal) ? ContainerCopyTest.journalNames(journal)
                        : List.of();
                String changed = changeOne(source.blobs(), journaled.isEmpty() ? names(source.blobs()) : journaled,
                        random);
                Map<String, BlobProperties> there = Fixtures.blobs(real.blobs(), dst, null);
                long missing = Fixtures.blobs(source.blobs(), "src", null).values().stream()
                        .filter(p -> !there.containsKey(p.name()) || !Digests.sameContent(p, there.get(p.name())))
                        .count();

                CountingAccount counting = new CountingAccount(real);
                CopyContainerResult r = ContainerCopy.run(source, counting, copyOptions(dst, journal));

                assertThat(r.complete()).as("complete: %s", r.failures()).isTrue();
                assertThat(r.copied()).as("copied on resume").isEqualTo(missing);
                assertThat(counting.calls("upload") + counting.calls("copy"))
                        .as("writes on resume: the objects the target lacked or held otherwise").isEqualTo(missing);
                Fixtures.assertSameBlobs(source.blobs(), "src", real.blobs(), dst);
                assertWrites(real, dst, "", Map.of(changed, there.containsKey(changed) ? 2 : 1));
                KillHarness.passed("copy-container", kill, String.format("to %s, %d journaled, %s changed, %d "
                        + "copied on resume", kind, journaled.size(), changed, missing));
            } finally {
                dropUnlessLocal(real, kind, dst);
            }
        }
    }

    @ParameterizedTest(name = "backup-container, run {0}")
    @MethodSource("runs")
    void backupContainerKilledAndResumed(int run, @TempDir Path tmp) throws Exception {
        Random random = KillHarness.random("backup-container", run);
        String kind = TARGETS[run % TARGETS.length];
        boolean incremental = run % 2 == 1;
        String spec = KillTargets.spec(kind, tmp.resolve("backup"));
        String container = "kill-backup-" + Integer.toHexString(random.nextInt() >>> 4);
        Path src = tmp.resolve("src");
        String root = BackupCatalog.containerRoot("src");
        fill(src);
        try (StorageAccount source = Unistore.open(src.toString()); StorageAccount target = KillTargets.open(spec)) {
            target.blobs().createContainer(container);
            if (incremental) {
                ContainerBackup.backup(source, target, backupOptions(container, false));
                for (String name : names(source.blobs()).subList(0, BLOBS / 3)) {
                    changeOne(source.blobs(), List.of(name), random);
                }
            }
        }
        int writes = incremental ? BLOBS / 3 + 3 : BLOBS + 3; // the blobs, started.json, the index, the manifest
        KillHarness.Kill kill = KillHarness.runAndKill(random, writes, 3 * DELAY_MILLIS, "backup-container",
                src.toString(), spec, "-", Long.toString(DELAY_MILLIS), container, Boolean.toString(incremental));

        try (StorageAccount source = Unistore.open(src.toString()); StorageAccount real = KillTargets.open(spec)) {
            try {
                BlobStore store = real.blobs();
                List<String> ids = BackupCatalog.setIds(store, container, root);
                List<BackupSet> complete = BackupCatalog.list(store, container, root);
                String newest = ids.isEmpty() ? null : ids.get(ids.size() - 1);
                boolean interrupted = newest != null && complete.stream().noneMatch(s -> s.setId().equals(newest));
                String objects = root + "/" + newest + "/objects/";
                Map<String, BlobProperties> stored = interrupted ? Fixtures.blobs(store, container, objects) : Map.of();
                List<String> storedNames = stored.keySet().stream()
                        .map(n -> n.substring(objects.length(), n.length() - ".gz".length())).toList();
                String changed = changeOne(source.blobs(), storedNames.isEmpty() ? names(source.blobs())
                        : storedNames, random);
                Map<String, BlobProperties> now = Fixtures.blobs(source.blobs(), "src", null);
                // What the resumed run must store: every blob for a full set; for an incremental one, the blobs new
                // or changed since the newest complete set (its base); less those the interrupted set holds.
                Map<String, String> since = new HashMap<>();
                if (incremental) {
                    BackupFiles.readLines(store, container, root + "/" + complete.get(complete.size() - 1).setId()
                            + "/index.ndjson.gz", line -> {
                                var entry = Json.parse(line, "index line");
                                since.put(entry.get("name").asString(), entry.get("etag").asString());
                            });
                }
                long toStore = now.values().stream().filter(p -> !p.etag().equals(since.get(p.name()))).count();
                long kept = stored.entrySet().stream().filter(e -> {
                    BlobProperties p = now.get(e.getKey().substring(objects.length(),
                            e.getKey().length() - ".gz".length()));
                    return p != null && p.etag().equals(e.getValue().metadata().get(BackupResume.SOURCE_ETAG));
                }).count();

                CountingAccount counting = new CountingAccount(real);
                BackupResult r = ContainerBackup.backup(source, counting, backupOptions(container, incremental));

                if (interrupted) {
                    assertThat(r.set().setId()).as("the interrupted set, completed").isEqualTo(newest);
                }
                assertThat(counting.calls("upload")).as("uploads on resume: the blobs not stored yet, the index and "
                        + "the manifest (and started.json for a new set)").isEqualTo(toStore - kept + (interrupted
                        ? 2 : 3));
                StorageAccount restored = Backends.local();
                try {
                    Restore.blobs(real, restored, RestoreBlobOptions.fromBackup(container, "src"));
                    Fixtures.assertSameBlobs(source.blobs(), "src", restored.blobs(), "src");
                } finally {
                    restored.close();
                }
                String setDir = root + "/" + r.set().setId() + "/";
                assertThat(Fixtures.blobs(store, container, setDir + "objects/")).as("objects of the set")
                        .hasSize((int) toStore);
                // The stored objects; the index is rewritten by a run resumed after it had been uploaded.
                assertWrites(real, container, setDir + "objects/", Map.of(setDir + "objects/" + changed + ".gz",
                        storedNames.contains(changed) ? 2 : 1));
                KillHarness.passed("backup-container", kill, String.format("%s to %s, set %s, %d stored by the "
                        + "killed run, %s changed, %d uploads on resume", incremental ? "incremental" : "full", kind,
                        interrupted ? "interrupted" : "completed", stored.size(), changed, counting.calls("upload")));
            } finally {
                dropUnlessLocal(real, kind, container);
            }
        }
    }

    /** A local container "src" of {@link #BLOBS} blobs, two of them of 300 KB, with types, metadata and tiers. */
    private static void fill(Path dir) {
        try (StorageAccount source = Unistore.open(dir.toString())) {
            Fixtures.putBlobs(source.blobs(), "src", "", BLOBS - 2, 4000);
            Fixtures.putBlobs(source.blobs(), "src", "big/", 2, 300_000);
        }
    }

    private static List<String> names(BlobStore store) {
        return new ArrayList<>(Fixtures.blobs(store, "src", null).keySet());
    }

    /** Overwrites one of {@code candidates} with other bytes of the same size, type and metadata; its name. */
    private static String changeOne(BlobStore store, List<String> candidates, Random random) {
        String name = candidates.get(random.nextInt(candidates.size()));
        BlobProperties p = store.getProperties("src", name);
        byte[] other = Fixtures.content(random.nextInt(), (int) p.size());
        store.upload("src", name, other, UploadOptions.defaults().withContentType(p.contentType())
                .withMetadata(p.metadata()));
        return name;
    }

    /**
     * Where the account keeps versions, asserts that each object under the prefix was written once, or as often
     * as {@code expected} says.
     */
    private static void assertWrites(StorageAccount account, String container, String prefix,
                                     Map<String, Integer> expected) {
        if (!account.capabilities().has(Capability.BLOB_VERSIONS)) {
            return;
        }
        for (String name : Fixtures.blobs(account.blobs(), container, prefix).keySet()) {
            long versions = account.blobs().listVersions(container, name, ListOptions.defaults()).stream().count();
            assertThat(versions).as("writes of %s", name).isEqualTo((long) expected.getOrDefault(name, 1));
        }
    }

    private static void dropUnlessLocal(StorageAccount account, String kind, String container) {
        if (!kind.equals("local")) {
            account.blobs().deleteContainer(container);
        }
    }
}
