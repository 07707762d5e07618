package io.unistore.mcp;

import io.unistore.StorageException;
import java.io.Writer;

/**
 * Text built for an inline result, refused as soon as its UTF-8 form passes the inline limit: the producer (a
 * CSV export) stops there instead of building the whole text first, and the limit is counted in bytes, as it
 * is everywhere else, not in characters.
 */
final class BoundedWriter extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final int maxBytes;
    private final String argument;
    private final String hint;
    private long bytes;

    /**
     * @param argument the argument the refusal names (the way out, e.g. localPath)
     * @param hint what to do instead, ending the refusal
     */
    BoundedWriter(int maxBytes, String argument, String hint) {
        this.maxBytes = maxBytes;
        this.argument = argument;
        this.hint = hint;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        if (bytes > maxBytes) {
            throw StorageException.invalidArgument(argument, "the result is larger than the inline limit of "
                    + maxBytes + " bytes (--max-inline-bytes); " + hint);
        }
        text.append(chars, off, len);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
