package io.unistore.spi;

import io.unistore.ErrorCode;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one parallel block/part upload engine of the providers: writes a stream as numbered chunks (blob blocks,
 * multipart parts, file ranges), {@code concurrency} at once, in bounded memory: at most
 * {@code concurrency + 1} chunk buffers exist. It hashes the whole content (MD5) as it reads, so the caller
 * can run {@link UploadChecks} before it commits.
 */
public final class ParallelUpload {

    /** Writes one chunk; called on a pool thread. */
    @FunctionalInterface
    public interface ChunkWriter {
        void write(int index, long offset, ByteBuffer data) throws Exception;
    }

    /**
     * What was written.
     *
     * @param bytes content length
     * @param md5 MD5 of the whole content
     * @param chunks how many chunks
     */
    public record Outcome(long bytes, byte[] md5, int chunks) {
    }

    private ParallelUpload() {
    }

    /**
     * Writes {@code first} and every chunk after it.
     *
     * @param first the first chunk, already read (a full chunk: the stream did not end inside it)
     * @param chunkSize the size of every chunk but the last
     * @param total the total length for progress, or -1
     * @throws StorageException the first failure of a writer (translated by {@code onFailure}) or of reading
     */
    public static Outcome run(ChunkReader reader, ChunkReader.Chunk first, int chunkSize, int concurrency,
                       ExecutorService pool, ChunkWriter writer, ProgressListener progress, long total,
                       java.util.function.Function<Throwable, StorageException> onFailure) {
        MessageDigest md5 = Md5.newDigest();
        Semaphore permits = new Semaphore(concurrency);
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(concurrency + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong done = new AtomicLong();
        List<Future<?>> inFlight = new ArrayList<>();
        int buffers = 1;
        byte[] buf = first.data();
        int n = first.length();
        long offset = 0;
        int index = 0;
        try {
            while (n > 0 && failure.get() == null) {
                md5.update(buf, 0, n);
                permits.acquire();
                if (failure.get() != null) {
                    permits.release();
                    break;
                }
                final byte[] data = buf;
                final int length = n;
                final long at = offset;
                final int i = index;
                inFlight.add(pool.submit(() -> {
                    try {
                        writer.write(i, at, ByteBuffer.wrap(data, 0, length));
                        long sofar = done.addAndGet(length);
                        if (progress != null) {
                            progress.onProgress(sofar, total);
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        if (data.length == chunkSize) {
                            free.offer(data);
                        }
                        permits.release();
                    }
                }));
                offset += n;
                index++;
                if (reader.atEnd()) {
                    break;
                }
                byte[] next = free.poll();
                if (next == null) {
                    if (buffers <= concurrency) {
                        next = new byte[chunkSize];
                        buffers++;
                    } else {
                        next = free.take();
                    }
                }
                buf = next;
                n = reader.fill(buf);
            }
            for (Future<?> f : inFlight) {
                f.get();
            }
        } catch (InterruptedException e) {
            inFlight.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.UNAVAILABLE, "upload interrupted after " + done.get() + " bytes", e);
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        } catch (IOException e) {
            inFlight.forEach(f -> f.cancel(true));
            throw Streams.ioFailure("reading the content to upload", e);
        }
        if (failure.get() != null) {
            throw onFailure.apply(failure.get());
        }
        return new Outcome(offset, md5.digest(), index);
    }
}
