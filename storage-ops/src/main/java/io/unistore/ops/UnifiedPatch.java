package io.unistore.ops;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.patch.VerifyChunk;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff (as {@code diff -u} and {@code git diff} write it) applied to one text. Parsing and applying are
 * java-diff-utils'; this class checks the diff first (each hunk's line counts against its header, one file only),
 * so a malformed or stale hunk is refused by number and header and nothing is applied. A hunk whose context is
 * not at the line its header states is looked for elsewhere, nearest first, as {@code patch} does (its offset is
 * reported); without fuzz: every context and removed line must match exactly.
 */
public final class UnifiedPatch {
    private static final Pattern HEADER = Pattern.compile("^@@ -(\\d{1,9})(?:,(\\d{1,9}))? \\+(\\d{1,9})(?:,(\\d{1,9}))? @@.*");

    private UnifiedPatch() {
    }

    /**
     * What one hunk did.
     *
     * @param header the hunk's {@code @@ ... @@} line
     * @param offset lines between where the header put the hunk and where it applied (0: where stated)
     */
    public record Hunk(String header, int offset, int linesRemoved, int linesAdded) {
    }

    /** The patched text and its hunks. */
    public record Result(String text, List<Hunk> hunks) {
        public Result {
            hunks = List.copyOf(hunks);
        }
    }

    /**
     * Applies {@code diff} to {@code text}. Line ends follow the text's (CRLF if it has any, else LF), and whether
     * it ends with one is kept.
     *
     * @param field the argument holding the diff, named in errors
     * @throws StorageException INVALID_ARGUMENT for a malformed diff or one of several files; CONFLICT naming the
     *         first hunk that does not apply
     */
    public static Result apply(String text, String diff, String field) {
        List<String> hunkHeaders = new ArrayList<>();
        List<String> normalized = check(diff, field, hunkHeaders);
        Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(normalized);
        List<AbstractDelta<String>> deltas = patch.getDeltas();
        if (deltas.size() != hunkHeaders.size()) {
            throw StorageException.invalidArgument(field, "could not read its hunks (" + hunkHeaders.size()
                    + " headers, " + deltas.size() + " hunks read)");
        }
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        boolean endsWithEol = text.endsWith(eol) || text.isEmpty();
        List<String> lines = new ArrayList<>(Arrays.asList(text.split(Pattern.quote(eol), -1)));
        if (endsWithEol) {
            lines.remove(lines.size() - 1);
        }
        Patch<String> placed = new Patch<>();
        List<Hunk> hunks = new ArrayList<>();
        int minPosition = 0;
        for (int i = 0; i < deltas.size(); i++) {
            AbstractDelta<String> d = deltas.get(i);
            int at = place(d.getSource(), lines, minPosition);
            if (at < 0) {
                throw new StorageException(ErrorCode.CONFLICT, field + ": hunk " + (i + 1) + " (" + hunkHeaders.get(i)
                        + ") does not apply: " + mismatch(d.getSource(), lines) + "; nothing was written. Read the "
                        + "content again and make the diff from it");
            }
            int offset = at - d.getSource().getPosition();
            placed.addDelta(d.withChunks(new Chunk<>(at, d.getSource().getLines()),
                    new Chunk<>(d.getTarget().getPosition() + offset, d.getTarget().getLines())));
            minPosition = at + d.getSource().size();
            hunks.add(new Hunk(hunkHeaders.get(i), offset, changed(d.getSource(), d.getTarget()),
                    changed(d.getTarget(), d.getSource())));
        }
        List<String> out;
        try {
            out = placed.applyTo(lines);
        } catch (PatchFailedException e) {
            throw new StorageException(ErrorCode.CONFLICT, field + ": does not apply (" + e.getMessage() + "); "
                    + "nothing was written", e);
        }
        String joined = String.join(eol, out);
        return new Result(endsWithEol && !out.isEmpty() ? joined + eol : joined, hunks);
    }

