package io.unistore.blob;

import io.unistore.Nullable;
import io.unistore.RequestConditions;
import io.unistore.internal.OptionsStyle;
import java.util.Map;
import org.immutables.value.Value;

/** Options of a copy. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface CopyOptions extends WithCopyOptions {

    /** Metadata for the target, or null to keep the source's. */
    @Nullable
    Map<String, String> metadata();

    /** Content type for the target, or null to keep the source's. */
    @Nullable
    String contentType();

    /** Tier of the target, or null for the account default. */
    @Nullable
    AccessTier tier();

    /** Copy this version of the source (needs BLOB_VERSIONS), or null for the current one. */
    @Nullable
    String sourceVersionId();

    /** Copy this snapshot of the source (needs BLOB_SNAPSHOTS), or null. */
    @Nullable
    String sourceSnapshot();

    /** Conditions on the source (e.g. its ETag). */
    @Value.Default
    default RequestConditions sourceConditions() {
        return RequestConditions.none();
    }

    /** Conditions on the target (e.g. {@link RequestConditions#ifNotExists()}). */
    @Value.Default
    default RequestConditions targetConditions() {
        return RequestConditions.none();
    }

    @Value.Check
    default void check() {
        if (sourceVersionId() != null && sourceSnapshot() != null) {
            throw io.unistore.StorageException.invalidArgument("sourceVersionId/sourceSnapshot",
                    "give at most one of them");
        }
    }

    /** Keep the source's metadata and type, unconditionally. */
    static CopyOptions defaults() {
        return Defaults.COPY;
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CopyOptions}. */
    final class Builder extends ImmutableCopyOptions.Builder {
    }
}
