package io.unistore.crypto;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.ReadOptions;
import io.unistore.spi.AtomicFiles;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code downloadToFile} of a large encrypted blob as several ranged reads of whole regions at once, each
 * decrypted on its own thread and written at its plaintext offset of a temporary file that replaces the target
 * once complete. One stream would fetch and decrypt one region after the other, and lose the providers' own
 * parallel downloads (Azure's and S3's plain {@code downloadToFile} read ranges in parallel). Every range is
 * pinned to the ETag the encryption data was read with.
 */
final class ParallelDecryption {
    /** Regions per ranged read: 8 MiB of plaintext, the size of the providers' own download blocks. */
    static final int REGIONS_PER_RANGE = 2;
    /** Ranges in flight: each holds about two regions of heap (ciphertext and plaintext). */
    static final int CONCURRENCY = 3;

    private final BlobBackend stored;
    private final String container;
    private final String blob;
    private final EncryptedRead read;
    private final long storedSize;
    private final long size;
    /** One buffer pair per thread for all its ranges: direct memory is only freed by a GC. */
    private final ThreadLocal<GcmRegions> buffers;

    /** @param read the plan of the whole blob's read (its key unwrapped) */
    ParallelDecryption(BlobBackend stored, String container, String blob, EncryptedRead read, long storedSize) {
        this.stored = stored;
        this.container = container;
        this.blob = blob;
        this.read = read;
        this.storedSize = storedSize;
        this.size = read.size();
        this.buffers = ThreadLocal.withInitial(() -> new GcmRegions(read.regionLength() + CseV2.TAG));
    }

    /** Whether splitting pays: more ranges than one. */
    static boolean worthIt(EncryptedRead read) {
        return read.size() > (long) REGIONS_PER_RANGE * read.regionLength();
    }

    void run(Path file, ReadOptions options, String etag) {
        AtomicFiles.replace(file, tmp -> {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                fetchAll(channel, options, etag);
            }
        });
    }

    private void fetchAll(FileChannel channel, ReadOptions options, String etag) throws IOException {
        int regionLength = read.regionLength();
        long regions = (size + regionLength - 1) / regionLength;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, r -> {
            Thread t = new Thread(r, "unistore-decrypt");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> ranges = new ArrayList<>();
        try {
            for (long first = 0; first < regions; first += REGIONS_PER_RANGE) {
                long from = first;
                long to = Math.min(regions, first + REGIONS_PER_RANGE);
                ranges.add(pool.submit(() -> {
                    fetch(channel, options, etag, from, to, done);
                    return null;
                }));
            }
            for (Future<?> f : ranges) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.UNAVAILABLE, "download of " + read.where() + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof StorageException se) {
                throw se;
            }
            if (t instanceof IOException io) {
                throw io;
            }
            throw new StorageException(ErrorCode.INTERNAL, "download of " + read.where() + " failed: " + t, t);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fetches regions [first, end), decrypts them and writes them at their plaintext offset. */
    private void fetch(FileChannel channel, ReadOptions options, String etag, long first, long end, AtomicLong done)
            throws IOException {
        int regionLength = read.regionLength();
        long regionBytes = regionLength + (long) CseV2.OVERHEAD;
        long from = first * regionBytes;
        long to = Math.min(storedSize, end * regionBytes);
        long plainFrom = first * regionLength;
        long plainLength = Math.min(size, end * regionLength) - plainFrom;
        ReadOptions range = options.withProgress(null).withRange(ByteRange.of(from, to - from));
        if (etag != null) {
            range = range.withConditions(options.conditions().withIfMatch(etag));
        }
        try (InputStream in = read.decryptRegions(stored.openInputStream(container, blob, range), first,
                plainLength, buffers.get())) {
            byte[] buffer = new byte[Streams.BUFFER_SIZE];
            long position = plainFrom;
            int n;
            while ((n = in.read(buffer)) > 0) {
                ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                while (bb.hasRemaining()) {
                    position += channel.write(bb, position);
                }
                long total = done.addAndGet(n);
                if (options.progress() != null) {
                    options.progress().onProgress(total, size);
                }
            }
            if (position != plainFrom + plainLength) {
                throw new StorageException(ErrorCode.PERMISSION_DENIED, read.where() + " (key " + read.keyId()
                        + "): regions " + first + "-" + (end - 1) + " ended early");
            }
        }
    }
}
