package io.unistore;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing.
 *
 * @param items the items of this page, in the store's order
 * @param continuationToken an opaque token that fetches the next page, or null on the last page
 */
public record Page<T>(List<T> items, String continuationToken) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return continuationToken != null;
    }

    /** A page with nothing after it. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }
}
