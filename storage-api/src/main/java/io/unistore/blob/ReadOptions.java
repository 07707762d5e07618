package io.unistore.blob;

import io.unistore.ByteRange;
import io.unistore.Nullable;
import io.unistore.ProgressListener;
import io.unistore.RequestConditions;
import io.unistore.internal.OptionsStyle;
import org.immutables.value.Value;

/**
 * Options of a read (download, properties). At most one of {@code versionId} and {@code snapshot}. Immutable;
 * start from {@link #defaults()} or {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public interface ReadOptions extends WithReadOptions {

    /** The bytes to read, or null for all. */
    @Nullable
    ByteRange range();

    /** Conditions on the blob (e.g. ifMatch to be sure it did not change under a long read). */
    @Value.Default
    default RequestConditions conditions() {
        return RequestConditions.none();
    }

    /** Read this version instead of the current one (needs {@link io.unistore.Capability#BLOB_VERSIONS}). */
    @Nullable
    String versionId();

    /** Read this snapshot (needs {@link io.unistore.Capability#BLOB_SNAPSHOTS}). */
    @Nullable
    String snapshot();

    /** Told as bytes arrive (downloads to a file or stream), or null. */
    @Nullable
    ProgressListener progress();

    @Value.Check
    default void check() {
        if (versionId() != null && snapshot() != null) {
            throw io.unistore.StorageException.invalidArgument("versionId/snapshot", "give at most one of them");
        }
    }

    /** The whole current blob, unconditionally. */
    static ReadOptions defaults() {
        return Defaults.READ;
    }

    /** A range of the current blob. */
    static ReadOptions range(ByteRange range) {
        return defaults().withRange(range);
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReadOptions}. */
    final class Builder extends ImmutableReadOptions.Builder {
    }
}
