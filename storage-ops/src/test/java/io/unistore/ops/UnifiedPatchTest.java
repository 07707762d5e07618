package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Unified diffs: checked, placed (with an offset where the lines moved) and applied all or nothing. */
class UnifiedPatchTest {
    private static final String TEXT = IntStream.rangeClosed(1, 20).mapToObj(i -> "l" + i)
            .collect(Collectors.joining("\n", "", "\n"));

    @Test
    void hunksApplyAndSayWhatTheyChanged() {
        String diff = "--- a/x.txt\n+++ b/x.txt\n@@ -2,3 +2,3 @@\n l2\n-l3\n+L3\n l4\n@@ -10,3 +10,4 @@\n l10\n l11\n"
                + "+new\n l12\n";
        UnifiedPatch.Result r = UnifiedPatch.apply(TEXT, diff, "patch");
        assertThat(r.text()).startsWith("l1\nl2\nL3\nl4\n").contains("l11\nnew\nl12\n").endsWith("l20\n");
        assertThat(r.hunks()).extracting(UnifiedPatch.Hunk::linesRemoved, UnifiedPatch.Hunk::linesAdded,
                UnifiedPatch.Hunk::offset).containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, 0),
                org.assertj.core.groups.Tuple.tuple(0, 1, 0));
    }

    @Test
    void aHunkWhoseLinesMovedAppliesWithItsOffsetAndCrlfIsKept() {
        UnifiedPatch.Result r = UnifiedPatch.apply(TEXT, "@@ -7,3 +7,3 @@\n l2\n-l3\n+L3\n l4\n", "patch");
        assertThat(r.text()).startsWith("l1\nl2\nL3\nl4\n");
        assertThat(r.hunks().get(0).offset()).isEqualTo(-5);
        assertThat(UnifiedPatch.apply("a\r\nb\r\nc", "@@ -2 +2 @@\n-b\n+B\n", "patch").text())
                .isEqualTo("a\r\nB\r\nc");
    }

    @Test
    void aStaleHunkIsRefusedByNumberAndHeaderAndNothingApplies() {
        String diff = "@@ -2,3 +2,3 @@\n l2\n-l3\n+L3\n l4\n@@ -10,2 +10,2 @@\n l10\n-gone\n+x\n";
        assertThatThrownBy(() -> UnifiedPatch.apply(TEXT, diff, "patch"))
                .isInstanceOf(StorageException.class).hasMessageContaining("hunk 2 (@@ -10,2 +10,2 @@)")
                .hasMessageContaining("line 11 is 'l11'").hasMessageContaining("expects 'gone'")
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void malformedDiffsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> UnifiedPatch.apply(TEXT, "", "patch")).hasMessageContaining("patch")
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> UnifiedPatch.apply(TEXT, "just text", "patch")).hasMessageContaining("no hunk");
        assertThatThrownBy(() -> UnifiedPatch.apply(TEXT, "@@ -2,3 +2,3 @@\n l2\ngarbage\n+L3\n l4\n", "patch"))
                .hasMessageContaining("hunk 1").hasMessageContaining("'garbage'");
        assertThatThrownBy(() -> UnifiedPatch.apply(TEXT, "@@ -2,3 +2,3 @@\n l2\n", "patch"))
                .hasMessageContaining("ends early");
        assertThatThrownBy(() -> UnifiedPatch.apply(TEXT, "@@ -99999999999,1 +1 @@\n-x\n+y\n", "patch"))
                .hasMessageContaining("not a hunk header");
        assertThatThrownBy(() -> UnifiedPatch.apply(TEXT, "+++ b/a\n@@ -1 +1 @@\n-l1\n+x\n+++ b/c\n@@ -1 +1 @@\n"
                + "-l1\n+y\n", "patch")).hasMessageContaining("more than one file");
    }

    @Test
    void insertionsIntoEmptyTextAndDeletionsOfEverythingWork() {
        assertThat(UnifiedPatch.apply("", "@@ -0,0 +1,2 @@\n+a\n+b\n", "patch").text()).isEqualTo("a\nb\n");
        assertThat(UnifiedPatch.apply("a\nb\n", "@@ -1,2 +0,0 @@\n-a\n-b\n", "patch").text()).isEmpty();
    }
}
