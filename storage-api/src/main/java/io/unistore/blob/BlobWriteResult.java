package io.unistore.blob;

import java.time.Instant;

/**
 * What a write (upload, copy, metadata change, restore) left behind.
 *
 * @param etag the blob's new ETag
 * @param lastModified when it was written
 * @param size the content length in bytes, or -1 when the write did not report it
 * @param contentMd5 base64 MD5 of the whole content, or null when the provider does not know it
 * @param versionId the new version's id where versions are kept, else null
 */
public record BlobWriteResult(String etag, Instant lastModified, long size, String contentMd5, String versionId) {
}
