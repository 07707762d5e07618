package io.unistore;

import io.unistore.spi.NameRules;

/**
 * Options of a simple listing (containers, tables, queues, shares, versions).
 *
 * @param prefix only names starting with this, or null for all
 * @param pageSize the page size asked of the provider (a hint; at most the account's max page size)
 * @param continuationToken where to resume, from a previous {@link Page}, or null to start
 */
public record ListOptions(String prefix, int pageSize, String continuationToken) {

    /**
     * The page size when none is given: the largest page every cloud serves (S3, GCS and Azure Tables stop at
     * 1000), so walking a listing costs as few requests as the raw SDKs' defaults.
     */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public ListOptions {
        if (pageSize < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize);
        }
        NameRules.prefix("prefix", prefix, NameRules.MAX_BLOB_NAME);
    }

    /** Everything, in default pages. */
    public static ListOptions all() {
        return new ListOptions(null, DEFAULT_PAGE_SIZE, null);
    }

    /** Names starting with {@code prefix}, in default pages. */
    public static ListOptions prefix(String prefix) {
        return new ListOptions(prefix, DEFAULT_PAGE_SIZE, null);
    }

    public ListOptions withPrefix(String value) {
        return new ListOptions(value, pageSize, continuationToken);
    }

    public ListOptions withPageSize(int value) {
        return new ListOptions(prefix, value, continuationToken);
    }

    public ListOptions withContinuationToken(String value) {
        return new ListOptions(prefix, pageSize, value);
    }
}
