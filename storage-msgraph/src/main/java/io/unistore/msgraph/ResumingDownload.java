package io.unistore.msgraph;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A download that survives a connection cut mid-body: it reopens the content from the next unread byte (a ranged
 * GET) up to {@code maxRetries} times. Every GET is pinned with {@code If-Match} to the eTag of the item read
 * first (one metadata GET more per download: the SDK's content call does not hand back the answer's ETag), so
 * content replaced in between fails the read (an IOException carrying PRECONDITION_FAILED) instead of mixing
 * versions. The GETs of the first byte happen on construction, so NOT_FOUND and a bad range surface from
 * {@code openInputStream}.
 */
final class ResumingDownload extends InputStream {
    private final DriveApi api;
    private final String path;
    /** The byte after the last wanted (within the content's size as read first). */
    private final long end;
    private final String etag;
    private InputStream body;
    private long position;
    private int resumes;

    ResumingDownload(DriveApi api, String path, ByteRange range) {
        this.api = api;
        this.path = path;
        this.position = range == null ? 0 : range.offset();
        com.microsoft.graph.models.DriveItem item = api.get(path);
        long size = item.getSize() == null ? Long.MAX_VALUE : item.getSize();
        this.end = range == null || range.isOpenEnded() ? size : Math.min(size, range.offset() + range.length());
        this.etag = item.getETag();
        this.body = api.content(path, range, etag);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            try {
                int n = body.read(b, off, len);
                if (n > 0) {
                    position += n;
                } else if (n < 0 && position < end && end != Long.MAX_VALUE) {
                    throw new IOException("the download of " + path + " ended at byte " + position + " of " + end);
                }
                return n;
            } catch (IOException e) {
                resume(e);
            }
        }
    }

    /** Reopens from {@code position}, or rethrows {@code cut} when out of retries or the content changed. */
    private void resume(IOException cut) throws IOException {
        GraphRetry retry = api.retry();
        if (resumes >= retry.maxRetries() || etag == null) {
            throw cut;
        }
        GraphRetry.pause(GraphRetry.delay(resumes, null));
        resumes++;
        closeQuietly();
        ByteRange rest = end == Long.MAX_VALUE ? ByteRange.from(position) : ByteRange.of(position, end - position);
        try {
            body = api.content(path, rest, etag);
        } catch (StorageException e) {
            body = InputStream.nullInputStream();
            IOException failed = new IOException(e.code() == ErrorCode.PRECONDITION_FAILED
                    ? "the download of " + path + " was cut at byte " + position + " and the content changed since"
                    : "the download of " + path + " was cut at byte " + position + " and could not resume", e);
            failed.addSuppressed(cut);
            throw failed;
        }
    }

    private void closeQuietly() {
        try {
            body.close();
        } catch (IOException e) {
            // The connection is already broken.
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
