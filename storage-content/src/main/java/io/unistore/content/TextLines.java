package io.unistore.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text line by line from a stream, knowing each line's byte offset, holding one line at a time. A
 * line longer than {@link #MAX_LINE} bytes comes in pieces (an item cut by a piece's end is not found whole).
 */
final class TextLines {
    static final int MAX_LINE = 1 << 20;

    /** One line: its text (without the '\n', with any '\r'), its number from 1, its first byte, whether '\n' ended it. */
    record Line(String text, long number, long offset, boolean newline) {
    }

    private final InputStream in;
    private final long maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long read;
    private long consumed;
    private long number;
    private byte[] line = new byte[1024];
    private boolean eof;

    /** Lines of {@code in}, reading at most {@code maxBytes} bytes of it. */
    TextLines(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end (or at maxBytes). */
    Line next() {
        int length = 0;
        long start = consumed;
        while (true) {
            if (pos == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                return line(length, start, false);
            }
            byte b = buffer[pos++];
            consumed++;
            if (b == '\n') {
                return line(length, start, true);
            }
            if (length == line.length) {
                if (length == MAX_LINE) {
                    pos--;
                    consumed--;
                    return line(length, start, false);
                }
                line = Arrays.copyOf(line, Math.min(MAX_LINE, length * 2));
            }
            line[length++] = b;
        }
    }

    private Line line(int length, long start, boolean newline) {
        return new Line(new String(line, 0, length, StandardCharsets.UTF_8), ++number, start, newline);
    }

    private boolean fill() {
        if (eof || read >= maxBytes) {
            return false;
        }
        try {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - read));
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            read += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes read so far. */
    long bytesRead() {
        return read;
    }

    /** Whether the whole stream was read (rather than stopping at maxBytes). */
    boolean complete() {
        if (eof) {
            return true;
        }
        if (pos < limit) {
            return false;
        }
        try {
            // at maxBytes exactly: the stream is complete only if nothing follows
            int b = in.read();
            eof = b < 0;
            return eof;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
