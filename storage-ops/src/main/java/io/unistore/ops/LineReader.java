package io.unistore.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with an optional {@code \r} before it) holding at most
 * {@code maxBytes} of any one line in memory: the rest of a longer line is read and dropped, and the line is
 * reported as too long with its first {@code maxBytes} bytes. The MCP server reads its stdio messages with it;
 * grep reads objects with it.
 */
public final class LineReader {
    /** One line without its end; {@code bytes[0..length)} is its content (its start, when too long). */
    public record Line(byte[] bytes, int length, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    /** Reads lines of {@code in}, keeping at most {@code maxBytes} of each. */
    public LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        byte[] line = new byte[Math.min(maxBytes, 8 * 1024)];
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line, length, tooLong) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (!tooLong) {
                if (length + chunk > maxBytes) {
                    tooLong = true;
                    chunk = maxBytes - length;
                }
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max(2L * line.length, length + chunk)));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
            }
            if (position < limit) {
                position++; // the newline
                return finish(line, length, tooLong);
            }
        }
    }

    private static Line finish(byte[] line, int length, boolean tooLong) {
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new Line(line, length, tooLong);
    }
}
