package io.unistore.ops;

/** Where a blob restore takes the past state from. */
public enum RestoreSource {
    /** Backup sets written by {@link ContainerBackup}. */
    BACKUP,
    /** The provider's blob versions (needs {@code BLOB_VERSIONS}): the newest version written at or before the time. */
    VERSIONS,
    /** The provider's blob snapshots (needs {@code BLOB_SNAPSHOTS}): the newest snapshot taken at or before the time. */
    SNAPSHOTS
}
