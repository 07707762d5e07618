package io.unistore.blob;

/** What a presigned URL allows. */
public enum BlobPermission {
    /** GET the content and properties. */
    READ,
    /** PUT new content (create or overwrite). */
    WRITE,
    /** DELETE the blob. */
    DELETE
}
