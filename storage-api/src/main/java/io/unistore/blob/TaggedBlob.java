package io.unistore.blob;

import java.util.Map;

/**
 * One blob found by {@link BlobStore#findBlobsByTags}.
 *
 * @param container the blob's container
 * @param name the blob's name
 * @param tags the blob's tags named in the expression (Azure's index answers only those; a scan answers the same)
 */
public record TaggedBlob(String container, String name, Map<String, String> tags) {
    public TaggedBlob {
        tags = Map.copyOf(tags);
    }
}
