package io.unistore.ops;

/**
 * Whole lines of a blob or file, as read by {@link LineWindow}: the exact bytes from the start of the first line
 * to the end of the last (its line end included).
 *
 * @param bytes the lines' bytes, line ends as stored
 * @param offset the byte offset of the first line
 * @param firstLine the number of the first line, from 1, or -1 when unknown (a tail that did not reach the start)
 * @param lineCount how many lines {@code bytes} holds
 * @param more whether lines follow the last one returned
 * @param truncated whether fewer lines were returned than asked because of the byte limit
 * @param bytesFetched bytes read from the store to find them
 * @param requests ranged requests made to the store
 */
public record LineSlice(byte[] bytes, long offset, long firstLine, int lineCount, boolean more, boolean truncated,
                        long bytesFetched, long requests) {
}
