package io.unistore.file;

import io.unistore.ListOptions;
import io.unistore.Nullable;
import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import io.unistore.spi.NameRules;
import org.immutables.value.Value;

/** Options of {@link FileStore#list}. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface ListFilesOptions extends WithListFilesOptions {

    /** Only entries whose names start with this, or null. */
    @Nullable
    String prefix();

    /** List the whole tree under the directory in path order, not just its children. */
    @Value.Default
    default boolean recursive() {
        return false;
    }

    /** The page size asked (a hint; at most the account's max page size). */
    @Value.Default
    default int pageSize() {
        return ListOptions.DEFAULT_PAGE_SIZE;
    }

    /** Where to resume, or null. */
    @Nullable
    String continuationToken();

    @Value.Check
    default void check() {
        if (pageSize() < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize());
        }
        NameRules.prefix("prefix", prefix(), NameRules.MAX_FILE_PATH);
    }

    /** The directory's children, in default pages. */
    static ListFilesOptions defaults() {
        return Defaults.LIST;
    }

    /** The whole tree under the directory. */
    static ListFilesOptions recursively() {
        return defaults().withRecursive(true);
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ListFilesOptions}. */
    final class Builder extends ImmutableListFilesOptions.Builder {
    }
}
