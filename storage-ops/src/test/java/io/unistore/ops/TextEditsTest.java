package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact replacements: in order, unique unless replaceAll, all or nothing. Pure text: no store involved. */
class TextEditsTest {
    private static TextEdits.Edit edit(String oldText, String newText) {
        return new TextEdits.Edit(oldText, newText, false);
    }

    @Test
    void editsApplyInOrderEachToTheResultOfTheOnesBefore() {
        TextEdits.Result r = TextEdits.apply("a\nb\nc\n", List.of(edit("b\n", "B1\nB2\n"), edit("B2\nc", "C")),
                "edits", 1000);
        assertThat(r.text()).isEqualTo("a\nB1\nC\n");
        assertThat(r.edits()).containsExactly(new TextEdits.Applied(0, 1, 2, 1, 2),
                new TextEdits.Applied(1, 1, 3, 2, 1));
    }

    @Test
    void anAbsentOrAmbiguousOldTextIsRefusedByIndex() {
        assertThatThrownBy(() -> TextEdits.apply("x y x", List.of(edit("y", "z"), edit("q", "r")), "edits", 100))
                .isInstanceOf(StorageException.class).hasMessageContaining("edits[1].oldText")
                .hasMessageContaining("not found").hasMessageContaining("edits before it")
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> TextEdits.apply("x\ny\nx", List.of(edit("x", "z")), "edits", 100))
                .hasMessageContaining("edits[0].oldText").hasMessageContaining("occurs 2 times")
                .hasMessageContaining("lines 1 and 3").hasMessageContaining("replaceAll");
        assertThatThrownBy(() -> TextEdits.apply("x", List.of(edit("", "z")), "edits", 100))
                .hasMessageContaining("edits[0].oldText").hasMessageContaining("empty");
        assertThat(TextEdits.apply("x\ny\nx", List.of(new TextEdits.Edit("x", "zz", true)), "edits", 100).text())
                .isEqualTo("zz\ny\nzz");
    }

    @Test
    void anEditThatWouldBlowUpTheContentIsRefusedBeforeBuildingIt() {
        String big = "a".repeat(100_000);
        assertThatThrownBy(() -> TextEdits.apply(big, List.of(new TextEdits.Edit("a", "b".repeat(100_000), true)),
                "edits", 4L << 20)).hasMessageContaining("edits[0].newText").hasMessageContaining("over the limit");
    }

    @Test
    void overlappingOccurrencesCountOnceAndLineCountsFollowLineEnds() {
        assertThat(TextEdits.apply("aaa", List.of(new TextEdits.Edit("aa", "b", true)), "e", 10).text())
                .isEqualTo("ba");
        assertThat(TextEdits.lines("")).isZero();
        assertThat(TextEdits.lines("a")).isEqualTo(1);
        assertThat(TextEdits.lines("a\n")).isEqualTo(1);
        assertThat(TextEdits.lines("a\nb")).isEqualTo(2);
    }
}
