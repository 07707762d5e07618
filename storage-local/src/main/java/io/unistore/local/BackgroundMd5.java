package io.unistore.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An MD5 computed on a helper thread while the caller writes the same bytes, so an upload runs at the speed of
 * the slower of the two rather than of both in turn. The bytes pass through a few recycled buffers: memory
 * stays at {@code BUFFERS × size} whatever the content's length, and the caller waits when all are in use.
 */
final class BackgroundMd5 {
    private static final int BUFFERS = 4;
    private static final ExecutorService DIGESTERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "unistore-local-md5");
        t.setDaemon(true);
        return t;
    });

    private final MessageDigest md5;
    private final int bufferSize;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private int allocated;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /** Used by the helper thread only (tasks run one after another). */
    private ByteBuffer regionBuffer;

    BackgroundMd5(int bufferSize) {
        this.bufferSize = bufferSize;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** A buffer to fill; waits while every buffer is still being digested. */
    byte[] buffer() throws InterruptedIOException {
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        if (allocated < BUFFERS) {
            allocated++;
            return new byte[bufferSize];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the MD5 of earlier bytes");
        }
    }

    /** Digests {@code n} bytes of a filled buffer after those before it; the buffer comes back when done. */
    void digest(byte[] buffer, int n) {
        tail = tail.thenRunAsync(() -> {
            md5.update(buffer, 0, n);
            free.add(buffer);
        }, DIGESTERS);
    }

    /**
     * Digests {@code length} bytes of a file from {@code position}, after those before it, reading them on the
     * helper thread (positional reads, so the caller may keep writing the file further on).
     */
    void digestRegion(FileChannel channel, long position, long length) {
        tail = tail.thenRunAsync(() -> {
            if (regionBuffer == null) {
                regionBuffer = ByteBuffer.allocate(bufferSize);
            }
            try {
                for (long done = 0; done < length; ) {
                    regionBuffer.clear().limit((int) Math.min(bufferSize, length - done));
                    int n = channel.read(regionBuffer, position + done);
                    if (n < 0) {
                        throw new IOException("the file ended " + (length - done) + " bytes early");
                    }
                    md5.update(regionBuffer.array(), 0, n);
                    done += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DIGESTERS);
    }

    /** Returns a buffer that was not filled. */
    void giveBack(byte[] buffer) {
        free.add(buffer);
    }

    /** The base64 MD5 of every byte digested, once the helper caught up. */
    String finish() throws IOException {
        try {
            tail.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }
}
