package io.unistore.ops;

import io.unistore.StorageException;

/**
 * Options of {@link ContainerBackup#backup} ({@code backup-container}).
 *
 * @param container the container to back up
 * @param prefix only blobs under this prefix, or null for all
 * @param backupContainer the container of the backup account that holds backup sets (created when missing)
 * @param backupRoot the folder of this container's sets in it, or null for {@code containers/{container}}
 * @param incremental store only blobs new or changed (by ETag) since the newest set of the same prefix
 * @param concurrency blobs stored at once
 * @param progress told how it advances, or null
 */
public record BackupContainerOptions(String container, String prefix, String backupContainer, String backupRoot,
                                     boolean incremental, int concurrency, ProgressCallback progress) {
    public BackupContainerOptions {
        if (container == null || container.isEmpty()) {
            throw StorageException.invalidArgument("container", "is required");
        }
        if (backupContainer == null || backupContainer.isEmpty()) {
            throw StorageException.invalidArgument("backupContainer", "is required");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw StorageException.invalidArgument("concurrency", "must be 1 to 256, was " + concurrency);
        }
        backupRoot = backupRoot == null ? BackupCatalog.containerRoot(container) : backupRoot;
    }

    /** A full backup of a container. */
    public static BackupContainerOptions full(String container, String backupContainer) {
        return new BackupContainerOptions(container, null, backupContainer, null, false, 4, null);
    }

    /** An incremental backup (full when none exists yet). */
    public static BackupContainerOptions incremental(String container, String backupContainer) {
        return new BackupContainerOptions(container, null, backupContainer, null, true, 4, null);
    }

    public BackupContainerOptions withPrefix(String v) {
        return new BackupContainerOptions(container, v, backupContainer, backupRoot, incremental, concurrency, progress);
    }

    public BackupContainerOptions withBackupRoot(String v) {
        return new BackupContainerOptions(container, prefix, backupContainer, v, incremental, concurrency, progress);
    }

    public BackupContainerOptions withConcurrency(int v) {
        return new BackupContainerOptions(container, prefix, backupContainer, backupRoot, incremental, v, progress);
    }

    public BackupContainerOptions withProgress(ProgressCallback v) {
        return new BackupContainerOptions(container, prefix, backupContainer, backupRoot, incremental, concurrency, v);
    }
}
