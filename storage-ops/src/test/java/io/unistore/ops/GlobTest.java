package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Glob matching of '/'-separated names (pure string logic). */
class GlobTest {

    @Test
    void starsQuestionMarksClassesAndAlternatives() {
        assertThat(Glob.of("*.csv", "g").matches("a/b/c.csv")).isTrue();
        assertThat(Glob.of("*.csv", "g").matches("a/b/c.csv.gz")).isFalse();
        assertThat(Glob.of("logs/*.txt", "g").matches("logs/a.txt")).isTrue();
        assertThat(Glob.of("logs/*.txt", "g").matches("logs/2024/a.txt")).isFalse();
        assertThat(Glob.of("logs/**/*.txt", "g").matches("logs/2024/01/a.txt")).isTrue();
        assertThat(Glob.of("logs/**/*.txt", "g").matches("logs/a.txt")).isTrue();
        assertThat(Glob.of("**", "g").matches("any/thing")).isTrue();
        assertThat(Glob.of("report-?.{csv,json}", "g").matches("x/report-1.json")).isTrue();
        assertThat(Glob.of("report-?.{csv,json}", "g").matches("x/report-12.json")).isFalse();
        assertThat(Glob.of("[!a]*", "g").matches("b.txt")).isTrue();
        assertThat(Glob.of("[!a]*", "g").matches("a.txt")).isFalse();
        assertThat(Glob.of("a.b(c)+$", "g").matches("a.b(c)+$")).isTrue();
        assertThat(Glob.of("a.b", "g").matches("axb")).isFalse();
    }

    @Test
    void includeAndExcludeCombine() {
        List<Glob> in = Glob.all(List.of("*.csv", "*.json"), "include");
        List<Glob> out = Glob.all(List.of("tmp/**"), "exclude");
        assertThat(Glob.selects(in, out, "data/a.csv")).isTrue();
        assertThat(Glob.selects(in, out, "tmp/a.csv")).isFalse();
        assertThat(Glob.selects(List.of(), out, "x.bin")).isTrue();
    }

    @Test
    void badGlobsNameTheField() {
        assertThatThrownBy(() -> Glob.of("{a,b", "include")).hasMessageContaining("include");
        assertThatThrownBy(() -> Glob.of("a}", "include")).hasMessageContaining("include");
        assertThatThrownBy(() -> Glob.of("[ab", "exclude")).hasMessageContaining("exclude");
        assertThatThrownBy(() -> Glob.of("", "include")).hasMessageContaining("include");
        assertThatThrownBy(() -> Glob.of("x".repeat(2000), "include")).hasMessageContaining("1024");
    }
}
