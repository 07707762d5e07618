package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code backup-table}: writes a table into a backup set of any BlobStore (see {@link BackupCatalog} for the
 * layout, the storage-ops README for the formats).
 *
 * <p>A full set holds every entity in {@code entities.ndjson.gz} ({@link EntityJson}, gzip). An incremental
 * set chains to the newest set under the root: it holds the entities whose Timestamp is at or after that set's
 * start minus the clock skew, and — because a Timestamp watermark cannot see deletes — the keys of every entity
 * present, in {@code keys.ndjson.gz}, so a restore drops what was deleted. Both read the table once. The
 * manifest (written last) records counts, the files' SHA-256, and the count and {@link EntityHash} of the whole
 * table as read, which restores check their result against.
 */
public final class TableBackup {
    static final String TOOL = "backup-table";

    private TableBackup() {
    }

    /**
     * Backs up a table.
     *
     * @throws StorageException NOT_FOUND if the table does not exist
     */
    public static BackupResult backup(StorageAccount source, StorageAccount backup, BackupTableOptions options) {
        TableStore tables = source.tables();
        BlobStore store = backup.blobs();
        if (!tables.tableExists(options.table())) {
            throw StorageException.notFound("table " + options.table());
        }
        ProgressMeter meter = new ProgressMeter(TOOL, options.progress(), Duration.ofMillis(500));
        Instant started = Instant.now();
        store.createContainerIfNotExists(options.backupContainer());
        String root = options.backupRoot();
        BackupSet base = options.incremental()
                ? BackupCatalog.newest(store, options.backupContainer(), root, s -> s.kind().equals("table")) : null;
        Instant since = base == null ? null : base.startedAt().minus(options.clockSkew());
        String setId = BackupCatalog.newSetId(store, options.backupContainer(), root, started);
        String dir = root + "/" + setId + "/";
        meter.phase("reading");
        EntityHash.Accumulator state = new EntityHash.Accumulator();
        long stored = 0;
        ArrayNode files = Json.MAPPER.createArrayNode();
        try (BackupFiles.Writer entities = new BackupFiles.Writer();
             BackupFiles.Writer keys = new BackupFiles.Writer()) {
            for (TableEntity e : tables.query(options.table(), TableQuery.all())) {
                state.add(e);
                if (since == null || e.timestamp() == null || !e.timestamp().isBefore(since)) {
                    entities.line(EntityJson.toLine(e));
                    stored++;
                }
                if (since != null) {
                    ArrayNode key = Json.MAPPER.createArrayNode().add(e.partitionKey()).add(e.rowKey());
                    keys.line(Json.write(key));
                }
                meter.done();
            }
            meter.phase("uploading");
            files.add(entities.upload(store, options.backupContainer(), dir + "entities.ndjson.gz",
                    "entities.ndjson.gz"));
            if (since != null) {
                files.add(keys.upload(store, options.backupContainer(), dir + "keys.ndjson.gz", "keys.ndjson.gz"));
            }
        }
        ObjectNode m = BackupCatalog.newManifest("table", setId, base, started);
        ObjectNode src = m.putObject("source");
        src.put("provider", source.providerId());
        src.put("account", source.displayName());
        src.put("name", options.table());
        m.put("changedSince", since == null ? null : since.toString());
        m.put("completedAt", Instant.now().toString());
        ObjectNode counts = m.putObject("counts");
        counts.put("items", state.count());
        counts.put("stored", stored);
        long bytes = 0;
        for (var f : files) {
            bytes += f.get("size").asLong();
        }
        counts.put("bytes", bytes);
        ObjectNode hash = m.putObject("state");
        hash.put("count", state.count());
        hash.put("hash", state.hex());
        m.set("files", files);
        BackupCatalog.writeManifest(store, options.backupContainer(), root, m);
        meter.phase("done");
        return new BackupResult(BackupCatalog.toSet(m), root, meter.elapsed());
    }
}
