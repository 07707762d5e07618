package io.unistore.file;

import io.unistore.ProgressListener;
import io.unistore.StorageException;
import java.util.Map;

/**
 * Options of a file upload.
 *
 * @param contentType the MIME type, or null
 * @param metadata user metadata
 * @param length the content length if known, else -1 (Azure Files sizes a file up front; with -1 the
 *               provider grows it as content arrives)
 * @param progress told as bytes go out, or null
 */
public record FileUploadOptions(String contentType, Map<String, String> metadata, long length,
                                ProgressListener progress) {

    public static final FileUploadOptions DEFAULT = new FileUploadOptions(null, Map.of(), -1, null);

    public FileUploadOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (length < -1) {
            throw StorageException.invalidArgument("length", "must be -1 (unknown) or >= 0, was " + length);
        }
    }

    public static FileUploadOptions defaults() {
        return DEFAULT;
    }

    public FileUploadOptions withContentType(String v) {
        return new FileUploadOptions(v, metadata, length, progress);
    }

    public FileUploadOptions withMetadata(Map<String, String> v) {
        return new FileUploadOptions(contentType, v, length, progress);
    }

    public FileUploadOptions withLength(long v) {
        return new FileUploadOptions(contentType, metadata, v, progress);
    }

    public FileUploadOptions withProgress(ProgressListener v) {
        return new FileUploadOptions(contentType, metadata, length, v);
    }
}
