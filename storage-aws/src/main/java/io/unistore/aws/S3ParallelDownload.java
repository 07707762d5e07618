package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ReadOptions;
import io.unistore.spi.AtomicFiles;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code downloadToFile} of a large object as ranged GETs of {@code partSize} bytes, {@code concurrency} at a
 * time, each written at its offset of a temporary file that replaces the target once complete
 * ({@link AtomicFiles#replace}). Every range is
 * pinned to the ETag (or version) read first, so a blob replaced meanwhile fails the download instead of
 * mixing two contents. One S3 connection rarely goes beyond ~100 MB/s; several do.
 */
final class S3ParallelDownload {
    private final S3Context ctx;

    S3ParallelDownload(S3Context ctx) {
        this.ctx = ctx;
    }

    /** Whether splitting pays: more than two parts, and more than one connection allowed. */
    boolean worthIt(long size) {
        return size > 2 * ctx.settings.partSize() && ctx.settings.concurrency() > 1;
    }

    void run(String bucket, String key, BlobProperties p, Path file, ReadOptions o) {
        AtomicFiles.replace(file, tmp -> {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                fetchAll(bucket, key, p, o, channel);
            }
        });
    }

    private void fetchAll(String bucket, String key, BlobProperties p, ReadOptions o, FileChannel channel)
            throws IOException {
        long size = p.size();
        long chunk = ctx.settings.partSize();
        String pin = o.versionId() == null ? p.etag() : null;
        AtomicLong done = new AtomicLong();
        BoundedTasks<Void> ranges = new BoundedTasks<>(ctx.transfers, ctx.settings.concurrency());
        try {
            for (long offset = 0; offset < size; offset += chunk) {
                long from = offset;
                long to = Math.min(size, offset + chunk) - 1;
                ranges.submit(() -> {
                    fetch(bucket, key, o.versionId(), pin, from, to, channel, done, size, o);
                    return null;
                });
            }
            ranges.awaitAll();
        } catch (InterruptedException | ExecutionException e) {
            ranges.abandon();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new StorageException(ErrorCode.UNAVAILABLE, "download of " + bucket + "/" + key
                        + " was interrupted", e);
            }
            Throwable t = e.getCause();
            if (t instanceof StorageException se) {
                throw se;
            }
            if (t instanceof IOException io) {
                throw io;
            }
            throw new StorageException(ErrorCode.INTERNAL, "download of " + bucket + "/" + key + " failed: " + t, t);
        }
    }

    private void fetch(String bucket, String key, String versionId, String ifMatch, long from, long to,
                       FileChannel channel, AtomicLong done, long size, ReadOptions o) throws IOException {
        try (InputStream in = ctx.call("GetObject " + bucket + "/" + key + " bytes " + from + "-" + to,
                () -> ctx.s3.getObject(b -> b.bucket(bucket).key(key).versionId(versionId).ifMatch(ifMatch)
                        .range("bytes=" + from + "-" + to)))) {
            byte[] buffer = new byte[Streams.BUFFER_SIZE];
            long position = from;
            int n;
            while ((n = in.read(buffer)) > 0) {
                ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                while (bb.hasRemaining()) {
                    position += channel.write(bb, position);
                }
                long total = done.addAndGet(n);
                if (o.progress() != null) {
                    o.progress().onProgress(total, size);
                }
            }
            if (position != to + 1) {
                throw new IOException("range " + from + "-" + to + " ended early, at " + position);
            }
        }
    }
}
