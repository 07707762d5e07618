package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.table.Filter;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The $filter sent to the service: exact where Azure agrees with the neutral semantics, omitted where not. */
class ODataFiltersTest {

    @Test
    void stringsAreQuotedAndEscaped() {
        assertThat(ODataFilters.serverFilter(Filter.eq("Name", "o'brien")))
                .isEqualTo("Name eq 'o''brien'");
    }

    @Test
    void typedLiteralsUseODataSyntax() {
        Instant t = Instant.parse("2024-01-02T03:04:05.1234567Z");
        UUID g = UUID.fromString("0b6a8f6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(ODataFilters.serverFilter(Filter.ge("T", t))).isEqualTo("T ge datetime'2024-01-02T03:04:05.1234567Z'");
        assertThat(ODataFilters.serverFilter(Filter.eq("G", g))).isEqualTo("G eq guid'" + g + "'");
        assertThat(ODataFilters.serverFilter(Filter.eq("B", new byte[] {0, -1}))).isEqualTo("B eq X'00ff'");
        assertThat(ODataFilters.serverFilter(Filter.eq("Ok", true))).isEqualTo("Ok eq true");
    }

    @Test
    void numericComparisonsAreCheckedLocallyOnly() {
        assertThat(ODataFilters.serverFilter(Filter.gt("N", 5))).isNull();
        assertThat(ODataFilters.serverFilter(Filter.partitionKey("p").and(Filter.gt("N", 5L))))
                .isEqualTo("PartitionKey eq 'p'");
        assertThat(ODataFilters.serverFilter(Filter.partitionKey("p").or(Filter.gt("N", 5.5)))).isNull();
    }

    @Test
    void notIsSentOnlyOverKeys() {
        assertThat(ODataFilters.serverFilter(Filter.partitionKey("p").negate())).isEqualTo("not (PartitionKey eq 'p')");
        assertThat(ODataFilters.serverFilter(Filter.eq("Name", "x").negate())).isNull();
    }

    @Test
    void dateTimesFinerThanAzureKeepsAreLeftToTheLocalCheck() {
        assertThat(ODataFilters.serverFilter(Filter.eq("T", Instant.parse("2024-01-01T00:00:00.123456789Z")))).isNull();
    }

    @Test
    void propertiesReadByAFilterAreCollected() {
        assertThat(ODataFilters.properties(Filter.parse("PartitionKey eq 'p' and (A gt 1 or not (B eq 'x'))")))
                .containsExactly("PartitionKey", "A", "B");
    }
}
