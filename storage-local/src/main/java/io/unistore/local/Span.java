package io.unistore.local;

import io.unistore.ByteRange;
import io.unistore.StorageException;

/**
 * The bytes of a content file a read asked for: a {@link ByteRange} checked against the content's size.
 *
 * @param offset the first byte
 * @param length how many bytes
 */
record Span(long offset, long length) {

    /**
     * @param range the range asked, or null for everything
     * @throws StorageException INVALID_ARGUMENT if the range starts beyond the end of {@code what}
     */
    static Span of(ByteRange range, long size, String what) {
        if (range == null) {
            return new Span(0, size);
        }
        long offset = range.offset();
        if (offset > 0 && offset >= size) {
            throw StorageException.invalidArgument("range", "starts at byte " + offset + ", beyond the end of " + what
                    + " (" + size + " bytes)");
        }
        return new Span(offset, range.isOpenEnded() ? size - offset : Math.min(range.length(), size - offset));
    }
}
