package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.ops.BackupContainerOptions;
import io.unistore.ops.BackupResult;
import io.unistore.ops.BackupSet;
import io.unistore.ops.BackupTableOptions;
import io.unistore.ops.ContainerBackup;
import io.unistore.ops.Restore;
import io.unistore.ops.RestoreBlobOptions;
import io.unistore.ops.RestoreMode;
import io.unistore.ops.RestoreResult;
import io.unistore.ops.RestoreSource;
import io.unistore.ops.RestoreTableOptions;
import io.unistore.ops.Retention;
import io.unistore.ops.RetentionPolicy;
import io.unistore.ops.TableBackup;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The storage-ops backup and restore tools. */
final class BackupTools implements ToolProvider {
    private static final Map<String, Object> BACKUP_CONTAINER = ToolSchema.name("The container holding the backup "
            + "sets (in backupAccount; created when missing)");
    private static final Map<String, Object> BACKUP_ROOT = ToolSchema.name("The folder of the sets in the backup "
            + "container (default tables/{table} or containers/{container})");
    private static final Map<String, Object> MODE = oneOf("What to do with data already in the target: FAIL "
            + "(default: refuse), MERGE (overwrite restored items), REPLACE (make the target exactly the backup state, "
            + "deleting the rest)", List.of("FAIL", "MERGE", "REPLACE"));

    private static final Touch BACKUP_READS = Touch.reads(NameKind.CONTAINER, "backupContainer")
            .onAccount("backupAccount");
    private static final Touch BACKUP_WRITES = Touch.writes(NameKind.CONTAINER, "backupContainer")
            .onAccount("backupAccount");
    /** keepLast and keepDays delete old backup sets: what delete-blob does. */
    private static final Touch RETENTION = BACKUP_WRITES.when(a -> a.get("keepLast") != null
            || a.get("keepDays") != null).as("delete-blob", "keepLast/keepDays, which delete old backup sets");

    @Override
    public List<McpTool> tools() {
        return List.of(backupTable(), backupContainer(), restoreTable(), restoreBlob());
    }

    private static boolean replaces(Map<String, Object> args) {
        return "REPLACE".equals(args.get("mode"));
    }

    private static boolean fromBackup(Map<String, Object> args) {
        return args.get("from") == null || "BACKUP".equals(args.get("from"));
    }

    private static ToolSchema.ObjectBuilder backupInput(String what, Map<String, Object> nameSchema) {
        return ToolSchema.object().required(what, nameSchema).required("backupContainer", BACKUP_CONTAINER)
                .optional("backupAccount", OpsCalls.BACKUP_ACCOUNT).optional("backupRoot", BACKUP_ROOT)
                .optional("incremental", bool("Store only what changed since the newest backup set (a full set when "
                        + "there is none)"))
                .optional("keepLast", integer("Afterwards, keep only the newest N backup chains", 1, 10_000))
                .optional("keepDays", integer("Afterwards, keep only chains with a set from the last N days", 1, 36_500));
    }

    private static Map<String, Object> backupOutput() {
        return ToolSchema.object().required("setId", string("The new backup set"))
                .required("type", oneOf("full or incremental", List.of("full", "incremental")))
                .required("base", nullable(string("The set it builds on"))).required("root", string("Folder of the sets"))
                .required("items", integer("Entities or blobs in the source")).required("stored", integer("Stored in this set"))
                .required("bytes", integer("Bytes stored (compressed)")).required("completedAt", string("When it completed"))
                .required("durationMs", integer("Duration"))
                .required("retentionDeleted", array("Sets deleted by keepLast/keepDays", string(null))).build();
    }

    private static Map<String, Object> backupResult(ToolCall call, ToolCall backup, BackupResult r) {
        List<String> deleted = List.of();
        if (call.has("keepLast") || call.has("keepDays")) {
            RetentionPolicy policy = new RetentionPolicy(call.integer("keepLast", 0),
                    call.has("keepDays") ? Duration.ofDays(call.integer("keepDays", 0)) : null);
            deleted = Retention.apply(backup.account(), call.string("backupContainer"), r.root(), policy, false)
                    .deleted();
        }
        BackupSet s = r.set();
        return Out.of().put("setId", s.setId()).put("type", s.type()).put("base", s.base()).put("root", r.root())
                .put("items", s.items()).put("stored", s.stored()).put("bytes", s.bytes())
                .put("completedAt", s.completedAt()).put("durationMs", r.duration().toMillis())
                .put("retentionDeleted", deleted).build();
    }

