package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Instant;

/**
 * Options of {@link Restore#blobs} ({@code restore-blob}): a container, a prefix, or one blob.
 *
 * @param from where the past state comes from
 * @param backupContainer with {@link RestoreSource#BACKUP}: the container holding the backup sets
 * @param backupRoot the folder of the sets, or null for {@code containers/{sourceContainer}}
 * @param sourceContainer the container that was backed up (or, for versions and snapshots, that holds them)
 * @param targetContainer the container to restore into (created when missing), or null for the source container
 * @param prefix only blobs under this prefix, or null
 * @param blob only this blob, or null
 * @param pointInTime the state to restore: the newest set completed (or version written, snapshot taken) at or
 *                    before it; null for the newest
 * @param mode what to do with blobs already in the target
 * @param concurrency blobs restored at once
 * @param progress told how it advances, or null
 */
public record RestoreBlobOptions(RestoreSource from, String backupContainer, String backupRoot,
                                 String sourceContainer, String targetContainer, String prefix, String blob,
                                 Instant pointInTime, RestoreMode mode, int concurrency, ProgressCallback progress) {
    public RestoreBlobOptions {
        from = from == null ? RestoreSource.BACKUP : from;
        if (sourceContainer == null || sourceContainer.isEmpty()) {
            throw StorageException.invalidArgument("sourceContainer", "is required");
        }
        if (from == RestoreSource.BACKUP && (backupContainer == null || backupContainer.isEmpty())) {
            throw StorageException.invalidArgument("backupContainer", "is required to restore from a backup");
        }
        if (from != RestoreSource.BACKUP && pointInTime == null) {
            throw StorageException.invalidArgument("pointInTime", "is required to restore from versions or snapshots");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw StorageException.invalidArgument("concurrency", "must be 1 to 256, was " + concurrency);
        }
        targetContainer = targetContainer == null ? sourceContainer : targetContainer;
        backupRoot = backupRoot == null ? BackupCatalog.containerRoot(sourceContainer) : backupRoot;
        mode = mode == null ? RestoreMode.FAIL : mode;
    }

    /** Restores a container's newest backup into it (refusing to overwrite blobs). */
    public static RestoreBlobOptions fromBackup(String backupContainer, String sourceContainer) {
        return new RestoreBlobOptions(RestoreSource.BACKUP, backupContainer, null, sourceContainer, null, null, null,
                null, RestoreMode.FAIL, 4, null);
    }

    /** Restores blobs of a container as they were at a time, from the provider's versions or snapshots. */
    public static RestoreBlobOptions fromHistory(RestoreSource from, String container, Instant pointInTime) {
        return new RestoreBlobOptions(from, null, null, container, null, null, null, pointInTime, RestoreMode.MERGE, 4,
                null);
    }

    public RestoreBlobOptions withBackupRoot(String v) {
        return new RestoreBlobOptions(from, backupContainer, v, sourceContainer, targetContainer, prefix, blob,
                pointInTime, mode, concurrency, progress);
    }

    public RestoreBlobOptions withTargetContainer(String v) {
        return new RestoreBlobOptions(from, backupContainer, backupRoot, sourceContainer, v, prefix, blob, pointInTime,
                mode, concurrency, progress);
    }

    public RestoreBlobOptions withPrefix(String v) {
        return new RestoreBlobOptions(from, backupContainer, backupRoot, sourceContainer, targetContainer, v, blob,
                pointInTime, mode, concurrency, progress);
    }

    public RestoreBlobOptions withBlob(String v) {
        return new RestoreBlobOptions(from, backupContainer, backupRoot, sourceContainer, targetContainer, prefix, v,
                pointInTime, mode, concurrency, progress);
    }

    public RestoreBlobOptions withPointInTime(Instant v) {
        return new RestoreBlobOptions(from, backupContainer, backupRoot, sourceContainer, targetContainer, prefix, blob,
                v, mode, concurrency, progress);
    }

    public RestoreBlobOptions withMode(RestoreMode v) {
        return new RestoreBlobOptions(from, backupContainer, backupRoot, sourceContainer, targetContainer, prefix, blob,
                pointInTime, v, concurrency, progress);
    }

    public RestoreBlobOptions withConcurrency(int v) {
        return new RestoreBlobOptions(from, backupContainer, backupRoot, sourceContainer, targetContainer, prefix, blob,
                pointInTime, mode, v, progress);
    }

    public RestoreBlobOptions withProgress(ProgressCallback v) {
        return new RestoreBlobOptions(from, backupContainer, backupRoot, sourceContainer, targetContainer, prefix, blob,
                pointInTime, mode, concurrency, v);
    }

    /** Whether a blob name is selected by the prefix and blob options. */
    boolean selects(String name) {
        return (blob == null || blob.equals(name)) && (prefix == null || name.startsWith(prefix));
    }
}
