package io.unistore.blob;

import io.unistore.ByteRange;
import io.unistore.ProgressListener;
import io.unistore.RequestConditions;

/**
 * Options of a read (download, properties). At most one of {@code versionId} and {@code snapshot}.
 *
 * @param range the bytes to read, or null for all
 * @param conditions conditions on the blob (e.g. ifMatch to be sure it did not change under a long read)
 * @param versionId read this version instead of the current one (needs {@link io.unistore.Capability#BLOB_VERSIONS})
 * @param snapshot read this snapshot (needs {@link io.unistore.Capability#BLOB_SNAPSHOTS})
 * @param progress told as bytes arrive (downloads to a file or stream), or null
 */
public record ReadOptions(ByteRange range, RequestConditions conditions, String versionId, String snapshot,
                          ProgressListener progress) {

    /** The whole current blob, unconditionally. */
    public static final ReadOptions DEFAULT = new ReadOptions(null, RequestConditions.NONE, null, null, null);

    public ReadOptions {
        conditions = conditions == null ? RequestConditions.NONE : conditions;
        if (versionId != null && snapshot != null) {
            throw io.unistore.StorageException.invalidArgument("versionId/snapshot", "give at most one of them");
        }
    }

    public static ReadOptions defaults() {
        return DEFAULT;
    }

    /** A range of the current blob. */
    public static ReadOptions range(ByteRange range) {
        return DEFAULT.withRange(range);
    }

    public ReadOptions withRange(ByteRange v) {
        return new ReadOptions(v, conditions, versionId, snapshot, progress);
    }

    public ReadOptions withConditions(RequestConditions v) {
        return new ReadOptions(range, v, versionId, snapshot, progress);
    }

    public ReadOptions withVersionId(String v) {
        return new ReadOptions(range, conditions, v, snapshot, progress);
    }

    public ReadOptions withSnapshot(String v) {
        return new ReadOptions(range, conditions, versionId, v, progress);
    }

    public ReadOptions withProgress(ProgressListener v) {
        return new ReadOptions(range, conditions, versionId, snapshot, v);
    }
}
