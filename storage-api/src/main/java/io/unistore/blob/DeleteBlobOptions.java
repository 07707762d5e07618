package io.unistore.blob;

import io.unistore.Nullable;
import io.unistore.RequestConditions;
import io.unistore.internal.OptionsStyle;
import org.immutables.value.Value;

/**
 * Options of {@link BlobStore#delete}. Deleting the current blob also deletes its snapshots; versions stay
 * (they are how a deleted blob is restored). At most one of {@code versionId} and {@code snapshot}.
 * Immutable; start from {@link #defaults()} or {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public interface DeleteBlobOptions extends WithDeleteBlobOptions {

    /** Conditions on the blob. */
    @Value.Default
    default RequestConditions conditions() {
        return RequestConditions.none();
    }

    /** Delete only this old version, or null. */
    @Nullable
    String versionId();

    /** Delete only this snapshot, or null. */
    @Nullable
    String snapshot();

    @Value.Check
    default void check() {
        if (versionId() != null && snapshot() != null) {
            throw io.unistore.StorageException.invalidArgument("versionId/snapshot", "give at most one of them");
        }
    }

    /** The current blob and its snapshots, unconditionally. */
    static DeleteBlobOptions defaults() {
        return Defaults.DELETE;
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DeleteBlobOptions}. */
    final class Builder extends ImmutableDeleteBlobOptions.Builder {
    }
}
