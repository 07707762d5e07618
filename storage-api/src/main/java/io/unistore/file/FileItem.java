package io.unistore.file;

/**
 * One entry of a directory listing.
 *
 * @param name the entry's name within its directory
 * @param path its full path from the share root
 * @param directory whether it is a directory
 * @param size content length (0 for directories)
 */
public record FileItem(String name, String path, boolean directory, long size) {
}
