package io.unistore.testsupport.gcs;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One generation of an object. Immutable: a metadata change replaces it with the next metageneration.
 * The content lives in {@code content}, a file of the stand-in's data directory that no one rewrites.
 */
record StoredObject(String bucket, String name, long generation, long metageneration, long size, Path content,
                    String md5, String crc32c, ObjectAttrs attrs, String storageClass, Instant created,
                    Instant updated, Instant classUpdated, Instant deleted) {

    /** Whether this generation is the live one (not noncurrent). */
    boolean live() {
        return deleted == null;
    }

    StoredObject withAttrs(ObjectAttrs value, Instant now) {
        return new StoredObject(bucket, name, generation, metageneration + 1, size, content, md5, crc32c, value,
                storageClass, created, now, classUpdated, deleted);
    }

    StoredObject noncurrent(Instant now) {
        return new StoredObject(bucket, name, generation, metageneration, size, content, md5, crc32c, attrs,
                storageClass, created, updated, classUpdated, now);
    }

    /** GCS's etag: an opaque string that changes with the generation and the metageneration. */
    String etag() {
        return java.util.Base64.getEncoder().withoutPadding()
                .encodeToString((generation + "/" + metageneration).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
