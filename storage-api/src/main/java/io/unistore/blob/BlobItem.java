package io.unistore.blob;

/**
 * One entry of a blob listing: a blob, or (in a listing with a delimiter) a virtual directory prefix.
 *
 * @param name the blob name, or the prefix including its trailing delimiter
 * @param prefix true for a virtual directory
 * @param properties the blob's properties; null for a prefix
 */
public record BlobItem(String name, boolean prefix, BlobProperties properties) {

    /** A blob entry. */
    public static BlobItem blob(BlobProperties properties) {
        return new BlobItem(properties.name(), false, properties);
    }

    /** A virtual directory entry. */
    public static BlobItem prefix(String prefix) {
        return new BlobItem(prefix, true, null);
    }
}
