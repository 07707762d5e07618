package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.UploadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerCopyTest extends AccountsTest {
    private StorageAccount source;

    @BeforeEach
    void setUp() {
        source = track(Backends.local());
        Fixtures.putBlobs(source.blobs(), "src", "", 24, 1000);
    }

    static List<Backends.Backend> targets() {
        return Backends.targets();
    }

    @ParameterizedTest(name = "local -> {0}")
    @MethodSource("targets")
    void copiesAcrossAccountsWithMetadataContentTypeAndTier(Backends.Backend backend) {
        StorageAccount target = track(backend.open().get());
        List<OpsProgress> reports = new ArrayList<>();
        CopyContainerResult r = ContainerCopy.run(source, target, CopyContainerOptions.of("src", "dst")
                .withProgressInterval(Duration.ZERO).withProgress(reports::add));

        assertThat(r.complete()).isTrue();
        assertThat(r.copied()).isEqualTo(24);
        assertThat(r.failed()).isZero();
        assertThat(r.verifiedByChecksum() + r.verifiedBySize()).isEqualTo(24);
        assertThat(r.bytesCopied()).isEqualTo(24 * 1000 + 23 * 24 / 2);
        Fixtures.assertSameBlobs(source.blobs(), "src", target.blobs(), "dst");
        if (target.capabilities().has(io.unistore.Capability.BLOB_TIERS)) {
            assertThat(target.blobs().getProperties("dst", "dir0/blob-0").tier()).isEqualTo(AccessTier.COOL);
        }
        OpsProgress last = reports.get(reports.size() - 1);
        assertThat(last.phase()).isEqualTo("done");
        assertThat(last.itemsDone()).isEqualTo(24);
        assertThat(last.itemsTotal()).isEqualTo(24);
        assertThat(last.bytesDone()).isEqualTo(r.bytesCopied());
        assertThat(reports).anyMatch(p -> p.phase().equals("copying") && p.eta() != null);
    }

    @ParameterizedTest(name = "local -> {0}")
    @MethodSource("targets")
    void dryRunWritesNothing(Backends.Backend backend, @TempDir Path tmp) {
        CountingAccount target = new CountingAccount(track(backend.open().get()));
        Path journal = tmp.resolve("journal");
        CopyContainerResult r = ContainerCopy.run(source, target, CopyContainerOptions.of("src", "dst")
                .withDryRun(true).withCheckpoint(journal).withReportLimit(5));

        assertThat(r.dryRun()).isTrue();
        assertThat(r.copied()).isEqualTo(24);
        assertThat(r.planned()).hasSize(5);
        assertThat(target.writes()).isZero();
        assertThat(target.calls("createContainer")).isZero();
        assertThat(target.blobs().containerExists("dst")).isFalse();
        assertThat(journal).doesNotExist();
    }

    @ParameterizedTest(name = "local -> {0}")
    @MethodSource("targets")
    void incrementalCopySkipsUnchangedObjects(Backends.Backend backend) {
        StorageAccount real = track(backend.open().get());
        ContainerCopy.run(source, real, CopyContainerOptions.of("src", "dst"));
        source.blobs().upload("src", "dir1/blob-1", "changed".getBytes(), UploadOptions.defaults());
        source.blobs().upload("src", "new-blob", "new".getBytes(), UploadOptions.defaults());

        CountingAccount target = new CountingAccount(real);
        CopyContainerResult r = ContainerCopy.run(source, target, CopyContainerOptions.of("src", "dst"));

        assertThat(r.copied()).isEqualTo(2);
        assertThat(r.skippedUnchanged()).isEqualTo(23);
        assertThat(target.calls("upload") + target.calls("copy") + target.calls("copyFromUrl")).isEqualTo(2);
        Fixtures.assertSameBlobs(source.blobs(), "src", real.blobs(), "dst");
    }

    @Test
    void sameAccountCopiesServerSideAndMapsPrefixes() {
        source.blobs().createContainer("other");
        CopyContainerResult r = ContainerCopy.run(source, source, CopyContainerOptions.of("src", "other")
                .withSourcePrefix("dir1/").withTargetPrefix("moved/"));

        assertThat(r.byMethod()).containsEntry(CopyMethod.SERVER_COPY, 8L);
        assertThat(r.bytesStreamed()).isZero();
        Map<String, BlobProperties> copied = Fixtures.blobs(source.blobs(), "other", null);
        assertThat(copied.keySet()).allMatch(n -> n.startsWith("moved/blob-")).hasSize(8);
        assertThat(source.blobs().downloadBytes("other", "moved/blob-1"))
                .isEqualTo(source.blobs().downloadBytes("src", "dir1/blob-1"));
    }

    @Test
    void nameFilterCopiesOnlyTheSelectedBlobsAndCountsOnlyThem() {
        source.blobs().createContainer("picked");
        List<OpsProgress> reports = new ArrayList<>();
        CopyContainerResult r = ContainerCopy.run(source, source, CopyContainerOptions.of("src", "picked")
                .withNameFilter(n -> n.endsWith("-1") || n.endsWith("-2")).withProgress(reports::add));

        Map<String, BlobProperties> copied = Fixtures.blobs(source.blobs(), "picked", null);
        assertThat(copied.keySet()).hasSize(2).allMatch(n -> n.endsWith("-1") || n.endsWith("-2"));
        assertThat(r.listed()).isEqualTo(copied.size());
        assertThat(r.copied()).isEqualTo(copied.size());
        assertThat(reports.get(reports.size() - 1).itemsTotal()).isEqualTo(copied.size());
    }

    /**
     * S3 to Azure: the engine asks the Azure target to fetch presigned S3 URLs. Azurite only copies from
     * itself (it answers CannotVerifyCopySource), so this proves the fall-back: after three refusals the run
     * streams, and every object still arrives intact. Against real Azure the objects go by COPY_FROM_URL.
     */
    @Test
    void crossCloudCopyFallsBackToStreamingWhenTheTargetCannotFetchTheUrl() {
        StorageAccount s3 = track(Backends.s3proxy());
        StorageAccount azure = track(Backends.azurite());
        Fixtures.putBlobs(s3.blobs(), "src", "", 8, 700);
        assertThat(ObjectCopier.chooseMethod(s3, azure, CopyContainerOptions.of("src", "dst")))
                .isEqualTo(CopyMethod.COPY_FROM_URL);
        CountingAccount target = new CountingAccount(azure);
        CopyContainerResult r = ContainerCopy.run(s3, target, CopyContainerOptions.of("src", "dst").withConcurrency(1));

        assertThat(r.failures()).isEmpty();
        assertThat(r.byMethod()).containsEntry(CopyMethod.STREAM, 8L);
        assertThat(target.calls("copyFromUrl")).isZero(); // failed attempts are not counted as writes
        assertThat(target.calls("upload")).isEqualTo(8);
        Fixtures.assertSameBlobs(s3.blobs(), "src", azure.blobs(), "dst");
    }

    @Test
    void smallObjectsHaveMoreInFlightThanTheConcurrencyButLargeOnesDoNot() {
        CountingAccount small = new CountingAccount(track(Backends.local())).delay(50);
        CopyContainerResult r = ContainerCopy.run(source, small, CopyContainerOptions.of("src", "dst")
                .withConcurrency(2));
        assertThat(r.copied()).isEqualTo(24);
        assertThat(small.mostConcurrentWrites()).isGreaterThan(2).isLessThanOrEqualTo(ContainerCopy.smallLane(2));

        StorageAccount bigSource = track(Backends.local());
        Fixtures.putBlobs(bigSource.blobs(), "big", "", 6, (int) ContainerCopy.SMALL_OBJECT_BYTES + 1);
        CountingAccount large = new CountingAccount(track(Backends.local())).delay(50);
        assertThat(ContainerCopy.run(bigSource, large, CopyContainerOptions.of("big", "dst").withConcurrency(2))
                .copied()).isEqualTo(6);
        assertThat(large.mostConcurrentWrites()).isEqualTo(2);
    }

    @Test
    void refusesToCopyBlobsOntoThemselves() {
        assertThatThrownBy(() -> ContainerCopy.run(source, source, CopyContainerOptions.of("src", "src")))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("targetContainer");
                });
    }

    @Test
    void missingSourceContainerIsNotFound() {
        assertThatThrownBy(() -> ContainerCopy.run(source, Backends.local(), CopyContainerOptions.of("nope", "dst")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void interruptedCopyResumesWithoutCopyingAnythingTwice(@TempDir Path tmp) throws Exception {
        StorageAccount real = track(Backends.local());
        Path journal = tmp.resolve("copy.journal");
        CountDownLatch someDone = new CountDownLatch(1);
        CopyContainerOptions options = CopyContainerOptions.of("src", "dst").withCheckpoint(journal)
                .withConcurrency(3).withProgressInterval(Duration.ZERO);
        AtomicReference<CopyContainerResult> first = new AtomicReference<>();
        Thread runner = new Thread(() -> first.set(ContainerCopy.run(source, new CountingAccount(real).delay(40),
                options.withProgress(p -> {
                    if (p.itemsDone() >= 8) {
                        someDone.countDown();
                    }
                }))));
        runner.start();
        assertThat(someDone.await(60, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        runner.join(60_000);

        CopyContainerResult r1 = first.get();
        assertThat(r1.interrupted()).isTrue();
        assertThat(r1.complete()).isFalse();
        assertThat(r1.copied()).isBetween(8L, 23L);
        List<String> recorded = journalNames(journal);
        assertThat(recorded).hasSize((int) r1.copied());
        long missing = missingAtTarget(real);
        assertThat(missing).isEqualTo(24 - r1.copied());

        CountingAccount target = new CountingAccount(real);
        CopyContainerResult r2 = ContainerCopy.run(source, target, options);

        assertThat(r2.complete()).isTrue();
        assertThat(r2.skippedCheckpoint()).isEqualTo(recorded.size());
        assertThat(r2.copied()).isEqualTo(missing);
        assertThat(target.calls("upload")).isEqualTo(missing);
        List<String> all = journalNames(journal);
        assertThat(all).hasSize(24).doesNotHaveDuplicates();
        Fixtures.assertSameBlobs(source.blobs(), "src", real.blobs(), "dst");
    }

    @Test
    void aSourceChangedSinceItsJournalRecordIsCopiedAgain(@TempDir Path tmp) {
        StorageAccount real = track(Backends.local());
        CopyContainerOptions options = CopyContainerOptions.of("src", "dst").withCheckpoint(tmp.resolve("journal"));
        assertThat(ContainerCopy.run(source, real, options).copied()).isEqualTo(24);
        // Same size, other bytes: only the ETag (and the MD5) tell the change.
        byte[] changed = Fixtures.content(99, 1000 + 7);
        source.blobs().upload("src", "dir1/blob-7", changed);

        CountingAccount target = new CountingAccount(real);
        CopyContainerResult again = ContainerCopy.run(source, target, options);

        assertThat(again.complete()).isTrue();
        assertThat(again.skippedCheckpoint()).isEqualTo(23);
        assertThat(again.copied()).isEqualTo(1);
        assertThat(target.calls("upload")).isEqualTo(1);
        assertThat(real.blobs().downloadBytes("dst", "dir1/blob-7")).isEqualTo(changed);
        assertThat(ContainerCopy.run(source, target, options).skippedCheckpoint()).as("journaled again").isEqualTo(24);
    }

    /** Source objects the target lacks (or holds with other content). */
    private long missingAtTarget(StorageAccount target) {
        Map<String, BlobProperties> there = Fixtures.blobs(target.blobs(), "dst", null);
        return Fixtures.blobs(source.blobs(), "src", null).values().stream()
                .filter(p -> !there.containsKey(p.name()) || !Digests.sameContent(p, there.get(p.name())))
                .count();
    }

    static List<String> journalNames(Path journal) throws java.io.IOException {
        List<String> names = new ArrayList<>();
        List<String> lines = Files.readAllLines(journal);
        for (String line : lines.subList(1, lines.size())) {
            names.add(Json.parse(line, "line").get("n").asString());
        }
        assertThat(new HashSet<>(names)).hasSize(names.size());
        return names;
    }
}