    private static McpTool backupTable() {
        return McpTool.builder("backup-table").title("Back up a table").requires(Capability.TABLES).writes(false, false)
                .touches(Touch.reads(NameKind.TABLE, "table"), BACKUP_WRITES, RETENTION)
                .description("Back up a table into a backup set in a blob container (this or another served "
                        + "account): gzip NDJSON of typed entities plus a manifest with counts, checksums and the "
                        + "table's content hash. Incremental sets store entities changed since the previous set and "
                        + "the list of keys (so restores drop deleted entities). keepLast/keepDays apply retention.")
                .input(backupInput("table", Args.TABLE).build()).output(backupOutput())
                .handler(call -> {
                    ToolCall backup = call.onAccount("backupAccount");
                    BackupTableOptions o = new BackupTableOptions(call.table("table"), backup.container("backupContainer"),
                            call.optionalString("backupRoot"), call.bool("incremental", false), null, null);
                    BackupResult r = OpsCalls.run(call, false, p -> TableBackup.backup(call.account(),
                            backup.account(), o.withProgress(p)));
                    return backupResult(call, backup, r);
                }).build();
    }

    private static McpTool backupContainer() {
        return McpTool.builder("backup-container").title("Back up a container").requires(Capability.BLOBS)
                .writes(false, false)
                .touches(Touch.reads(NameKind.CONTAINER, "container"), BACKUP_WRITES, RETENTION)
                .description("Back up a container (or the blobs under a prefix) into a backup set in a blob "
                        + "container (this or another served account): each blob gzip-compressed and MD5-checked, "
                        + "an index of every blob and a manifest. Incremental sets store only blobs whose ETag "
                        + "changed. A backup that died is completed by the next one with the same arguments, "
                        + "which keeps what it had stored. keepLast/keepDays apply retention.")
                .input(backupInput("container", Args.CONTAINER).optional("prefix", Args.PREFIX)
                        .optional("concurrency", integer("Blobs stored at once (default 4)", 1, 64)).build())
                .output(backupOutput())
                .handler(call -> {
                    ToolCall backup = call.onAccount("backupAccount");
                    BackupContainerOptions o = new BackupContainerOptions(call.container("container"),
                            call.optionalString("prefix"), backup.container("backupContainer"),
                            call.optionalString("backupRoot"), call.bool("incremental", false),
                            call.integer("concurrency", 4), null);
                    BackupResult r = OpsCalls.run(call, true, p -> ContainerBackup.backup(call.account(),
                            backup.account(), o.withProgress(p)));
                    return backupResult(call, backup, r);
                }).build();
    }

    private static Map<String, Object> restoreOutput() {
        return ToolSchema.object().required("chain", array("Backup sets used, full set first", string(null)))
                .required("written", integer("Entities or blobs written")).required("deleted", integer("Deleted (REPLACE)"))
                .required("bytes", integer("Blob bytes written"))
                .required("verifiedByChecksum", integer("Blobs whose MD5 matched the backup's"))
                .required("verification", OpsCalls.verificationSchema())
                .required("names", array("Blobs written (first 1000)", string(null)))
                .required("durationMs", integer("Duration")).build();
    }

    private static Map<String, Object> restoreResult(RestoreResult r) {
        return Out.of().put("chain", r.chain()).put("written", r.written()).put("deleted", r.deleted())
                .put("bytes", r.bytes()).put("verifiedByChecksum", r.verifiedByChecksum())
                .put("verification", OpsCalls.verification(r.verification())).put("names", r.names())
                .put("durationMs", r.duration().toMillis()).build();
    }

    private static RestoreMode mode(ToolCall call, String what) {
        RestoreMode mode = RestoreMode.valueOf(call.has("mode") ? call.string("mode") : "FAIL");
        if (mode == RestoreMode.REPLACE) {
            call.confirm(what + " that are not in the backup (REPLACE)");
        }
        return mode;
    }

