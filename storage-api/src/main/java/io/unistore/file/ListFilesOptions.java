package io.unistore.file;

import io.unistore.ListOptions;
import io.unistore.StorageException;
import io.unistore.spi.NameRules;

/**
 * Options of {@link FileStore#list}.
 *
 * @param prefix only entries whose names start with this, or null
 * @param recursive list the whole tree under the directory in path order, not just its children
 * @param pageSize the page size asked (a hint)
 * @param continuationToken where to resume, or null
 */
public record ListFilesOptions(String prefix, boolean recursive, int pageSize, String continuationToken) {

    public ListFilesOptions {
        if (pageSize < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize);
        }
        NameRules.prefix("prefix", prefix, NameRules.MAX_FILE_PATH);
    }

    /** The directory's children, in default pages. */
    public static ListFilesOptions children() {
        return new ListFilesOptions(null, false, ListOptions.DEFAULT_PAGE_SIZE, null);
    }

    /** The whole tree under the directory. */
    public static ListFilesOptions recursively() {
        return new ListFilesOptions(null, true, ListOptions.DEFAULT_PAGE_SIZE, null);
    }

    public ListFilesOptions withPrefix(String v) {
        return new ListFilesOptions(v, recursive, pageSize, continuationToken);
    }

    public ListFilesOptions withRecursive(boolean v) {
        return new ListFilesOptions(prefix, v, pageSize, continuationToken);
    }

    public ListFilesOptions withPageSize(int v) {
        return new ListFilesOptions(prefix, recursive, v, continuationToken);
    }

    public ListFilesOptions withContinuationToken(String v) {
        return new ListFilesOptions(prefix, recursive, pageSize, v);
    }
}
