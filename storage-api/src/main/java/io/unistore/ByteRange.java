package io.unistore;

/**
 * A range of bytes of a blob or file.
 *
 * @param offset the first byte, from 0
 * @param length how many bytes, or -1 for "to the end"
 */
public record ByteRange(long offset, long length) {
    public ByteRange {
        if (offset < 0) {
            throw StorageException.invalidArgument("range.offset", "must not be negative, was " + offset);
        }
        if (length < -1) {
            throw StorageException.invalidArgument("range.length", "must be -1 (to the end) or >= 0, was " + length);
        }
    }

    /** Bytes {@code offset} to the end. */
    public static ByteRange from(long offset) {
        return new ByteRange(offset, -1);
    }

    /** {@code length} bytes from {@code offset}. */
    public static ByteRange of(long offset, long length) {
        return new ByteRange(offset, length);
    }

    /** Whether the range runs to the end of the content. */
    public boolean isOpenEnded() {
        return length == -1;
    }

    /** The last byte included (inclusive, as HTTP ranges count), or -1 when open-ended. */
    public long lastByte() {
        return length == -1 ? -1 : offset + length - 1;
    }
}