    private static McpTool restoreTable() {
        return McpTool.builder("restore-table").title("Restore a table").requires(Capability.TABLES).writes(true, true)
                .touches(Touch.reads(NameKind.TABLE, "table"), BACKUP_READS, Touch.writes(NameKind.TABLE,
                        "targetTable").orElse("table"), Touch.writes(NameKind.TABLE, "targetTable").orElse("table")
                        .when(BackupTools::replaces).as("delete-entity", "mode REPLACE, which deletes entities"))
                .description("Restore a table from its backup sets as it was at a point in time (the newest set "
                        + "completed by then), into the same or another table of this account. Backup files are "
                        + "checked against their checksums first; the result is verified by count and content hash.")
                .input(ToolSchema.object().required("table", ToolSchema.name("The table that was backed up"))
                        .required("backupContainer", BACKUP_CONTAINER).optional("backupAccount", OpsCalls.BACKUP_ACCOUNT)
                        .optional("backupRoot", BACKUP_ROOT)
                        .optional("targetTable", ToolSchema.name("Restore into this table (default: the same name)"))
                        .optional("pointInTime", OpsCalls.POINT_IN_TIME).optional("mode", MODE).build())
                .output(restoreOutput())
                .handler(call -> {
                    ToolCall backup = call.onAccount("backupAccount");
                    String target = call.has("targetTable") ? call.table("targetTable") : call.table("table");
                    RestoreTableOptions o = RestoreTableOptions.of(backup.container("backupContainer"), call.string("table"))
                            .withBackupRoot(call.optionalString("backupRoot")).withTargetTable(target)
                            .withPointInTime(OpsCalls.instant(call, "pointInTime"))
                            .withMode(mode(call, "the entities of table '" + target + "'"));
                    StorageAccount data = call.account();
                    return restoreResult(OpsCalls.run(call, false, p -> Restore.table(backup.account(), data,
                            o.withProgress(p))));
                }).build();
    }

    private static McpTool restoreBlob() {
        return McpTool.builder("restore-blob").title("Restore blobs").requires(Capability.BLOBS).writes(true, true)
                .touches(Touch.reads(NameKind.CONTAINER, "container"), BACKUP_READS.when(BackupTools::fromBackup),
                        Touch.writes(NameKind.CONTAINER, "targetContainer").orElse("container"),
                        Touch.writes(NameKind.CONTAINER, "targetContainer").orElse("container")
                                .when(BackupTools::replaces).as("delete-blob", "mode REPLACE, which deletes blobs"))
                .description("Restore a container, the blobs under a prefix, or one blob as they were at a point "
                        + "in time, into the same or another container of this account: from backup sets (from="
                        + "BACKUP, default), or from the provider's blob versions or snapshots. Every restored blob "
                        + "is checked against its backed-up MD5.")
                .input(ToolSchema.object().required("container", ToolSchema.name("The container that was backed up"))
                        .optional("from", oneOf("Where the past state comes from (default BACKUP)",
                                List.of("BACKUP", "VERSIONS", "SNAPSHOTS")))
                        .optional("backupContainer", BACKUP_CONTAINER).optional("backupAccount", OpsCalls.BACKUP_ACCOUNT)
                        .optional("backupRoot", BACKUP_ROOT)
                        .optional("targetContainer", ToolSchema.name("Restore into this container (default: the same)"))
                        .optional("prefix", Args.PREFIX).optional("blob", Args.BLOB)
                        .optional("pointInTime", OpsCalls.POINT_IN_TIME).optional("mode", MODE)
                        .optional("concurrency", integer("Blobs restored at once (default 4)", 1, 64)).build())
                .output(restoreOutput())
                .handler(call -> {
                    RestoreSource from = RestoreSource.valueOf(call.has("from") ? call.string("from") : "BACKUP");
                    if (from == RestoreSource.BACKUP && !call.has("backupContainer")) {
                        throw StorageException.invalidArgument("backupContainer", "is required when from is BACKUP "
                                + "(the default)");
                    }
                    ToolCall backup = from == RestoreSource.BACKUP ? call.onAccount("backupAccount") : call;
                    String target = call.has("targetContainer") ? call.container("targetContainer")
                            : call.container("container");
                    RestoreBlobOptions o = new RestoreBlobOptions(from, from == RestoreSource.BACKUP
                            ? backup.container("backupContainer") : null, call.optionalString("backupRoot"),
                            call.string("container"), target, call.optionalString("prefix"),
                            call.optionalString("blob"), OpsCalls.instant(call, "pointInTime"),
                            mode(call, "the blobs of container '" + target + "'"), call.integer("concurrency", 4), null);
                    return restoreResult(OpsCalls.run(call, true, p -> Restore.blobs(backup.account(), call.account(),
                            o.withProgress(p))));
                }).build();
    }
}
