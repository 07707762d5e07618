package io.unistore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedIterableTest {
    /** Serves 0..total-1 in pages; the token is the next index as text. */
    private static PagedIterable.PageFetcher<Integer> numbers(int total, AtomicInteger fetches) {
        return (token, size) -> {
            fetches.incrementAndGet();
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(total, from + size);
            List<Integer> items = IntStream.range(from, to).boxed().toList();
            return new Page<>(items, to < total ? Integer.toString(to) : null);
        };
    }

    @Test
    void iteratesEveryItemAcrossPagesLazily() {
        AtomicInteger fetches = new AtomicInteger();
        PagedIterable<Integer> it = PagedIterable.of(numbers(25, fetches), null, 10);
        assertThat(fetches).hasValue(0);
        assertThat(it.stream().toList()).isEqualTo(IntStream.range(0, 25).boxed().toList());
        assertThat(fetches).hasValue(3);
        assertThat(it).hasSize(25);
    }

    @Test
    void byPageExposesTokensAndResumes() {
        PagedIterable<Integer> it = PagedIterable.of(numbers(25, new AtomicInteger()), null, 10);
        List<Page<Integer>> pages = new ArrayList<>();
        it.byPage().forEach(pages::add);
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 10, 5);
        assertThat(pages.get(2).hasMore()).isFalse();

        Page<Integer> first = it.firstPage();
        assertThat(first.items()).hasSize(10);
        PagedIterable<Integer> resumed = PagedIterable.of(numbers(25, new AtomicInteger()), first.continuationToken(), 10);
        assertThat(resumed.stream().findFirst()).contains(10);
    }

    @Test
    void limitStopsWithoutFetchingMore() {
        AtomicInteger fetches = new AtomicInteger();
        PagedIterable<Integer> it = PagedIterable.of(numbers(100, fetches), null, 10).limit(15);
        assertThat(it.stream().toList()).hasSize(15).endsWith(14);
        assertThat(fetches).hasValue(2);
        assertThat(PagedIterable.of(numbers(100, new AtomicInteger()), null, 10).limit(0)).isEmpty();
        assertThat(PagedIterable.of(numbers(100, new AtomicInteger()), null, 10).limit(3).firstPage().items())
                .containsExactly(0, 1, 2);
    }

    @Test
    void emptyPagesWithTokensAreSkipped() {
        PagedIterable.PageFetcher<Integer> gappy = (token, size) -> switch (token == null ? "" : token) {
            case "" -> new Page<>(List.of(), "a");
            case "a" -> new Page<>(List.of(1), "b");
            case "b" -> new Page<>(List.of(), "c");
            default -> Page.last(List.of(2));
        };
        assertThat(PagedIterable.of(gappy, null, 5)).containsExactly(1, 2);
    }

    @Test
    void mapAndAroundFetchWrapEveryPage() {
        AtomicInteger around = new AtomicInteger();
        PagedIterable<String> it = PagedIterable.of(numbers(5, new AtomicInteger()), null, 2).map(i -> "n" + i)
                .aroundFetch(fetch -> {
                    around.incrementAndGet();
                    return fetch.get();
                });
        assertThat(it).containsExactly("n0", "n1", "n2", "n3", "n4");
        assertThat(around).hasValue(3);
    }

    @Test
    void badPageSizesAreRefused() {
        assertThatThrownBy(() -> PagedIterable.of(numbers(1, new AtomicInteger()), null, 0))
                .isInstanceOf(StorageException.class).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> ListOptions.defaults().withPageSize(0)).hasMessageContaining("pageSize");
    }

    @Test
    void everyIterationStartsAgainFromTheStartToken() {
        AtomicInteger fetches = new AtomicInteger();
        PagedIterable<Integer> it = PagedIterable.of(numbers(25, fetches), "20", 10);
        assertThat(it).containsExactly(20, 21, 22, 23, 24);
        assertThat(it).containsExactly(20, 21, 22, 23, 24);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void thePageSizeAskedNeverExceedsWhatTheLimitStillNeeds() {
        List<Integer> asked = new ArrayList<>();
        PagedIterable<Integer> it = PagedIterable.of((token, size) -> {
            asked.add(size);
            return numbers(100, new AtomicInteger()).fetch(token, size);
        }, null, 10).limit(25);
        assertThat(it.stream().count()).isEqualTo(25);
        assertThat(asked).containsExactly(10, 10, 5);
        assertThat(it.pageSize()).isEqualTo(10);
    }

    @Test
    void aPageLargerThanAskedIsCutToTheLimit() {
        PagedIterable<Integer> generous = PagedIterable.of((token, size) -> new Page<>(List.of(1, 2, 3, 4), "more"),
                null, 2).limit(3);
        assertThat(generous).containsExactly(1, 2, 3);
        assertThat(generous.firstPage().items()).containsExactly(1, 2, 3);
    }
}
