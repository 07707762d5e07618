package io.unistore.cache;

/** What the cache holds, each counted apart in hits and misses. */
public enum CachedKind {
    /** Entities read whole by {@code getEntity} (no {@code select}). */
    ENTITY("entity"),
    /** Blob properties of the current blob ({@code getProperties} without version, snapshot or conditions). */
    BLOB_PROPERTIES("blob.properties"),
    /** The content of blobs at most {@code maxBlobBytes} long, read whole and unconditionally. */
    BLOB_CONTENT("blob.content");

    private final String label;

    CachedKind(String label) {
        this.label = label;
    }

    /** The value of the {@code unistore.cache.kind} metric attribute. */
    public String label() {
        return label;
    }
}
