package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.BulkWriteResult;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code restore-table} and {@code restore-blob}: bring back a table, a container, a prefix or one blob as it
 * was at a point in time, into the same or another table/container, in the same or another account.
 *
 * <p>From backups, the state restored is that of the newest complete set completed at or before the time,
 * rebuilt from its chain (the full set and the incrementals up to it). Every file of the chain is checked
 * against its manifest's SHA-256 before anything is written; restored blobs are uploaded with their backed-up
 * MD5 for the service to check, and checked again here; a restored table is compared by count and
 * {@link EntityHash} with the state the backup recorded.
 */
public final class Restore {
    static final String TABLE_TOOL = "restore-table";
    static final String BLOB_TOOL = "restore-blob";
    private static final int CHUNK = 5000;

    private Restore() {
    }

    /**
     * Restores a table.
     *
     * @param backup the account holding the backup container
     * @param target the account to restore into
     * @throws StorageException NOT_FOUND when no set was completed by the time; CONFLICT with
     *         {@link RestoreMode#FAIL} and a non-empty target; INTERNAL when a backup file is damaged or the
     *         result does not verify
     */
    public static RestoreResult table(StorageAccount backup, StorageAccount target, RestoreTableOptions options) {
        BlobStore store = backup.blobs();
        TableStore tables = target.tables();
        ProgressMeter meter = new ProgressMeter(TABLE_TOOL, options.progress(), Duration.ofMillis(500));
        List<BackupSet> sets = BackupCatalog.list(store, options.backupContainer(), options.backupRoot()).stream()
                .filter(s -> s.kind().equals("table")).toList();
        BackupSet chosen = BackupCatalog.at(sets, options.pointInTime()).orElseThrow(() -> noSet(options.backupRoot(),
                options.pointInTime()));
        List<BackupSet> chain = BackupCatalog.chain(sets, chosen);
        meter.phase("verifying backup");
        List<ObjectNode> manifests = verifyFiles(store, options.backupContainer(), options.backupRoot(), chain);

        if (options.mode() == RestoreMode.FAIL && tables.tableExists(options.targetTable())
                && tables.query(options.targetTable(), TableQuery.all().withTop(1)).iterator().hasNext()) {
            throw new StorageException(ErrorCode.CONFLICT, "table " + options.targetTable() + " is not empty; "
                    + "restore with mode MERGE or REPLACE, or into another table");
        }
        tables.createTableIfNotExists(options.targetTable());
        meter.phase("restoring");
        Set<String> wanted = null;
        if (!chosen.isFull()) {
            Set<String> keys = new HashSet<>();
            BackupFiles.readLines(store, options.backupContainer(), dir(options.backupRoot(), chosen) + "keys.ndjson.gz",
                    line -> {
                        JsonNode k = Json.parse(line, "key line");
                        keys.add(key(k.get(0).asString(), k.get(1).asString()));
                    });
            wanted = keys;
        }
        Set<String> written = new HashSet<>();
        List<TableAction> pending = new ArrayList<>();
        // Newest set first: each entity is written once, in its latest state; older copies are skipped.
        for (int i = chain.size() - 1; i >= 0; i--) {
            Set<String> want = wanted;
            BackupFiles.readLines(store, options.backupContainer(), dir(options.backupRoot(), chain.get(i))
                    + "entities.ndjson.gz", line -> {
                TableEntity e = EntityJson.fromLine(line);
                String k = key(e.partitionKey(), e.rowKey());
                if ((want == null || want.contains(k)) && written.add(k)) {
                    pending.add(TableAction.upsert(TableEntity.builder(e.partitionKey(), e.rowKey())
                            .putAll(e.properties()).build(), UpdateMode.REPLACE));
                    if (pending.size() >= CHUNK) {
                        flush(tables, options.targetTable(), pending, meter);
                    }
                }
            });
        }
        flush(tables, options.targetTable(), pending, meter);
        long deleted = 0;
        if (options.mode() == RestoreMode.REPLACE) {
            meter.phase("deleting");
            for (TableEntity e : tables.query(options.targetTable(), TableQuery.all())) {
                if (!written.contains(key(e.partitionKey(), e.rowKey()))) {
                    pending.add(TableAction.delete(e.partitionKey(), e.rowKey(), null));
                    deleted++;
                }
            }
            flush(tables, options.targetTable(), pending, meter);
        }
        TableVerification verification = null;
        if (options.verify() && options.mode() != RestoreMode.MERGE) {
            meter.phase("verifying");
            JsonNode state = manifests.get(manifests.size() - 1).get("state");
            EntityHash.Accumulator actual = TableMigration.hashTable(tables, options.targetTable());
            verification = new TableVerification(state.get("count").asLong(), state.get("hash").asString(),
                    actual.count(), actual.hex());
            if (!verification.matches()) {
                throw new StorageException(ErrorCode.INTERNAL, "restored table " + options.targetTable()
                        + " does not match backup set " + chosen.setId() + ": " + verification);
            }
        }
        meter.phase("done");
        return new RestoreResult(chain.stream().map(BackupSet::setId).toList(), written.size(), deleted, 0, 0,
                verification, List.of(), meter.elapsed());
    }

    /**
     * Restores blobs: from backup sets, or from the provider's versions or snapshots.
     *
     * @param from the account holding the backup container ({@link RestoreSource#BACKUP}) or the source
     *             container with its versions or snapshots
     * @param target the account to restore into
     * @throws StorageException NOT_FOUND when no set was completed by the time; CONFLICT with
     *         {@link RestoreMode#FAIL} when a blob to restore exists in the target; UNSUPPORTED when the account
     *         has no versions or snapshots; INTERNAL when a backup file is damaged
     */
    public static RestoreResult blobs(StorageAccount from, StorageAccount target, RestoreBlobOptions options) {
        return options.from() == RestoreSource.BACKUP ? new BlobRestoreRun(from, target, options).fromBackup()
                : new BlobRestoreRun(from, target, options).fromHistory();
    }

    static String dir(String root, BackupSet set) {
        return root + "/" + set.setId() + "/";
    }

    static StorageException noSet(String root, java.time.Instant at) {
        return new StorageException(ErrorCode.NOT_FOUND, "no complete backup set under " + root
                + (at == null ? "" : " completed at or before " + at));
    }

    /** Checks every data file of the chain against its manifest; returns the manifests, oldest first. */
    static List<ObjectNode> verifyFiles(BlobStore store, String container, String root, List<BackupSet> chain) {
        List<ObjectNode> manifests = new ArrayList<>();
        for (BackupSet set : chain) {
            ObjectNode m = BackupCatalog.readManifest(store, container, root, set.setId())
                    .orElseThrow(() -> noSet(root, null));
            for (JsonNode f : m.get("files")) {
                BackupFiles.verify(store, container, dir(root, set) + f.get("name").asString(), (ObjectNode) f);
            }
            manifests.add(m);
        }
        return manifests;
    }

    private static String key(String pk, String rk) {
        return pk + '\u0000' + rk;
    }

    private static void flush(TableStore tables, String table, List<TableAction> pending, ProgressMeter meter) {
        if (pending.isEmpty()) {
            return;
        }
        BulkWriteResult r = tables.bulkWrite(table, pending, BulkWriteOptions.defaults().withStopOnError(true));
        if (!r.isComplete()) {
            StorageException e = r.failures().get(0).error();
            throw new StorageException(e.code(), "restore into " + table + " failed: " + e.getMessage(), e);
        }
        meter.done(pending.size());
        pending.clear();
    }
}
