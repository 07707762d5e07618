package io.unistore.blob;

import io.unistore.Nullable;
import io.unistore.ProgressListener;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Options of an upload. Content of any size streams through bounded memory: the provider reads at most
 * {@code blockSize × concurrency} bytes ahead. Immutable; start from {@link #defaults()} or {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public interface UploadOptions extends WithUploadOptions {

    /** The MIME type, or null (the provider's default, usually application/octet-stream). */
    @Nullable
    String contentType();

    /** Content-Encoding, e.g. gzip, or null. */
    @Nullable
    String contentEncoding();

    /** Cache-Control, or null. */
    @Nullable
    String cacheControl();

    /** Content-Disposition, or null. */
    @Nullable
    String contentDisposition();

    /** User metadata, checked by the account's naming rules. */
    Map<String, String> metadata();

    /**
     * Blob index tags written with the content, in the same request where the service takes them (Azure
     * {@code x-ms-tags}, S3 {@code x-amz-tagging}); where tags are kept in metadata (no BLOB_TAGS) they go into the
     * metadata entry {@code unistoretags} of the same write. Azure's tag rules apply (see
     * {@link BlobStore#setTags}). Empty: no tags.
     */
    Map<String, String> tags();

    /** The tier to write into, or null for the account default (needs BLOB_TIERS). */
    @Nullable
    AccessTier tier();

    /** Conditions on the existing blob ({@link RequestConditions#ifNotExists()} for create-only). */
    @Value.Default
    default RequestConditions conditions() {
        return RequestConditions.none();
    }

    /** Base64 MD5 the content must have; a mismatch fails the upload and stores nothing. */
    @Nullable
    String contentMd5();

    /** The content length if known, else -1 (lets providers choose single-shot vs. multipart). */
    @Value.Default
    default long length() {
        return -1;
    }

    /** Bytes per block/part for chunked uploads, or 0 for the provider's measured default. */
    @Value.Default
    default long blockSize() {
        return 0;
    }

    /** Blocks in flight at once, or 0 for the provider's default. */
    @Value.Default
    default int concurrency() {
        return 0;
    }

    /** Told as bytes go out, or null. */
    @Nullable
    ProgressListener progress();

    @Value.Check
    default void check() {
        if (length() < -1) {
            throw StorageException.invalidArgument("length", "must be -1 (unknown) or >= 0, was " + length());
        }
        if (blockSize() < 0) {
            throw StorageException.invalidArgument("blockSize", "must be 0 (default) or positive, was " + blockSize());
        }
        if (concurrency() < 0) {
            throw StorageException.invalidArgument("concurrency", "must be 0 (default) or positive, was "
                    + concurrency());
        }
    }

    /** No headers, no metadata, unconditional overwrite, unknown length, provider-tuned transfer. */
    static UploadOptions defaults() {
        return Defaults.UPLOAD;
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UploadOptions}. */
    final class Builder extends ImmutableUploadOptions.Builder {
    }
}
