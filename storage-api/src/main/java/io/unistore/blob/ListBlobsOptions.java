package io.unistore.blob;

import io.unistore.ListOptions;
import io.unistore.StorageException;
import io.unistore.spi.NameRules;

/**
 * Options of {@link BlobStore#list}.
 *
 * @param prefix only blobs whose names start with this, or null
 * @param delimiter group names at this delimiter into {@linkplain BlobItem#prefix() prefixes} (usually "/"),
 *                  or null for a flat listing
 * @param pageSize the page size asked (a hint)
 * @param continuationToken where to resume, or null
 * @param includeMetadata whether listed properties carry user metadata (may cost extra requests on some
 *                        providers)
 */
public record ListBlobsOptions(String prefix, String delimiter, int pageSize, String continuationToken,
                               boolean includeMetadata) {

    public ListBlobsOptions {
        if (pageSize < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize);
        }
        if (delimiter != null && delimiter.isEmpty()) {
            throw StorageException.invalidArgument("delimiter", "must not be empty (use null for a flat listing)");
        }
        NameRules.prefix("prefix", prefix, NameRules.MAX_BLOB_NAME);
        NameRules.prefix("delimiter", delimiter, NameRules.MAX_BLOB_NAME);
    }

    /** A flat listing of every blob. */
    public static ListBlobsOptions all() {
        return new ListBlobsOptions(null, null, ListOptions.DEFAULT_PAGE_SIZE, null, false);
    }

    /** A flat listing of the blobs under {@code prefix}. */
    public static ListBlobsOptions prefix(String prefix) {
        return all().withPrefix(prefix);
    }

    public ListBlobsOptions withPrefix(String value) {
        return new ListBlobsOptions(value, delimiter, pageSize, continuationToken, includeMetadata);
    }

    public ListBlobsOptions withDelimiter(String value) {
        return new ListBlobsOptions(prefix, value, pageSize, continuationToken, includeMetadata);
    }

    public ListBlobsOptions withPageSize(int value) {
        return new ListBlobsOptions(prefix, delimiter, value, continuationToken, includeMetadata);
    }

    public ListBlobsOptions withContinuationToken(String value) {
        return new ListBlobsOptions(prefix, delimiter, pageSize, value, includeMetadata);
    }

    public ListBlobsOptions withIncludeMetadata(boolean value) {
        return new ListBlobsOptions(prefix, delimiter, pageSize, continuationToken, value);
    }
}
