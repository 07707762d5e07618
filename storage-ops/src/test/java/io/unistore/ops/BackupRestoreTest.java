package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backup, modify (add, change, delete), incremental backup, then restore at each of the two times: the result
 * is exactly the data of that time. The data lives on the local provider; the backup sets on each back end.
 */
class BackupRestoreTest extends AccountsTest {

    static List<Backends.Backend> targets() {
        return Backends.targets();
    }

    @ParameterizedTest(name = "backups on {0}")
    @MethodSource("targets")
    void tableBackupIncrementalAndPointInTimeRestore(Backends.Backend backend) throws Exception {
        StorageAccount data = track(Backends.local());
        StorageAccount backup = track(backend.open().get());
        TableStore tables = data.tables();
        Fixtures.fillTable(tables, "people", 500, 3);

        BackupResult full = TableBackup.backup(data, backup, BackupTableOptions.full("people", "backups"));
        Instant t1 = Instant.now();
        Map<String, TableEntity> state1 = Fixtures.entities(tables, "people");
        assertThat(full.set().isFull()).isTrue();
        assertThat(full.set().items()).isEqualTo(500);
        assertThat(full.set().stored()).isEqualTo(500);

        Thread.sleep(5); // the changes get later timestamps than the full backup's start
        for (int i = 0; i < 10; i++) {
            tables.insertEntity("people", Fixtures.entity("p9", "new" + i, 1000 + i));
            tables.upsertEntity("people", TableEntity.builder("p1", String.format("r%06d", 3 * i + 1))
                    .put("Name", "changed " + i).build(), UpdateMode.MERGE);
            tables.deleteEntity("people", "p2", String.format("r%06d", 3 * i + 2), null);
        }
        Map<String, TableEntity> state2 = Fixtures.entities(tables, "people");
        BackupResult inc = TableBackup.backup(data, backup, BackupTableOptions.incremental("people", "backups")
                .withClockSkew(Duration.ZERO));
        assertThat(inc.set().type()).isEqualTo("incremental");
        assertThat(inc.set().base()).isEqualTo(full.set().setId());
        assertThat(inc.set().items()).isEqualTo(500);
        assertThat(inc.set().stored()).isEqualTo(20);

        RestoreResult r1 = Restore.table(backup, data, RestoreTableOptions.of("backups", "people")
                .withTargetTable("attime1").withPointInTime(t1));
        assertThat(r1.chain()).containsExactly(full.set().setId());
        assertThat(r1.verification().matches()).isTrue();
        assertThat(Fixtures.entities(tables, "attime1")).isEqualTo(state1);

        RestoreResult r2 = Restore.table(backup, data, RestoreTableOptions.of("backups", "people")
                .withTargetTable("attime2"));
        assertThat(r2.chain()).containsExactly(full.set().setId(), inc.set().setId());
        assertThat(r2.written()).isEqualTo(500);
        assertThat(Fixtures.entities(tables, "attime2")).isEqualTo(state2);

        RestoreResult back = Restore.table(backup, data, RestoreTableOptions.of("backups", "people")
                .withPointInTime(t1).withMode(RestoreMode.REPLACE));
        assertThat(back.deleted()).isEqualTo(10);
        assertThat(Fixtures.entities(tables, "people")).isEqualTo(state1);

        assertThatThrownBy(() -> Restore.table(backup, data, RestoreTableOptions.of("backups", "people")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> Restore.table(backup, data, RestoreTableOptions.of("backups", "people")
                .withTargetTable("never").withPointInTime(Instant.EPOCH)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(BackupCatalog.list(backup.blobs(), "backups", "tables/people")).hasSize(2);
    }

    @ParameterizedTest(name = "backups on {0}")
    @MethodSource("targets")
    void containerBackupIncrementalAndPointInTimeRestore(Backends.Backend backend) throws Exception {
        StorageAccount data = track(Backends.local());
        StorageAccount backup = track(backend.open().get());
        BlobStore blobs = data.blobs();
        Fixtures.putBlobs(blobs, "photos", "", 20, 3000);

        BackupResult full = ContainerBackup.backup(data, backup, BackupContainerOptions.full("photos", "backups"));
        Instant t1 = Instant.now();
        Map<String, Snapshot> state1 = snapshot(blobs, "photos");
        assertThat(full.set().stored()).isEqualTo(20);

        Thread.sleep(5);
        for (int i = 0; i < 3; i++) {
            blobs.upload("photos", "dir1/blob-" + (3 * i + 1), ("changed " + i).getBytes(),
                    UploadOptions.defaults().withContentType("text/x-changed").withMetadata(Map.of("v", "2")));
            blobs.delete("photos", "dir0/blob-" + (3 * i));
        }
        blobs.upload("photos", "dir0/added", "added".getBytes());
        blobs.upload("photos", "fresh/one", "one".getBytes());
        Map<String, Snapshot> state2 = snapshot(blobs, "photos");
        Instant t2 = Instant.now();

        BackupResult inc = ContainerBackup.backup(data, backup, BackupContainerOptions.incremental("photos", "backups"));
        assertThat(inc.set().type()).isEqualTo("incremental");
        assertThat(inc.set().items()).isEqualTo(19);
        assertThat(inc.set().stored()).isEqualTo(5);

        RestoreResult r1 = Restore.blobs(backup, data, RestoreBlobOptions.fromBackup("backups", "photos")
                .withTargetContainer("attime1").withPointInTime(t1));
        assertThat(r1.verifiedByChecksum()).isEqualTo(20);
        assertThat(snapshot(blobs, "attime1")).isEqualTo(state1);

        Restore.blobs(backup, data, RestoreBlobOptions.fromBackup("backups", "photos").withTargetContainer("attime2"));
        assertThat(snapshot(blobs, "attime2")).isEqualTo(state2);

        // One blob, then a prefix with REPLACE, back into the live container.
        Restore.blobs(backup, data, RestoreBlobOptions.fromBackup("backups", "photos").withBlob("dir1/blob-1")
                .withPointInTime(t1).withMode(RestoreMode.MERGE));
        assertThat(snapshot(blobs, "photos").get("dir1/blob-1")).isEqualTo(state1.get("dir1/blob-1"));
        RestoreResult prefix = Restore.blobs(backup, data, RestoreBlobOptions.fromBackup("backups", "photos")
                .withPrefix("dir0/").withPointInTime(t1).withMode(RestoreMode.REPLACE));
        assertThat(prefix.deleted()).isEqualTo(1);
        Map<String, Snapshot> now = snapshot(blobs, "photos");
        state1.forEach((name, s) -> {
            if (name.startsWith("dir0/")) {
                assertThat(now.get(name)).as(name).isEqualTo(s);
            }
        });
        assertThat(now).doesNotContainKey("dir0/added").containsKey("fresh/one");

        assertThatThrownBy(() -> Restore.blobs(backup, data, RestoreBlobOptions.fromBackup("backups", "photos")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(t2).isBefore(inc.set().completedAt().plusSeconds(1));
    }

    @org.junit.jupiter.api.Test
    void aContainerBackupThatDiedIsCompletedByTheNextWithoutStoringAnythingTwice() {
        StorageAccount data = track(Backends.local());
        StorageAccount backup = track(Backends.local()); // keeps every version: a second write of a name shows
        BlobStore blobs = data.blobs();
        Fixtures.putBlobs(blobs, "photos", "", 30, 500);
        BackupContainerOptions options = BackupContainerOptions.full("photos", "backups").withConcurrency(2);
        // The 12th upload (started.json is the 1st) lands, but its answer is lost: the backup fails.
        assertThatThrownBy(() -> ContainerBackup.backup(data, new CountingAccount(backup).loseAnswer("upload", 12),
                options)).isInstanceOf(StorageException.class);
        String root = BackupCatalog.containerRoot("photos");
        List<String> ids = BackupCatalog.setIds(backup.blobs(), "backups", root);
        assertThat(ids).hasSize(1);
        String objects = root + "/" + ids.get(0) + "/objects/";
        List<String> storedBefore = Fixtures.blobs(backup.blobs(), "backups", objects).keySet().stream()
                .map(n -> n.substring(objects.length(), n.length() - ".gz".length())).toList();
        assertThat(storedBefore.size()).isBetween(11, 29);
        // Meanwhile one stored blob changes (same size), one is deleted and one is added.
        String changed = storedBefore.get(0);
        String deleted = storedBefore.get(1);
        blobs.upload("photos", changed, Fixtures.content(500, (int) blobs.getProperties("photos", changed).size()));
        blobs.delete("photos", deleted);
        blobs.upload("photos", "added", Fixtures.content(501, 100));

        CountingAccount counting = new CountingAccount(backup);
        BackupResult r = ContainerBackup.backup(data, counting, options);

        assertThat(r.set().setId()).as("the interrupted set, completed").isEqualTo(ids.get(0));
        assertThat(BackupCatalog.setIds(backup.blobs(), "backups", root)).hasSize(1);
        assertThat(r.set().items()).isEqualTo(30);
        int kept = storedBefore.size() - 2;
        assertThat(counting.calls("upload")).as("the blobs not kept, the index and the manifest")
                .isEqualTo(30 - kept + 2);
        Map<String, BlobProperties> stored = Fixtures.blobs(backup.blobs(), "backups", objects);
        assertThat(stored).hasSize(30).doesNotContainKey(objects + deleted + ".gz");
        stored.keySet().forEach(name -> assertThat(backup.blobs().listVersions("backups", name, null).stream()
                .count()).as("writes of %s", name).isEqualTo(name.equals(objects + changed + ".gz") ? 2 : 1));
        StorageAccount restored = track(Backends.local());
        Restore.blobs(backup, restored, RestoreBlobOptions.fromBackup("backups", "photos"));
        Fixtures.assertSameBlobs(blobs, "photos", restored.blobs(), "photos");
    }

    @org.junit.jupiter.api.Test
    void restoresABlobFromProviderVersionsAndSnapshots() throws Exception {
        StorageAccount data = track(Backends.local());
        BlobStore blobs = data.blobs();
        blobs.createContainer("docs");
        blobs.upload("docs", "a.txt", "first".getBytes());
        String snap = blobs.createSnapshot("docs", "a.txt", null);
        Thread.sleep(5);
        Instant t1 = Instant.now();
        Thread.sleep(5);
        blobs.upload("docs", "a.txt", "second".getBytes());

        RestoreResult v = Restore.blobs(data, data, RestoreBlobOptions.fromHistory(RestoreSource.VERSIONS, "docs", t1)
                .withBlob("a.txt"));
        assertThat(v.written()).isEqualTo(1);
        assertThat(new String(blobs.downloadBytes("docs", "a.txt"))).isEqualTo("first");

        blobs.upload("docs", "a.txt", "third".getBytes());
        RestoreResult s = Restore.blobs(data, data, RestoreBlobOptions.fromHistory(RestoreSource.SNAPSHOTS, "docs", t1)
                .withBlob("a.txt").withTargetContainer("copy"));
        assertThat(s.written()).isEqualTo(1);
        assertThat(new String(blobs.downloadBytes("copy", "a.txt"))).isEqualTo("first");
        assertThat(snap).isNotNull();
    }

    /** What a restore must bring back of a blob: bytes, content type, user metadata. */
    record Snapshot(byte[] content, String contentType, Map<String, String> metadata) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && Arrays.equals(content, s.content) && java.util.Objects.equals(contentType,
                    s.contentType) && metadata.equals(s.metadata);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(content);
        }
    }

    static Map<String, Snapshot> snapshot(BlobStore store, String container) {
        Map<String, Snapshot> out = new LinkedHashMap<>();
        for (Map.Entry<String, BlobProperties> e : Fixtures.blobs(store, container, null).entrySet()) {
            BlobProperties p = store.getProperties(container, e.getKey());
            out.put(e.getKey(), new Snapshot(store.downloadBytes(container, e.getKey()), p.contentType(),
                    Fixtures.userMetadata(p)));
        }
        return out;
    }
}
