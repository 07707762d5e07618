package io.unistore.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    @Test
    void parsesEveryLiteralType() {
        assertThat(Filter.parse("Name eq 'it''s'")).isEqualTo(Filter.eq("Name", "it's"));
        assertThat(Filter.parse("Age gt 30")).isEqualTo(Filter.gt("Age", 30));
        assertThat(Filter.parse("Big ge 30L")).isEqualTo(Filter.ge("Big", 30L));
        assertThat(Filter.parse("Huge lt 5000000000")).isEqualTo(Filter.lt("Huge", 5_000_000_000L));
        assertThat(Filter.parse("Neg eq -7")).isEqualTo(Filter.eq("Neg", -7));
        assertThat(Filter.parse("Score le 2.5")).isEqualTo(Filter.le("Score", 2.5));
        assertThat(Filter.parse("Score le 1e3")).isEqualTo(Filter.le("Score", 1000.0));
        assertThat(Filter.parse("Score le 2D")).isEqualTo(Filter.le("Score", 2.0));
        assertThat(Filter.parse("Active eq true")).isEqualTo(Filter.eq("Active", true));
        assertThat(Filter.parse("Active ne FALSE")).isEqualTo(Filter.ne("Active", false));
        assertThat(Filter.parse("When ge datetime'2026-01-02T03:04:05.1234567Z'"))
                .isEqualTo(Filter.ge("When", Instant.parse("2026-01-02T03:04:05.1234567Z")));
        assertThat(Filter.parse("When ge datetime'2026-01-02T03:04:05+02:00'"))
                .isEqualTo(Filter.ge("When", Instant.parse("2026-01-02T01:04:05Z")));
        UUID id = UUID.fromString("0b6a8f6e-6d1a-4c2b-9f4e-123456789abc");
        assertThat(Filter.parse("Id eq guid'" + id + "'")).isEqualTo(Filter.eq("Id", id));
        assertThat(Filter.parse("Raw eq X'0aff'")).isEqualTo(Filter.eq("Raw", new byte[] {0x0a, (byte) 0xff}));
        assertThat(Filter.parse("Raw eq binary'0AFF'")).isEqualTo(Filter.eq("Raw", new byte[] {0x0a, (byte) 0xff}));
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        Filter f = Filter.parse("A eq 1 or B eq 2 and not C eq 3");
        assertThat(f).isEqualTo(Filter.eq("A", 1).or(Filter.eq("B", 2).and(Filter.eq("C", 3).negate())));
        Filter g = Filter.parse("(A eq 1 or B eq 2) and C eq 3");
        assertThat(g).isEqualTo(Filter.eq("A", 1).or(Filter.eq("B", 2)).and(Filter.eq("C", 3)));
        assertThat(Filter.parse("not(A eq 1)")).isEqualTo(Filter.eq("A", 1).negate());
        assertThat(Filter.parse("NOT A EQ 1 AND B Ge 2")).isEqualTo(Filter.eq("A", 1).negate().and(Filter.ge("B", 2)));
        assertThat(Filter.parse("A eq 1 AND B eq 2 Or C eq 3"))
                .isEqualTo(Filter.eq("A", 1).and(Filter.eq("B", 2)).or(Filter.eq("C", 3)));
    }

    @Test
    void aLiteralOnTheLeftIsSwapped() {
        assertThat(Filter.parse("30 lt Age")).isEqualTo(Filter.gt("Age", 30));
        assertThat(Filter.parse("'p1' eq PartitionKey")).isEqualTo(Filter.partitionKey("p1"));
    }

    @Test
    void propertyNamesThatStartWithKeywordsAreNames() {
        assertThat(Filter.parse("notes eq 'x' and order eq 1 and android eq true"))
                .isEqualTo(Filter.eq("notes", "x").and(Filter.eq("order", 1)).and(Filter.eq("android", true)));
    }

    @Test
    void toODataParsesBackToAnEqualFilter() {
        List<Filter> filters = List.of(
                Filter.eq("S", "quote ' and \" and unicode 😀"),
                Filter.gt("I", Integer.MIN_VALUE),
                Filter.le("L", Long.MAX_VALUE),
                Filter.ne("D", 0.1),
                Filter.lt("D2", 1e300),
                Filter.eq("D3", 3.0),
                Filter.eq("B", true),
                Filter.ge("T", Instant.parse("1999-12-31T23:59:59.9999999Z")),
                Filter.eq("G", UUID.randomUUID()),
                Filter.eq("X", new byte[] {0, 1, 2, (byte) 255}),
                Filter.eq("A", 1).and(Filter.eq("B", 2).or(Filter.eq("C", 3).negate())));
        for (Filter f : filters) {
            assertThat(Filter.parse(f.toOData())).as(f.toOData()).isEqualTo(f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Age", "Age gt", "Age gt 30 and", "(Age gt 30", "Age gt 30)", "Age xx 30",
            "Age gt 'unterminated", "A eq B", "30 eq 40", "Id eq guid'not-a-guid'", "T eq datetime'yesterday'",
            "R eq X'zz'", "R eq foo'1'", "1bad eq 1", "and eq 1", "Age gt 1.2.3"})
    void malformedFiltersAreRejectedNamingTheFilter(String text) {
        assertThatThrownBy(() -> Filter.parse(text)).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith("filter:");
    }

    @Test
    void errorsSayWhereTheProblemIs() {
        assertThatThrownBy(() -> Filter.parse("Age gt 30 and Name zz 'x'"))
                .hasMessageContaining("comparison operator").hasMessageContaining("position 20");
    }

    @Test
    void nonFiniteDoublesAndUnsupportedTypesAreRefused() {
        assertThatThrownBy(() -> Filter.eq("D", Double.NaN)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> Filter.eq("D", new Object())).isInstanceOf(StorageException.class)
                .hasMessageContaining("D");
        assertThatThrownBy(() -> Filter.eq("has space", 1)).isInstanceOf(StorageException.class);
    }
}
