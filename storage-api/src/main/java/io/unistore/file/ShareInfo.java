package io.unistore.file;

import java.time.Instant;
import java.util.Map;

/**
 * A file share.
 *
 * @param name the share name
 * @param quotaGb the size quota in GiB, or 0 when none is set or the provider has no quotas
 * @param metadata user metadata
 * @param lastModified when the share last changed, if known
 * @param etag the share's ETag, if any
 */
public record ShareInfo(String name, int quotaGb, Map<String, String> metadata, Instant lastModified, String etag) {
    public ShareInfo {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
