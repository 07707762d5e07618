package io.unistore.blob;

import java.time.Instant;
import java.util.Map;

/**
 * A blob container (an S3 or GCS bucket).
 *
 * @param name the container name
 * @param metadata user metadata (empty where containers carry none)
 * @param lastModified when the container last changed, if known
 * @param etag the container's ETag, if the provider has one
 */
public record ContainerInfo(String name, Map<String, String> metadata, Instant lastModified, String etag) {
    public ContainerInfo {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
