package io.unistore.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilterSemanticsTest {
    private final TableEntity e = TableEntity.builder("p1", "r5")
            .put("I", 30).put("L", 30L).put("D", 30.5).put("S", "b").put("Emoji", "😀").put("B", true)
            .put("T", Instant.parse("2026-01-01T00:00:00Z"))
            .put("X", new byte[] {(byte) 0x80}).put("G", UUID.fromString("00000000-0000-4000-8000-000000000001"))
            .timestamp(Instant.parse("2026-06-01T00:00:00Z"))
            .build();

    private boolean test(String filter) {
        return Filter.parse(filter).test(e);
    }

    @Test
    void systemPropertiesAreComparable() {
        assertThat(test("PartitionKey eq 'p1' and RowKey ge 'r1' and RowKey lt 'r6'")).isTrue();
        assertThat(test("Timestamp gt datetime'2026-05-01T00:00:00Z'")).isTrue();
        assertThat(test("Timestamp lt datetime'2026-05-01T00:00:00Z'")).isFalse();
    }

    @Test
    void aMissingPropertyIsFalseForEveryOperatorButItsNegation() {
        assertThat(test("Missing eq 1")).isFalse();
        assertThat(test("Missing ne 1")).isFalse();
        assertThat(test("not (Missing eq 1)")).isTrue();
    }

    @Test
    void differentTypesDoNotCompareExceptNumbers() {
        assertThat(test("S eq 30")).isFalse();
        assertThat(test("S ne 30")).isFalse();
        assertThat(test("B eq 'true'")).isFalse();
        assertThat(test("I eq 30L")).isTrue();
        assertThat(test("L eq 30")).isTrue();
        assertThat(test("D gt 30")).isTrue();
        assertThat(test("I lt 30.5")).isTrue();
    }

    @Test
    void stringsCompareOrdinallyAndBinaryUnsigned() {
        assertThat(test("S gt 'a' and S lt 'c'")).isTrue();
        assertThat(test("S gt 'B'")).as("lowercase sorts after uppercase").isTrue();
        assertThat(test("Emoji lt '\uffff'")).as("UTF-16 code units: a surrogate pair sorts below U+FFFF").isTrue();
        assertThat(test("Emoji gt '\u65e5'")).as("and above U+65E5").isTrue();
        assertThat(test("X gt X'7f'")).as("0x80 is 128, not -128").isTrue();
        assertThat(test("G eq guid'00000000-0000-4000-8000-000000000001'")).isTrue();
        assertThat(test("T ge datetime'2026-01-01T00:00:00Z' and T lt datetime'2026-01-01T00:00:00.0000001Z'")).isTrue();
    }
}
