package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Duration;

/**
 * Options of {@link TableBackup#backup} ({@code backup-table}).
 *
 * @param table the table to back up
 * @param backupContainer the container of the backup account that holds backup sets (created when missing)
 * @param backupRoot the folder of this table's sets in it, or null for {@code tables/{table}}
 * @param incremental store only what changed since the newest set under the root (a full set when there is none)
 * @param clockSkew how far the service's clock may be behind this machine's: an incremental takes every entity
 *                  whose Timestamp is at or after the previous set's start minus this
 * @param progress told how it advances, or null
 */
public record BackupTableOptions(String table, String backupContainer, String backupRoot, boolean incremental,
                                 Duration clockSkew, ProgressCallback progress) {
    public BackupTableOptions {
        if (table == null || table.isEmpty()) {
            throw StorageException.invalidArgument("table", "is required");
        }
        if (backupContainer == null || backupContainer.isEmpty()) {
            throw StorageException.invalidArgument("backupContainer", "is required");
        }
        clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
        if (clockSkew.isNegative()) {
            throw StorageException.invalidArgument("clockSkew", "must not be negative");
        }
        backupRoot = backupRoot == null ? BackupCatalog.tableRoot(table) : backupRoot;
    }

    /** A full backup of a table into a backup container. */
    public static BackupTableOptions full(String table, String backupContainer) {
        return new BackupTableOptions(table, backupContainer, null, false, null, null);
    }

    /** An incremental backup (full when none exists yet). */
    public static BackupTableOptions incremental(String table, String backupContainer) {
        return new BackupTableOptions(table, backupContainer, null, true, null, null);
    }

    public BackupTableOptions withBackupRoot(String v) {
        return new BackupTableOptions(table, backupContainer, v, incremental, clockSkew, progress);
    }

    public BackupTableOptions withClockSkew(Duration v) {
        return new BackupTableOptions(table, backupContainer, backupRoot, incremental, v, progress);
    }

    public BackupTableOptions withProgress(ProgressCallback v) {
        return new BackupTableOptions(table, backupContainer, backupRoot, incremental, clockSkew, v);
    }
}
