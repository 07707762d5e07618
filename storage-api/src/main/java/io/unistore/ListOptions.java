package io.unistore;

import io.unistore.internal.OptionsStyle;
import io.unistore.spi.NameRules;
import org.immutables.value.Value;

/**
 * Options of a simple listing (containers, tables, queues, shares, versions). Immutable; start from
 * {@link #defaults()} or {@link #builder()} and change fields with the {@code with*} methods.
 */
@Value.Immutable
@OptionsStyle
public interface ListOptions extends WithListOptions {

    /**
     * The page size when none is given: the largest page every cloud serves (S3, GCS and Azure Tables stop at
     * 1000), so walking a listing costs as few requests as the raw SDKs' defaults.
     */
    int DEFAULT_PAGE_SIZE = 1000;

    /** Only names starting with this, or null for all. */
    @Nullable
    String prefix();

    /** The page size asked of the provider (a hint; at most the account's max page size). */
    @Value.Default
    default int pageSize() {
        return DEFAULT_PAGE_SIZE;
    }

    /** Where to resume, from a previous {@link Page}, or null to start. */
    @Nullable
    String continuationToken();

    @Value.Check
    default void check() {
        if (pageSize() < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize());
        }
        NameRules.prefix("prefix", prefix(), NameRules.MAX_BLOB_NAME);
    }

    /** Everything, in default pages. */
    static ListOptions defaults() {
        return Defaults.LIST;
    }

    /** Names starting with {@code prefix}, in default pages. */
    static ListOptions prefix(String prefix) {
        return defaults().withPrefix(prefix);
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ListOptions}. */
    final class Builder extends ImmutableListOptions.Builder {
    }
}
