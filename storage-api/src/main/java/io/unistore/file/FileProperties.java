package io.unistore.file;

import java.time.Instant;
import java.util.Map;

/**
 * Properties of a file or directory in a share.
 *
 * @param share the share
 * @param path the path from the share root, "/"-separated, without a leading "/"
 * @param directory whether this is a directory
 * @param size content length in bytes (0 for a directory)
 * @param contentType the MIME type, or null
 * @param contentMd5 base64 MD5 of the content, or null when unknown
 * @param etag the ETag
 * @param lastModified when it last changed
 * @param metadata user metadata
 */
public record FileProperties(String share, String path, boolean directory, long size, String contentType,
                             String contentMd5, String etag, Instant lastModified, Map<String, String> metadata) {
    public FileProperties {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The last path segment. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
