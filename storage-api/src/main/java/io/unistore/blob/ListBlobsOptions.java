package io.unistore.blob;

import io.unistore.ListOptions;
import io.unistore.Nullable;
import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import io.unistore.spi.NameRules;
import org.immutables.value.Value;

/** Options of {@link BlobStore#list}. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface ListBlobsOptions extends WithListBlobsOptions {

    /** Only blobs whose names start with this, or null. */
    @Nullable
    String prefix();

    /**
     * Group names at this delimiter into {@linkplain BlobItem#prefix() prefixes} (usually "/"), or null for a
     * flat listing.
     */
    @Nullable
    String delimiter();

    /** The page size asked (a hint; at most the account's max page size). */
    @Value.Default
    default int pageSize() {
        return ListOptions.DEFAULT_PAGE_SIZE;
    }

    /** Where to resume, or null. */
    @Nullable
    String continuationToken();

    /** Whether listed properties carry user metadata (may cost extra requests on some providers). */
    @Value.Default
    default boolean includeMetadata() {
        return false;
    }

    @Value.Check
    default void check() {
        if (pageSize() < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize());
        }
        if (delimiter() != null && delimiter().isEmpty()) {
            throw StorageException.invalidArgument("delimiter", "must not be empty (use null for a flat listing)");
        }
        NameRules.prefix("prefix", prefix(), NameRules.MAX_BLOB_NAME);
        NameRules.prefix("delimiter", delimiter(), NameRules.MAX_BLOB_NAME);
    }

    /** A flat listing of every blob. */
    static ListBlobsOptions defaults() {
        return Defaults.LIST_BLOBS;
    }

    /** A flat listing of the blobs under {@code prefix}. */
    static ListBlobsOptions prefix(String prefix) {
        return defaults().withPrefix(prefix);
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ListBlobsOptions}. */
    final class Builder extends ImmutableListBlobsOptions.Builder {
    }
}
