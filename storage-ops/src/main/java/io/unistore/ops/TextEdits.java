package io.unistore.ops;

import io.unistore.StorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact text replacements, as an agent edits a file: each edit names text that must occur in the content (once,
 * unless it asks to replace every occurrence) and what replaces it. Edits apply in order, each to the result of
 * the ones before; one that cannot apply refuses the whole list, so nothing is half-edited.
 */
public final class TextEdits {
    private TextEdits() {
    }

    /**
     * One replacement.
     *
     * @param oldText the exact text to replace (not empty)
     * @param newText what replaces it (may be empty: a deletion)
     * @param replaceAll replace every occurrence; otherwise {@code oldText} must occur exactly once
     */
    public record Edit(String oldText, String newText, boolean replaceAll) {
    }

    /**
     * What one edit did.
     *
     * @param index the edit's position in the list, from 0
     * @param replacements occurrences replaced
     * @param firstLine the line of the first occurrence, from 1, in the content the edit applied to
     * @param linesRemoved lines of old text replaced (a partial line counts as one)
     * @param linesAdded lines of new text put in
     */
    public record Applied(int index, int replacements, int firstLine, int linesRemoved, int linesAdded) {
    }

    /** The edited text and what each edit did. */
    public record Result(String text, List<Applied> edits) {
        public Result {
            edits = List.copyOf(edits);
        }
    }

    /**
     * Applies the edits in order.
     *
     * @param field the argument holding the edits, named in errors ({@code edits[2].oldText: ...})
     * @param maxLength the longest text (in chars) an edit may produce; the caller checks its own byte limit after
     * @throws StorageException INVALID_ARGUMENT naming the edit whose old text is empty, absent or ambiguous, or
     *         whose result would exceed {@code maxLength}
     */
    public static Result apply(String text, List<Edit> edits, String field, long maxLength) {
        List<Applied> applied = new ArrayList<>();
        String current = text;
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            String name = field + "[" + i + "]";
            if (e.oldText() == null || e.oldText().isEmpty()) {
                throw StorageException.invalidArgument(name + ".oldText", "must not be empty");
            }
            if (e.newText() == null) {
                throw StorageException.invalidArgument(name + ".newText", "is required (\"\" deletes the old text)");
            }
            List<Integer> at = occurrences(current, e.oldText());
            if (at.isEmpty()) {
                throw StorageException.invalidArgument(name + ".oldText", "not found in the content" + (i > 0
                        ? " (as left by the edits before it)" : "") + "; copy it exactly, whitespace and line ends "
                        + "included");
            }
            if (at.size() > 1 && !e.replaceAll()) {
                throw StorageException.invalidArgument(name + ".oldText", "occurs " + at.size() + " times (first "
                        + "at lines " + lineOf(current, at.get(0)) + " and " + lineOf(current, at.get(1)) + "); add "
                        + "surrounding text to make it unique, or set replaceAll");
            }
            long length = current.length() + (long) at.size() * (e.newText().length() - e.oldText().length());
            if (length > maxLength) {
                throw StorageException.invalidArgument(name + ".newText", "would make the content " + length
                        + " characters, over the limit of " + maxLength);
            }
            StringBuilder b = new StringBuilder((int) length);
            int from = 0;
            for (int pos : at) {
                b.append(current, from, pos).append(e.newText());
                from = pos + e.oldText().length();
            }
            b.append(current, from, current.length());
            applied.add(new Applied(i, at.size(), lineOf(current, at.get(0)), lines(e.oldText()) * at.size(),
                    lines(e.newText()) * at.size()));
            current = b.toString();
        }
        return new Result(current, applied);
    }

    private static List<Integer> occurrences(String text, String part) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            at.add(i);
        }
        return at;
    }

    /** The line (from 1) holding the char at {@code index}. */
    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    /** Lines a piece of text spans: "" none, "a" one, "a\n" one, "a\nb" two. */
    static int lines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int n = (int) text.chars().filter(c -> c == '\n').count();
        return text.endsWith("\n") ? n : n + 1;
    }
}
