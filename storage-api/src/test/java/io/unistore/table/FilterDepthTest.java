package io.unistore.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Filters nested thousands of levels deep, as text or built in code, are refused with INVALID_ARGUMENT naming
 * the limit instead of running the parser or an evaluator out of stack; long flat chains stay usable.
 */
class FilterDepthTest {
    private static final TableEntity ENTITY = TableEntity.builder("p", "r7").put("Age", 36).build();

    private static void refusedNamingTheLimit(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StorageException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("filter").contains(String.valueOf(Filter.MAX_DEPTH));
        });
    }

    @Test
    void deepTextIsRefused() {
        refusedNamingTheLimit(() -> Filter.parse("(".repeat(3000) + "Age eq 36" + ")".repeat(3000)));
        refusedNamingTheLimit(() -> Filter.parse("not ".repeat(20_000) + "Age eq 36"));
        refusedNamingTheLimit(() -> Filter.parse("not (".repeat(200_000)));
        refusedNamingTheLimit(() -> Filter.parse("not ".repeat(Filter.MAX_DEPTH) + "Age eq 36"));
        assertThat(Filter.parse("not ".repeat(Filter.MAX_DEPTH - 1) + "Age eq 36").test(ENTITY)).isFalse();
    }

    @Test
    void deepFiltersBuiltInCodeAreRefusedBeforeAnyStoreSeesThem() {
        Filter chain = Filter.eq("Age", 0);
        for (int i = 1; i < 5000; i++) {
            chain = chain.or(Filter.eq("Age", i));
        }
        Filter deep = chain;
        refusedNamingTheLimit(() -> TableQuery.where(deep));
        refusedNamingTheLimit(() -> TableQuery.all().withFilter(deep));
    }

    @Test
    void longFlatChainsAreBalancedAndEvaluate() {
        String text = IntStream.range(0, 20_000).mapToObj(i -> "RowKey eq 'r" + i + "'")
                .collect(Collectors.joining(" or "));
        Filter f = Filter.parse(text);
        assertThat(FilterDepth.of(f)).isLessThanOrEqualTo(16);
        assertThat(TableQuery.where(f).filter().test(ENTITY)).isTrue();
        assertThat(f.test(TableEntity.builder("p", "other").build())).isFalse();
        assertThat(Filter.parse(f.toOData())).isEqualTo(f);
    }

    @Test
    void everyFilterAtTheLimitRoundTripsThroughItsText() {
        Filter f = Filter.eq("Age", 36);
        for (int i = 1; i < Filter.MAX_DEPTH; i++) {
            f = f.negate();
        }
        assertThat(FilterDepth.of(f)).isEqualTo(Filter.MAX_DEPTH);
        assertThat(Filter.parse(f.toOData())).isEqualTo(f);
        assertThat(Filter.parse("a eq 1 or b eq 2 or c eq 3"))
                .isEqualTo(Filter.eq("a", 1).or(Filter.eq("b", 2)).or(Filter.eq("c", 3)));
    }
}
