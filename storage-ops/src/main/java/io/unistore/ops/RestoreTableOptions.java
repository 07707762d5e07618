package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Instant;

/**
 * Options of {@link Restore#table} ({@code restore-table}).
 *
 * @param backupContainer the container holding the backup sets
 * @param backupRoot the folder of the sets, or null for {@code tables/{sourceTable}}
 * @param sourceTable the table that was backed up (names the default root)
 * @param targetTable the table to restore into (created when missing), or null for {@code sourceTable}
 * @param pointInTime restore the newest set completed at or before this, or null for the newest
 * @param mode what to do with entities already in the target
 * @param verify compare the target's count and content hash with the set's (not with MERGE)
 * @param progress told how it advances, or null
 */
public record RestoreTableOptions(String backupContainer, String backupRoot, String sourceTable, String targetTable,
                                  Instant pointInTime, RestoreMode mode, boolean verify, ProgressCallback progress) {
    public RestoreTableOptions {
        if (backupContainer == null || backupContainer.isEmpty()) {
            throw StorageException.invalidArgument("backupContainer", "is required");
        }
        if (sourceTable == null || sourceTable.isEmpty()) {
            throw StorageException.invalidArgument("sourceTable", "is required");
        }
        targetTable = targetTable == null ? sourceTable : targetTable;
        backupRoot = backupRoot == null ? BackupCatalog.tableRoot(sourceTable) : backupRoot;
        mode = mode == null ? RestoreMode.FAIL : mode;
    }

    /** Restores the newest backup of a table into it (refusing a non-empty table). */
    public static RestoreTableOptions of(String backupContainer, String sourceTable) {
        return new RestoreTableOptions(backupContainer, null, sourceTable, null, null, RestoreMode.FAIL, true, null);
    }

    public RestoreTableOptions withBackupRoot(String v) {
        return new RestoreTableOptions(backupContainer, v, sourceTable, targetTable, pointInTime, mode, verify, progress);
    }

    public RestoreTableOptions withTargetTable(String v) {
        return new RestoreTableOptions(backupContainer, backupRoot, sourceTable, v, pointInTime, mode, verify, progress);
    }

    public RestoreTableOptions withPointInTime(Instant v) {
        return new RestoreTableOptions(backupContainer, backupRoot, sourceTable, targetTable, v, mode, verify, progress);
    }

    public RestoreTableOptions withMode(RestoreMode v) {
        return new RestoreTableOptions(backupContainer, backupRoot, sourceTable, targetTable, pointInTime, v, verify,
                progress);
    }

    public RestoreTableOptions withVerify(boolean v) {
        return new RestoreTableOptions(backupContainer, backupRoot, sourceTable, targetTable, pointInTime, mode, v,
                progress);
    }

    public RestoreTableOptions withProgress(ProgressCallback v) {
        return new RestoreTableOptions(backupContainer, backupRoot, sourceTable, targetTable, pointInTime, mode, verify,
                v);
    }
}
