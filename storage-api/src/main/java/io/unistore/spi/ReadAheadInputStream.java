package io.unistore.spi;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The read-ahead stream shared by providers: content read as a series of ranged GETs, one chunk being read by the
 * caller while the next is fetched ahead (two chunks in memory). Every GET after the first is pinned to the ETag
 * the first one saw, so content replaced mid-read fails (the provider's PRECONDITION_FAILED) instead of mixing two
 * versions. A read of the whole content is checked against its stored MD5 at the end. A provider supplies only
 * the ranged GET ({@link RangeFetcher}), mapped to its SDK.
 */
public final class ReadAheadInputStream extends InputStream {

    /** Fetches bytes {@code [offset, offset + length)} into {@code sink}; {@code etag} pins later reads. */
    @FunctionalInterface
    public interface RangeFetcher {
        /**
         * One ranged GET.
         *
         * @param etag null for the first GET; then the ETag it returned, which the GET must require
         * @throws io.unistore.StorageException as the service answered
         */
        Fetched fetch(long offset, long length, String etag, OutputStream sink);
    }

    /**
     * What one ranged GET said.
     *
     * @param totalSize the whole content's size (from Content-Range)
     * @param etag the content's ETag
     * @param contentMd5 the whole content's stored MD5, or null
     */
    public record Fetched(long totalSize, String etag, byte[] contentMd5) {
    }

    private final RangeFetcher fetcher;
    private final Executor readAhead;
    /** Bytes of the first chunk's buffer before it grows: a small blob must not cost a whole chunk's array. */
    private static final int FIRST_BUFFER = 64 * 1024;

    private final int chunkSize;
    private byte[] buffer;
    private byte[] spare;
    private Future<Integer> ahead;
    private final long end;
    private final String etag;
    private final byte[] expectedMd5;
    private final MessageDigest md5;
    private boolean verified;
    private long next;
    private int pos;
    private int limit;
    private boolean closed;

    /**
     * Opens the stream with its first GET (so NOT_FOUND, CONFLICT or a failed condition surface here).
     *
     * @param offset the first byte to read
     * @param length bytes to read, or -1 to the end
     * @param chunkSize the bytes of one GET (two chunks are held in memory)
     * @param readAhead where the next chunk is fetched while the caller reads; null reads chunk by chunk
     */
    public ReadAheadInputStream(RangeFetcher fetcher, long offset, long length, int chunkSize, Executor readAhead) {
        this.fetcher = fetcher;
        this.readAhead = readAhead;
        long firstLength = length < 0 ? chunkSize : Math.min(chunkSize, length);
        this.chunkSize = chunkSize;
        Sink sink = new Sink(new byte[(int) Math.max(1, Math.min(firstLength, FIRST_BUFFER))], firstLength);
        Fetched first = fetcher.fetch(offset, firstLength, null, sink);
        this.buffer = sink.into;
        if (offset > 0 && offset >= first.totalSize()) {
            throw StorageException.invalidArgument("range", "starts at byte " + offset + ", beyond the end ("
                    + first.totalSize() + " bytes)");
        }
        this.etag = first.etag();
        this.end = length < 0 ? first.totalSize() : Math.min(first.totalSize(), offset + length);
        this.limit = sink.count;
        this.next = offset + sink.count;
        boolean whole = offset == 0 && end == first.totalSize();
        this.expectedMd5 = whole ? first.contentMd5() : null;
        this.md5 = expectedMd5 != null ? Md5.newDigest() : null;
        if (md5 != null) {
            md5.update(buffer, 0, limit);
        }
        fetchAhead();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !refill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    private boolean refill() throws IOException {
        if (next >= end) {
            verify();
            return false;
        }
        int count;
        if (ahead != null) {
            count = awaitAhead();
            byte[] filled = spare;
            spare = buffer;
            buffer = filled;
        } else {
            if (buffer.length < Math.min(chunkSize, end - next)) {
                buffer = new byte[(int) Math.min(chunkSize, end - next)];
            }
            count = fill(buffer, next);
        }
        if (md5 != null) {
            md5.update(buffer, 0, count);
        }
        next += count;
        pos = 0;
        limit = count;
        fetchAhead();
        return true;
    }

    /** Starts reading the next chunk into the spare buffer while the caller consumes this one. */
    private void fetchAhead() {
        if (readAhead == null || next >= end || ahead != null) {
            return;
        }
        if (spare == null) {
            spare = new byte[Math.max(buffer.length, (int) Math.min(chunkSize, end - next))];
        }
        byte[] into = spare;
        long at = next;
        FutureTask<Integer> task = new FutureTask<>(() -> fill(into, at));
        readAhead.execute(task);
        ahead = task;
    }

    private int awaitAhead() throws IOException {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("read interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        } finally {
            ahead = null;
        }
    }

    /** One ranged GET of the bytes at {@code at} into {@code into}; the count of bytes it returned. */
    private int fill(byte[] into, long at) throws IOException {
        long length = Math.min(into.length, end - at);
        Sink sink = new Sink(into, length);
        try {
            fetcher.fetch(at, length, etag, sink);
        } catch (StorageException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (sink.count == 0) {
            throw new IOException(new StorageException(ErrorCode.UNAVAILABLE, "the service returned no bytes at "
                    + "offset " + at + " of " + end));
        }
        return sink.count;
    }

    private void verify() throws IOException {
        if (md5 == null || verified) {
            return; // a read after the end (BufferedInputStream does one) must not digest nothing again
        }
        verified = true;
        byte[] actual = md5.digest();
        if (!Arrays.equals(actual, expectedMd5)) {
            Base64.Encoder b64 = Base64.getEncoder();
            throw new IOException(new StorageException(ErrorCode.INTERNAL, "content MD5 mismatch: stored "
                    + b64.encodeToString(expectedMd5) + ", read " + b64.encodeToString(actual)));
        }
    }

    @Override
    public void close() {
        closed = true;
        if (ahead != null) {
            ahead.cancel(true);
            ahead = null;
        }
    }

    /**
     * Collects one GET's body into the stream's buffer, growing it up to the length asked for; more bytes than
     * asked for is a service fault.
     */
    private static final class Sink extends OutputStream {
        private final long limit;
        byte[] into;
        int count;

        Sink(byte[] into, long limit) {
            this.into = into;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (count + len > limit) {
                throw new IOException("the service returned more bytes than the range asked for");
            }
            if (count + len > into.length) {
                into = Arrays.copyOf(into, (int) Math.min(limit, Math.max(2L * into.length, count + len)));
            }
            System.arraycopy(b, off, into, count, len);
            count += len;
        }
    }
}
