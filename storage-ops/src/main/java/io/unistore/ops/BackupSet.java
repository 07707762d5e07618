package io.unistore.ops;

import java.time.Instant;

/**
 * One complete backup set, as its manifest describes it.
 *
 * @param setId the set's id: its start time, {@code yyyyMMdd'T'HHmmssSSS'Z'} in UTC, sortable
 * @param kind {@code table} or {@code container}
 * @param type {@code full} or {@code incremental}
 * @param base the set an incremental one builds on, or null for a full one
 * @param chainStart the full set this set's chain starts with (itself for a full one)
 * @param sourceAccount the display name of the account backed up
 * @param source the table or container backed up
 * @param prefix the blob prefix backed up, or null
 * @param startedAt when the backup started
 * @param completedAt when it completed; restores at a point in time use the newest set completed by then
 * @param items entities or blobs in the source at backup time
 * @param stored entities or blobs whose data this set holds (all for a full set, changes for an incremental)
 * @param bytes bytes this set stored, compressed
 */
public record BackupSet(String setId, String kind, String type, String base, String chainStart,
                        String sourceAccount, String source, String prefix, Instant startedAt, Instant completedAt,
                        long items, long stored, long bytes) {

    /** Whether this is a full set. */
    public boolean isFull() {
        return "full".equals(type);
    }
}
