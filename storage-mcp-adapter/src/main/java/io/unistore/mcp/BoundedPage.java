package io.unistore.mcp;

import io.unistore.ErrorCode;
import io.unistore.Page;
import io.unistore.StorageException;
import java.util.function.Function;
import java.util.function.IntFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of a listing or a query that fits the inline limit. A page of up to 1,000 items, each possibly large
 * (an entity of 1 MiB, a blob with 8 KiB of metadata), could otherwise make a result of gigabytes. When the
 * items' JSON is over the limit, the same page is asked again with only as many items as fit: the store then
 * hands back the continuation token that resumes right after them, so the client pages on through the rest.
 */
final class BoundedPage {
    /** Asking again shrinks the page each time; a store that ignores the page size gets this many tries. */
    private static final int ATTEMPTS = 4;

    private BoundedPage() {
    }

    /**
     * Fetches a page.
     *
     * @param pageSize the page size asked for
     * @param maxBytes the most JSON bytes the page's items may add up to
     * @param fetch the store's page for a page size, always from the same continuation token
     * @param shape an item's JSON value in the result, or null for an item the result leaves out
     * @param what what one item is, for the error ("entity")
     * @param hint what to do when one item alone is too large
     * @throws StorageException INVALID_ARGUMENT when the first item alone is over the limit
     */
    static <T> Page<T> fetch(int pageSize, int maxBytes, IntFunction<Page<T>> fetch, Function<T, Object> shape,
                             String what, String hint) {
        int size = pageSize;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Page<T> page = fetch.apply(size);
            long total = 0;
            int fit = 0;
            for (T item : page.items()) {
                Object json = shape.apply(item);
                total += json == null ? 0 : JsonMapper.shared().writeValueAsBytes(json).length;
                if (total > maxBytes) {
                    break;
                }
                fit++;
            }
            if (fit == page.items().size()) {
                return page;
            }
            if (fit == 0) {
                throw StorageException.invalidArgument(what, "one " + what + " alone is " + total + " bytes of JSON, "
                        + "over the inline limit of " + maxBytes + " bytes (--max-inline-bytes); " + hint);
            }
            size = fit;
        }
        throw new StorageException(ErrorCode.INTERNAL, "the store returned more than the page size asked for, so "
                + "the page cannot be cut to the inline limit of " + maxBytes + " bytes");
    }
}
