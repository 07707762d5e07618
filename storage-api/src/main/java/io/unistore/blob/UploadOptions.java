package io.unistore.blob;

import io.unistore.ProgressListener;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import java.util.Map;

/**
 * Options of an upload. Content of any size streams through bounded memory: the provider reads at most
 * {@code blockSize × concurrency} bytes ahead.
 *
 * @param contentType the MIME type, or null (the provider's default, usually application/octet-stream)
 * @param contentEncoding e.g. gzip, or null
 * @param cacheControl Cache-Control, or null
 * @param contentDisposition Content-Disposition, or null
 * @param metadata user metadata (keys: letters, digits, underscore, not starting with a digit; values: ASCII)
 * @param tier the tier to write into, or null for the account default
 * @param conditions conditions on the existing blob ({@link RequestConditions#ifNotExists()} for create-only)
 * @param contentMd5 base64 MD5 the content must have; a mismatch fails the upload and stores nothing
 * @param length the content length if known, else -1 (lets providers choose single-shot vs. multipart)
 * @param blockSize bytes per block/part for chunked uploads, or 0 for the provider's measured default
 * @param concurrency blocks in flight at once, or 0 for the provider's default
 * @param progress told as bytes go out, or null
 */
public record UploadOptions(String contentType, String contentEncoding, String cacheControl,
                            String contentDisposition, Map<String, String> metadata, AccessTier tier,
                            RequestConditions conditions, String contentMd5, long length, long blockSize,
                            int concurrency, ProgressListener progress) {

    /** Defaults: no headers, no metadata, unconditional overwrite, unknown length, provider-tuned transfer. */
    public static final UploadOptions DEFAULT = new UploadOptions(null, null, null, null, Map.of(), null,
            RequestConditions.NONE, null, -1, 0, 0, null);

    public UploadOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        conditions = conditions == null ? RequestConditions.NONE : conditions;
        if (length < -1) {
            throw StorageException.invalidArgument("length", "must be -1 (unknown) or >= 0, was " + length);
        }
        if (blockSize < 0) {
            throw StorageException.invalidArgument("blockSize", "must be 0 (default) or positive, was " + blockSize);
        }
        if (concurrency < 0) {
            throw StorageException.invalidArgument("concurrency", "must be 0 (default) or positive, was " + concurrency);
        }
    }

    /** Defaults. */
    public static UploadOptions defaults() {
        return DEFAULT;
    }

    public UploadOptions withContentType(String v) {
        return new UploadOptions(v, contentEncoding, cacheControl, contentDisposition, metadata, tier, conditions,
                contentMd5, length, blockSize, concurrency, progress);
    }

    public UploadOptions withContentEncoding(String v) {
        return new UploadOptions(contentType, v, cacheControl, contentDisposition, metadata, tier, conditions,
                contentMd5, length, blockSize, concurrency, progress);
    }

    public UploadOptions withCacheControl(String v) {
        return new UploadOptions(contentType, contentEncoding, v, contentDisposition, metadata, tier, conditions,
                contentMd5, length, blockSize, concurrency, progress);
    }

    public UploadOptions withContentDisposition(String v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, v, metadata, tier, conditions,
                contentMd5, length, blockSize, concurrency, progress);
    }

    public UploadOptions withMetadata(Map<String, String> v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, v, tier, conditions,
                contentMd5, length, blockSize, concurrency, progress);
    }

    public UploadOptions withTier(AccessTier v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, v,
                conditions, contentMd5, length, blockSize, concurrency, progress);
    }

    public UploadOptions withConditions(RequestConditions v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, tier, v,
                contentMd5, length, blockSize, concurrency, progress);
    }

    public UploadOptions withContentMd5(String v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, tier,
                conditions, v, length, blockSize, concurrency, progress);
    }

    public UploadOptions withLength(long v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, tier,
                conditions, contentMd5, v, blockSize, concurrency, progress);
    }

    public UploadOptions withBlockSize(long v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, tier,
                conditions, contentMd5, length, v, concurrency, progress);
    }

    public UploadOptions withConcurrency(int v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, tier,
                conditions, contentMd5, length, blockSize, v, progress);
    }

    public UploadOptions withProgress(ProgressListener v) {
        return new UploadOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, tier,
                conditions, contentMd5, length, blockSize, concurrency, v);
    }
}
