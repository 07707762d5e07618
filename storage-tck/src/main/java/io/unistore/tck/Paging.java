package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.Page;
import io.unistore.PagedIterable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a listing in every way a caller can page through it, so each contract tests paging the same way for
 * every list call.
 */
public final class Paging {
    private Paging() {
    }

    /** A list call, started at a continuation token (null for the beginning) with a page size. */
    @FunctionalInterface
    public interface Listing<T> {
        PagedIterable<T> list(String continuationToken, int pageSize);
    }

    /**
     * Asserts that the listing yields exactly {@code expected} (in that order) when iterated, streamed, walked
     * page by page, and resumed page after page through continuation tokens passed back into new calls; that no
     * page holds more than {@code pageSize} items; and that it really took several pages when there are more
     * items than one page holds.
     *
     * @param key what identifies an item (its name, its keys)
     */
    public static <T, K> void assertListsExactly(String what, Listing<T> listing, Function<T, K> key, int pageSize,
                                                 List<K> expected) {
        List<K> iterated = new ArrayList<>();
        for (T item : listing.list(null, pageSize)) {
            iterated.add(key.apply(item));
        }
        assertThat(iterated).as("%s, iterated", what).containsExactlyElementsOf(expected);

        assertThat(listing.list(null, pageSize).stream().map(key).toList()).as("%s, streamed", what)
                .containsExactlyElementsOf(expected);

        List<K> byPage = new ArrayList<>();
        int pages = 0;
        for (Page<T> page : listing.list(null, pageSize).byPage()) {
            assertThat(page.items()).as("%s, page %d", what, pages).hasSizeLessThanOrEqualTo(pageSize);
            page.items().forEach(item -> byPage.add(key.apply(item)));
            pages++;
        }
        assertThat(byPage).as("%s, page by page", what).containsExactlyElementsOf(expected);
        int minimumPages = Math.max(1, (expected.size() + pageSize - 1) / pageSize);
        assertThat(pages).as("%s, pages of %d for %d items", what, pageSize, expected.size())
                .isGreaterThanOrEqualTo(minimumPages);

        List<K> resumed = new ArrayList<>();
        String token = null;
        int calls = 0;
        // A service may return short or even empty pages, never an endless chain: bound the walk generously.
        int maxCalls = 4 * expected.size() + 8;
        do {
            Page<T> page = listing.list(token, pageSize).firstPage();
            assertThat(page.items()).as("%s, resumed page %d", what, calls).hasSizeLessThanOrEqualTo(pageSize);
            page.items().forEach(item -> resumed.add(key.apply(item)));
            token = page.continuationToken();
            calls++;
            assertThat(calls).as("%s: pages keep coming after %d calls", what, calls).isLessThanOrEqualTo(maxCalls);
        } while (token != null);
        assertThat(resumed).as("%s, resumed through continuation tokens", what).containsExactlyElementsOf(expected);
        assertThat(calls).as("%s, calls", what).isGreaterThanOrEqualTo(minimumPages);
    }
}
