package io.unistore.spi;

import io.unistore.ErrorCode;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/** Stream plumbing shared by the API and providers: one copy loop, one translation of I/O failures. */
public final class Streams {
    /** The copy buffer: big enough for throughput, small enough to keep memory flat. */
    public static final int BUFFER_SIZE = 64 * 1024;

    private Streams() {
    }

    /**
     * Copies {@code in} to {@code out} through one buffer, telling {@code progress} as it goes; stops with an
     * {@link InterruptedIOException} when the thread is interrupted.
     *
     * @param total the expected length for progress, or -1
     * @return bytes copied
     */
    public static long copy(InputStream in, OutputStream out, ProgressListener progress, long total)
            throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long done = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            done += n;
            if (progress != null) {
                progress.onProgress(done, total);
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("transfer interrupted after " + done + " bytes");
            }
        }
        return done;
    }

    /**
     * Turns an I/O failure into a {@link StorageException}, keeping one thrown by a provider's stream as is.
     *
     * @param what what was being done, e.g. {@code "download of photos/cat.jpg"}
     */
    public static StorageException ioFailure(String what, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageException se) {
                return se;
            }
        }
        if (e instanceof InterruptedIOException) {
            return new StorageException(ErrorCode.UNAVAILABLE, what + " was interrupted", e);
        }
        return new StorageException(ErrorCode.UNAVAILABLE, what + " failed: " + Secrets.redact(e.getMessage()), e);
    }
}
