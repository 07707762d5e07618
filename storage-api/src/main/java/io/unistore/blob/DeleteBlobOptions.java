package io.unistore.blob;

import io.unistore.RequestConditions;

/**
 * Options of {@link BlobStore#delete}. Deleting the current blob also deletes its snapshots; versions stay
 * (they are how a deleted blob is restored). At most one of {@code versionId} and {@code snapshot}.
 *
 * @param conditions conditions on the blob
 * @param versionId delete only this old version, or null
 * @param snapshot delete only this snapshot, or null
 */
public record DeleteBlobOptions(RequestConditions conditions, String versionId, String snapshot) {

    public static final DeleteBlobOptions DEFAULT = new DeleteBlobOptions(RequestConditions.NONE, null, null);

    public DeleteBlobOptions {
        conditions = conditions == null ? RequestConditions.NONE : conditions;
        if (versionId != null && snapshot != null) {
            throw io.unistore.StorageException.invalidArgument("versionId/snapshot", "give at most one of them");
        }
    }

    public static DeleteBlobOptions defaults() {
        return DEFAULT;
    }

    public DeleteBlobOptions withConditions(RequestConditions v) {
        return new DeleteBlobOptions(v, versionId, snapshot);
    }

    public DeleteBlobOptions withVersionId(String v) {
        return new DeleteBlobOptions(conditions, v, snapshot);
    }

    public DeleteBlobOptions withSnapshot(String v) {
        return new DeleteBlobOptions(conditions, versionId, v);
    }
}