    /** Where the chunk's lines are: at its position, else the nearest match at or after {@code min}; -1 if none. */
    private static int place(Chunk<String> source, List<String> lines, int min) {
        int stated = source.getPosition();
        if (stated >= min && matches(source, lines, stated)) {
            return stated;
        }
        for (int d = 1; d <= lines.size(); d++) {
            if (stated - d >= min && matches(source, lines, stated - d)) {
                return stated - d;
            }
            if (matches(source, lines, stated + d)) {
                return stated + d;
            }
        }
        return -1;
    }

    private static boolean matches(Chunk<String> source, List<String> lines, int at) {
        try {
            return at >= 0 && source.verifyChunk(lines, 0, at) == VerifyChunk.OK
                    && at + source.size() <= lines.size();
        } catch (PatchFailedException e) {
            return false;
        }
    }

    /** The first line the hunk expects at its stated place that the text does not have there. */
    private static String mismatch(Chunk<String> source, List<String> lines) {
        int at = source.getPosition();
        for (int i = 0; i < source.size(); i++) {
            int line = at + i;
            if (line >= lines.size()) {
                return "it expects line " + (line + 1) + " but the content has " + lines.size() + " lines";
            }
            if (!lines.get(line).equals(source.getLines().get(i))) {
                return "line " + (line + 1) + " is '" + cut(lines.get(line)) + "', the hunk expects '"
                        + cut(source.getLines().get(i)) + "' (and its lines are nowhere else)";
            }
        }
        return "its lines are not in the content";
    }

    private static String cut(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }

    /** Lines of {@code a} that {@code b} does not have at the same place: removed (or added, swapped). */
    private static int changed(Chunk<String> a, Chunk<String> b) {
        return Math.max(0, a.size() - common(a.getLines(), b.getLines()));
    }

    private static int common(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        return head + tail;
    }

    /**
     * Checks the diff: at least one hunk, one file, each hunk's body matching its header's counts. Returns its lines
     * with a file header (java-diff-utils reads hunks only after one) and blank context lines as " ".
     */
    private static List<String> check(String diff, String field, List<String> headers) {
        if (diff == null || diff.isBlank()) {
            throw StorageException.invalidArgument(field, "is empty; give a unified diff with @@ hunks");
        }
        List<String> out = new ArrayList<>(List.of("--- a", "+++ b"));
        String[] lines = diff.split("\r?\n", -1);
        int files = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher m = HEADER.matcher(line);
            if (!m.matches()) {
                if (line.startsWith("+++ ")) {
                    files++;
                    if (files > 1) {
                        throw StorageException.invalidArgument(field, "changes more than one file; give the diff "
                                + "of this one only");
                    }
                } else if (line.startsWith("@@")) {
                    throw StorageException.invalidArgument(field, "line " + (i + 1) + " '" + cut(line) + "' is not "
                            + "a hunk header (@@ -start,count +start,count @@)");
                }
                i++;
                continue;
            }
            headers.add(line);
            out.add(line);
            int old = count(m.group(2));
            int neu = count(m.group(4));
            int j = i + 1;
            while (old > 0 || neu > 0) {
                if (j >= lines.length) {
                    throw StorageException.invalidArgument(field, "hunk " + headers.size() + " (" + line + ") ends "
                            + "early: " + old + " old and " + neu + " new lines missing");
                }
                String body = lines[j];
                char c = body.isEmpty() ? ' ' : body.charAt(0);
                if (c == ' ' && old > 0 && neu > 0) {
                    old--;
                    neu--;
                } else if (c == '-' && old > 0) {
                    old--;
                } else if (c == '+' && neu > 0) {
                    neu--;
                } else if (c != '\\') {
                    throw StorageException.invalidArgument(field, "hunk " + headers.size() + " (" + line + "), line "
                            + (j + 1) + " '" + cut(body) + "': not a context (' '), removed ('-') or added ('+') "
                            + "line its header's counts allow");
                }
                out.add(body.isEmpty() ? " " : body);
                j++;
            }
            while (j < lines.length && lines[j].startsWith("\\")) {
                j++;
            }
            i = j;
        }
        if (headers.isEmpty()) {
            throw StorageException.invalidArgument(field, "has no hunk (@@ -start,count +start,count @@)");
        }
        return out;
    }

    private static int count(String group) {
        return group == null ? 1 : Integer.parseInt(group);
    }
}
