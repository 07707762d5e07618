package io.unistore.ops;

import io.unistore.ByteRange;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * The {@code compress} lifecycle action, which no provider has: a blob is rewritten as gzip with
 * {@code Content-Encoding: gzip}, its other headers, metadata and tier kept, and the MD5 and size of the original
 * content in the metadata keys {@value #ORIGINAL_MD5} and {@value #ORIGINAL_SIZE}.
 *
 * <p>Planning skips what is already encoded, smaller than {@link #MIN_SIZE}, or compressed by its type or name
 * (images, audio, video, archives), then deflates a sample of the first {@link #SAMPLE} bytes (one ranged read) and
 * plans the blob only when the sample shrinks below {@link #MAX_RATIO} of its size. Applying reads the content
 * under the planned ETag and uploads the gzip conditionally on that ETag: a write made meanwhile wins and the blob
 * is skipped as changed, never overwritten.
 */
final class LifecycleCompress {
    static final String ORIGINAL_MD5 = "unistore_original_md5";
    static final String ORIGINAL_SIZE = "unistore_original_size";
    static final int SAMPLE = 64 * 1024;
    static final long MIN_SIZE = 1024;
    static final double MAX_RATIO = 0.9;
    private static final Set<String> COMPRESSED_NAMES = Set.of("gz", "tgz", "zip", "bz2", "xz", "zst", "7z", "rar",
            "jpg", "jpeg", "png", "gif", "webp", "avif", "heic", "mp3", "mp4", "m4a", "mov", "mkv", "webm", "ogg",
            "pdf", "docx", "xlsx", "pptx", "jar", "parquet", "orc", "avro", "br", "lz4");

    private LifecycleCompress() {
    }

    /** Whether a blob may be compressed at all, by its headers, size and name (no I/O). */
    static boolean candidate(BlobProperties p) {
        if (p.contentEncoding() != null && !p.contentEncoding().isBlank()
                && !"identity".equalsIgnoreCase(p.contentEncoding())) {
            return false;
        }
        if (p.size() < MIN_SIZE || p.tier() == io.unistore.blob.AccessTier.ARCHIVE) {
            return false;
        }
        String type = p.contentType() == null ? "" : p.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("image/") && !type.startsWith("image/svg") || type.startsWith("audio/")
                || type.startsWith("video/") || type.contains("zip") || type.contains("compress")
                || type.contains("x-7z") || type.contains("x-rar")) {
            return false;
        }
        int dot = p.name().lastIndexOf('.');
        return dot < 0 || !COMPRESSED_NAMES.contains(p.name().substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The compressed size as a fraction of the original, estimated on a sample of the first bytes; 1 or more when it
     * does not compress.
     */
    static double sampleRatio(StorageAccount account, String container, BlobProperties p) {
        byte[] sample;
        try (InputStream in = account.blobs().openInputStream(container, p.name(), ReadOptions
                .range(ByteRange.of(0, Math.min(SAMPLE, p.size()))).withConditions(RequestConditions.ifMatch(p.etag())))) {
            sample = in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw Streams.ioFailure("sample of " + container + "/" + p.name(), e);
        }
        if (sample.length == 0) {
            return 1;
        }
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(sample);
            d.finish();
            byte[] out = new byte[sample.length + 64];
            long size = 0;
            while (!d.finished()) {
                size += d.deflate(out);
            }
            return (double) size / sample.length;
        } finally {
            d.end();
        }
    }

    /**
     * The compress item of a due blob, its saving estimated from a sample (storage at the blob's tier times the
     * share the sample loses), or null when it is no candidate or its sample does not compress enough.
     */
    static LifecyclePlan.Item plan(StorageAccount account, String container, BlobProperties p, LifecyclePlan.Item due,
                                   PriceTable prices) {
        if (!candidate(p)) {
            return null;
        }
        double ratio = sampleRatio(account, container, p);
        if (ratio >= MAX_RATIO) {
            return null;
        }
        double saving = prices == null ? 0
                : p.size() / CostAnalysis.GIB * (1 - ratio) * prices.of(p.tier()).storageGbMonth().value();
        return new LifecyclePlan.Item(due.blob(), due.etag(), due.action(), due.fromTier(), null, due.size(),
                due.rule(), saving, due.target(), null, null);
    }

    /** Outcome of one compression. */
    enum Result { APPLIED, CHANGED }

    /** Rewrites the blob as gzip if it still has {@code etag}. */
    static Result apply(StorageAccount account, String container, String blob, String etag) {
        BlobProperties p = account.blobs().getProperties(container, blob);
        if (!p.etag().equals(etag)) {
            return Result.CHANGED;
        }
        Map<String, String> metadata = new HashMap<>(p.metadata());
        metadata.remove(Digests.MD5_KEY); // it was the MD5 of the stored bytes, which change
        RequestConditions same = RequestConditions.ifMatch(etag);
        UploadOptions o = UploadOptions.defaults().withContentEncoding("gzip").withContentType(p.contentType())
                .withCacheControl(p.cacheControl()).withContentDisposition(p.contentDisposition())
                .withConditions(same);
        if (p.tier() != null && account.capabilities().has(Capability.BLOB_TIERS)) {
            o = o.withTier(p.tier());
        }
        // The original MD5 is needed in the metadata before the upload starts, so the content is read twice: once
        // to hash it (or not at all where the service reports its MD5), once to compress it, both under the ETag.
        String known = Digests.md5Of(p);
        String md5 = known != null ? known : hash(account, container, blob, same);
        metadata.put(ORIGINAL_MD5, md5);
        metadata.put(ORIGINAL_SIZE, Long.toString(p.size()));
        try (InputStream raw = account.blobs().openInputStream(container, blob, ReadOptions.defaults()
                .withConditions(same));
             DigestInputStream checked = Digests.md5Stream(raw);
             InputStream gzip = GzipInput.compress(checked)) {
            account.blobs().upload(container, blob, new VerifiedEnd(gzip, checked, md5), o.withMetadata(metadata));
            return Result.APPLIED;
        } catch (StorageException e) {
            if (e.code() == ErrorCode.PRECONDITION_FAILED || e.code() == ErrorCode.NOT_FOUND) {
                return Result.CHANGED;
            }
            throw e;
        } catch (IOException e) {
            throw Streams.ioFailure("compression of " + container + "/" + blob, e);
        }
    }

    private static String hash(StorageAccount account, String container, String blob, RequestConditions same) {
        try (InputStream in = account.blobs().openInputStream(container, blob, ReadOptions.defaults()
                .withConditions(same))) {
            return Digests.md5OfStream(in);
        } catch (IOException e) {
            throw Streams.ioFailure("hash of " + container + "/" + blob, e);
        }
    }

    /**
     * Fails the read at its end when the content read does not have the MD5 put in the metadata, so a mismatch
     * (content the conditional read should have refused) fails the upload instead of storing a wrong record.
     */
    private static final class VerifiedEnd extends java.io.FilterInputStream {
        private final DigestInputStream checked;
        private final String md5;
        private boolean verified;

        VerifiedEnd(InputStream gzip, DigestInputStream checked, String md5) {
            super(gzip);
            this.checked = checked;
            this.md5 = md5;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                verify();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                verify();
            }
            return n;
        }

        private void verify() throws IOException {
            if (verified) {
                return;
            }
            verified = true;
            String read = Digests.base64(checked.getMessageDigest());
            if (!read.equals(md5)) {
                throw new IOException("the content read has MD5 " + read + ", not " + md5 + "; not compressed");
            }
        }
    }
}
