package io.unistore.spi;

import io.unistore.ByteRange;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.file.ShareInfo;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a provider implements to serve file shares. Users call {@link io.unistore.file.FileStore}, which
 * validates share names and paths by the declared {@link NamingRules} (paths arrive without leading or
 * trailing {@code /}, {@code ""} for the root) and checks capabilities before calling this interface.
 * Semantics are those of the {@code FileStore} method of the same name. Implementations are thread-safe.
 */
public interface FileBackend {

    /** Creates a share; ALREADY_EXISTS if it exists. A quota is set only with FILE_SHARE_QUOTA. */
    void createShare(String share, CreateShareOptions options);

    /** Deletes a share and its content; false if absent. */
    boolean deleteShare(String share);

    /** Whether the share exists. */
    boolean shareExists(String share);

    /** Shares in name order. */
    PagedIterable<ShareInfo> listShares(ListOptions options);

    /** The share's properties; NOT_FOUND if absent. */
    ShareInfo getShareProperties(String share);

    /** Sets the share's quota. Needs FILE_SHARE_QUOTA. */
    default void setShareQuota(String share, int quotaGb) {
        throw Unsupported.operation("setShareQuota");
    }

    /** Moves a file within its share; the API has checked the paths differ. Needs FILE_MOVE. */
    default FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists) {
        throw Unsupported.operation("moveFile");
    }

    /** Creates one directory (its parent must exist); ALREADY_EXISTS if it exists. */
    void createDirectory(String share, String path, Map<String, String> metadata);

    /** Deletes a directory (with its content if {@code recursive}); false if absent. */
    boolean deleteDirectory(String share, String path, boolean recursive);

    /** The entries of a directory (or its whole tree), paged. */
    PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options);

    /** Uploads a stream into a file, replacing it only once complete. */
    FileProperties upload(String share, String path, InputStream content, FileUploadOptions options);

    /** Uploads a local file of known length; the default streams it. */
    default FileProperties upload(String share, String path, Path file, FileUploadOptions options) {
        return LocalFiles.read(file, in -> upload(share, path, in, options));
    }

    /** Opens the content, or a range of it ({@code range} may be null). */
    InputStream openInputStream(String share, String path, ByteRange range);

    /**
     * Downloads into a file, replacing it only when complete, and returns the properties of what was read. The
     * default reads the properties, then streams {@link #openInputStream} through {@link AtomicFiles#write}.
     */
    default FileProperties downloadToFile(String share, String path, Path file) {
        FileProperties properties = getProperties(share, path);
        AtomicFiles.write(file, out -> {
            try (InputStream in = openInputStream(share, path, null)) {
                Streams.copy(in, out, null, -1);
            }
        });
        return properties;
    }

    /** The file's properties; NOT_FOUND if absent. */
    FileProperties getProperties(String share, String path);

    /** Replaces the file's metadata. */
    void setMetadata(String share, String path, Map<String, String> metadata);

    /** Deletes a file; false if absent. */
    boolean deleteFile(String share, String path);

    /** Whether a file or directory exists at the path. */
    boolean exists(String share, String path);
}
