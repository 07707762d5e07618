package io.unistore.aws;

import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An object's content (or a range of it) as one stream. When the connection breaks in the middle of the body,
 * the rest is asked for again from the byte where it broke, pinned with If-Match to the ETag of the first answer
 * (an object replaced in between fails the read instead of mixing two contents), up to the account's attempts:
 * the SDK retries a request, but not a body that breaks off once the caller is reading it. Closing it before the
 * end aborts the HTTP response instead of reading the rest just to reuse the connection.
 */
final class ObjectStream extends InputStream {
    /** Opens the content from byte {@code from} to {@code end} (exclusive), pinned to {@code etag}. */
    @FunctionalInterface
    interface Reopen {
        ResponseInputStream<GetObjectResponse> from(long from, long end, String etag);
    }

    private final Reopen reopen;
    private final String etag;
    private final long end;
    private ResponseInputStream<GetObjectResponse> current;
    private long position;
    private int resumesLeft;
    private boolean ended;

    /**
     * @param first the first answer
     * @param start the offset of its first byte in the object
     * @param resumes how often a broken body may be asked for again
     */
    ObjectStream(ResponseInputStream<GetObjectResponse> first, long start, int resumes, Reopen reopen) {
        this.current = first;
        this.reopen = reopen;
        this.etag = first.response().eTag();
        Long length = first.response().contentLength();
        this.end = length == null ? -1 : start + length;
        this.position = start;
        this.resumesLeft = resumes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        while (true) {
            try {
                int n = current.read(buffer, off, len);
                if (n < 0) {
                    ended = true;
                } else {
                    position += n;
                }
                return n;
            } catch (IOException e) {
                if (resumesLeft <= 0 || end < 0 || etag == null || position >= end) {
                    throw e;
                }
                resumesLeft--;
                current.abort();
                try {
                    current = reopen.from(position, end, etag);
                } catch (StorageException again) {
                    e.addSuppressed(again);
                    throw new IOException("the content broke off at byte " + position + " and could not be read "
                            + "again: " + again.getMessage(), again);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            current.abort();
        }
        current.close();
    }
}
