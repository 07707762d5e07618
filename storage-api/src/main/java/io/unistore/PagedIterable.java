package io.unistore;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing that fetches pages lazily. Iterate it (or {@link #stream()} it) to walk every item across
 * pages, or use {@link #firstPage()} / {@link #byPage()} to see the pages and their opaque continuation
 * tokens. Nothing is fetched until iteration starts; every iteration starts again from the initial token.
 */
public final class PagedIterable<T> implements Iterable<T> {

    /** Fetches one page; implemented by providers. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        /**
         * @param continuationToken the token from the previous page, or null for the first page
         * @param pageSize a hint: the page may hold fewer items, never more
         */
        Page<T> fetch(String continuationToken, int pageSize);
    }

    private final PageFetcher<T> fetcher;
    private final String startToken;
    private final int pageSize;
    private final long limit;

    private PagedIterable(PageFetcher<T> fetcher, String startToken, int pageSize, long limit) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.startToken = startToken;
        this.pageSize = pageSize;
        this.limit = limit;
    }

    /**
     * A listing starting at {@code startToken} (null for the beginning) asking for pages of {@code pageSize}.
     */
    public static <T> PagedIterable<T> of(PageFetcher<T> fetcher, String startToken, int pageSize) {
        if (pageSize < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize);
        }
        return new PagedIterable<>(fetcher, startToken, pageSize, Long.MAX_VALUE);
    }

    /** The page size asked of the provider. */
    public int pageSize() {
        return pageSize;
    }

    /** The same listing stopping after {@code max} items in total. */
    public PagedIterable<T> limit(long max) {
        if (max < 0) {
            throw StorageException.invalidArgument("limit", "must not be negative, was " + max);
        }
        return new PagedIterable<>(fetcher, startToken, pageSize, Math.min(limit, max));
    }

    /** The same listing with each item mapped; tokens are unchanged. */
    public <R> PagedIterable<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        PageFetcher<R> mapped = (token, size) -> {
            Page<T> page = fetcher.fetch(token, size);
            return new Page<>(page.items().stream().<R>map(mapper).toList(), page.continuationToken());
        };
        return new PagedIterable<>(mapped, startToken, pageSize, limit);
    }

    /**
     * The same listing with every page fetch passed through {@code around} (which calls the supplier it is
     * given); layers use it to translate errors or time fetches.
     */
    public PagedIterable<T> aroundFetch(Function<java.util.function.Supplier<Page<T>>, Page<T>> around) {
        Objects.requireNonNull(around, "around");
        PageFetcher<T> wrapped = (token, size) -> around.apply(() -> fetcher.fetch(token, size));
        return new PagedIterable<>(wrapped, startToken, pageSize, limit);
    }

    /** Fetches just the first page (one request). Its token resumes the listing later. */
    public Page<T> firstPage() {
        Page<T> page = fetcher.fetch(startToken, (int) Math.min(pageSize, limit));
        if (page.items().size() > limit) {
            return new Page<>(page.items().subList(0, (int) limit), page.continuationToken());
        }
        return page;
    }

    /** The pages, fetched lazily one after another. */
    public Iterable<Page<T>> byPage() {
        return () -> new Iterator<>() {
            private String token = startToken;
            private boolean done = limit == 0;
            private long remaining = limit;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Page<T> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                Page<T> page = fetcher.fetch(token, (int) Math.min(pageSize, remaining));
                if (page.items().size() >= remaining) {
                    page = new Page<>(page.items().subList(0, (int) remaining), page.continuationToken());
                    done = true;
                }
                remaining -= page.items().size();
                token = page.continuationToken();
                if (token == null) {
                    done = true;
                }
                return page;
            }
        };
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = byPage().iterator();
        return new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Every item, fetched page by page as the stream is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
