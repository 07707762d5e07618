package io.unistore.ops;

import io.unistore.StorageException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Reads a window of lines ({@code \n}-terminated; a final line without one counts) from {@link RangedContent}
 * chunk by chunk, so that only the chunks holding the window (and, for a start line, the lines before it) are
 * fetched: a line range reads forward from the start and stops once it has its lines, a tail reads backward
 * from the end.
 */
public final class LineWindow {
    /** The size of each ranged read. */
    public static final int DEFAULT_CHUNK = 64 * 1024;

    private LineWindow() {
    }

    /**
     * {@code lineCount} lines from line {@code startLine} (from 1), at most {@code maxBytes} of them: when the
     * next whole line would pass the limit the slice stops before it ({@code truncated}).
     *
     * @throws StorageException INVALID_ARGUMENT for a start line past the last line, a count under 1, or a first
     *     line longer than maxBytes (read it with a byte range)
     */
    public static LineSlice lines(RangedContent content, long startLine, int lineCount, int maxBytes, int chunk) {
        if (startLine < 1) {
            throw StorageException.invalidArgument("startLine", "must be 1 or more, was " + startLine);
        }
        checkCount(lineCount);
        long size = content.size();
        ByteArrayOutputStream window = new ByteArrayOutputStream();
        long line = 1;
        long windowStart = startLine == 1 ? 0 : -1;
        long lastEnd = windowStart;
        int taken = 0;
        long end = -1;
        boolean truncated = false;
        long offset = 0;
        while (offset < size && end < 0) {
            byte[] b = content.read(offset, chunk);
            for (int i = 0; i < b.length && end < 0; i++) {
                if (b[i] != '\n') {
                    continue;
                }
                long after = offset + i + 1;
                line++;
                if (windowStart < 0) {
                    if (line == startLine) {
                        windowStart = after;
                        lastEnd = after;
                    }
                } else if (after - windowStart > maxBytes) {
                    truncated = true;
                    end = lastEnd;
                } else {
                    taken++;
                    lastEnd = after;
                    if (taken == lineCount) {
                        end = after;
                    }
                }
            }
            if (windowStart >= 0) {
                int from = (int) Math.max(0, windowStart - offset);
                window.write(b, from, b.length - from);
            }
            offset += b.length;
        }
        if (windowStart < 0 || windowStart == size && size > 0) {
            throw StorageException.invalidArgument("startLine", startLine + " is past the last line");
        }
        if (end < 0) {
            // the content ended first: a last line without a line end counts
            if (size - windowStart > maxBytes) {
                truncated = true;
                end = lastEnd;
            } else {
                taken += size > lastEnd ? 1 : 0;
                end = size;
            }
        }
        if (truncated && taken == 0) {
            throw StorageException.invalidArgument("lineCount", "line " + startLine + " is over the limit of "
                    + maxBytes + " bytes; read it with offset and length");
        }
        byte[] bytes = Arrays.copyOf(window.toByteArray(), (int) (end - windowStart));
        return new LineSlice(bytes, windowStart, startLine, taken, end < size, truncated, content.bytesRead(),
                content.requests());
    }

    /**
     * The last {@code lineCount} lines (all of them when the content has fewer), at most {@code maxBytes}: when
     * they would pass the limit the slice keeps the latest lines that fit ({@code truncated}).
     *
     * @throws StorageException INVALID_ARGUMENT for a count under 1 or a last line longer than maxBytes
     */
    public static LineSlice tail(RangedContent content, int lineCount, int maxBytes, int chunk) {
        checkCount(lineCount);
        long size = content.size();
        Deque<byte[]> chunks = new ArrayDeque<>();
        long position = size;
        long start = 0;
        int taken = 0;
        boolean done = false;
        boolean truncated = false;
        while (position > 0 && !done) {
            long from = Math.max(0, position - chunk);
            byte[] b = content.read(from, position - from);
            chunks.addFirst(b);
            for (int i = b.length - 1; i >= 0 && !done; i--) {
                long at = from + i;
                if (b[i] != '\n' || at == size - 1) {
                    continue; // the content's final line end belongs to its last line
                }
                if (size - (at + 1) > maxBytes) {
                    truncated = true;
                    done = true;
                } else {
                    start = at + 1;
                    taken++;
                    done = taken == lineCount;
                }
            }
            position = from;
        }
        if (!done) {
            // reached the start: the first line is one more, if it fits
            if (size > maxBytes) {
                truncated = true;
            } else if (size > 0) {
                start = 0;
                taken++;
            }
        }
        if (truncated && taken == 0) {
            throw StorageException.invalidArgument("tail", "the last line is over the limit of " + maxBytes
                    + " bytes; read it with offset and length");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(all::writeBytes);
        byte[] read = all.toByteArray();
        long readStart = size - read.length;
        byte[] bytes = Arrays.copyOfRange(read, (int) (start - readStart), read.length);
        return new LineSlice(bytes, start, start == 0 ? 1 : -1, taken, false, truncated, content.bytesRead(),
                content.requests());
    }

    private static void checkCount(int lineCount) {
        if (lineCount < 1) {
            throw StorageException.invalidArgument("lineCount", "must be 1 or more, was " + lineCount);
        }
    }
}
