package io.unistore.file;

import io.unistore.ByteRange;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.Requires;
import io.unistore.StorageException;
import io.unistore.internal.Existence;
import io.unistore.spi.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * File shares with directories: Azure Files, or the local provider.
 *
 * <p>Paths are "/"-separated from the share root, without a leading "/"; the empty string is the root.
 * A path segment may not be {@code .} or {@code ..} or hold {@code \ : * ? " < > |}, NUL or control
 * characters; segments are at most 255 characters. Parents must exist: creating {@code a/b} when {@code a} is
 * missing fails with NOT_FOUND ({@link #createDirectories} makes the chain). Share names follow Azure's
 * rules (3-63 lowercase letters, digits and single hyphens). Implementations are thread-safe.
 */
public interface FileStore {

    // ---- shares -------------------------------------------------------------------------------------

    /** Creates a share; ALREADY_EXISTS if it exists. */
    default void createShare(String share) {
        createShare(share, CreateShareOptions.defaults());
    }

    /**
     * Creates a share with a quota and metadata; ALREADY_EXISTS if it exists. A quota is refused with
     * UNSUPPORTED when the account lacks {@link Capability#FILE_SHARE_QUOTA}.
     */
    void createShare(String share, CreateShareOptions options);

    /** Creates the share unless it exists; true if this call created it. */
    default boolean createShareIfNotExists(String share) {
        return Existence.createdUnlessExists(() -> createShare(share));
    }

    /** Deletes a share and everything in it; false if it did not exist. */
    boolean deleteShare(String share);

    /** Whether the share exists. */
    boolean shareExists(String share);

    /** Lists shares in name order, paged. */
    PagedIterable<ShareInfo> listShares(ListOptions options);

    /** Lists every share. */
    default PagedIterable<ShareInfo> listShares() {
        return listShares(ListOptions.defaults());
    }

    /** The share's properties; NOT_FOUND if absent. */
    ShareInfo getShareProperties(String share);

    /** Sets the share's quota in GiB; NOT_FOUND if absent. */
    @Requires(Capability.FILE_SHARE_QUOTA)
    void setShareQuota(String share, int quotaGb);

    // ---- directories --------------------------------------------------------------------------------

    /**
     * Creates a directory.
     *
     * @throws StorageException ALREADY_EXISTS; NOT_FOUND if the share or parent directory is missing
     */
    default void createDirectory(String share, String path) {
        createDirectory(share, path, Map.of());
    }

    /** Creates a directory with metadata. */
    void createDirectory(String share, String path, Map<String, String> metadata);

    /**
     * Creates the directory and any missing parents; existing ones are fine.
     *
     * @throws StorageException INVALID_ARGUMENT for a bad path (checked whole, before anything is created)
     */
    void createDirectories(String share, String path);

    /**
     * Deletes a directory.
     *
     * @param recursive also delete everything under it; without it a non-empty directory fails with CONFLICT
     * @return false if it did not exist
     */
    boolean deleteDirectory(String share, String path, boolean recursive);

    /**
     * Lists a directory ("" for the share root), in name order, paged.
     *
     * @throws StorageException NOT_FOUND if the directory is missing
     */
    PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options);

    /** Lists a directory's children. */
    default PagedIterable<FileItem> list(String share, String directory) {
        return list(share, directory, ListFilesOptions.defaults());
    }

    // ---- files --------------------------------------------------------------------------------------

    /**
     * Uploads a file from a stream, in bounded memory, replacing any file at that path; the new content is
     * visible only once complete. The stream is read to its end but not closed.
     *
     * @throws StorageException NOT_FOUND if the share or parent directory is missing; CONFLICT if the path is
     *         a directory
     */
    FileProperties upload(String share, String path, InputStream content, FileUploadOptions options);

    /** Uploads bytes. */
    default FileProperties upload(String share, String path, byte[] content, FileUploadOptions options) {
        return upload(share, path, new ByteArrayInputStream(content), options.withLength(content.length));
    }

    /** Uploads bytes with default options. */
    default FileProperties upload(String share, String path, byte[] content) {
        return upload(share, path, content, FileUploadOptions.defaults());
    }

    /** Uploads a local file. */
    FileProperties upload(String share, String path, Path file, FileUploadOptions options);

    /**
     * Opens a file's content, or a range of it (null for all).
     *
     * @throws StorageException NOT_FOUND; INVALID_ARGUMENT if the range starts beyond the end
     */
    InputStream openInputStream(String share, String path, ByteRange range);

    /** Writes the file's content to {@code out} (not closed); returns bytes written. */
    default long download(String share, String path, OutputStream out) {
        try (InputStream in = openInputStream(share, path, null)) {
            return Streams.copy(in, out, null, -1);
        } catch (IOException e) {
            throw Streams.ioFailure("download of " + share + "/" + path, e);
        }
    }

    /** Downloads into a local file, replacing it only once complete. */
    FileProperties downloadToFile(String share, String path, Path file);

    /** The whole file in memory; for small files only. */
    default byte[] downloadBytes(String share, String path) {
        try (InputStream in = openInputStream(share, path, null)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw Streams.ioFailure("download of " + share + "/" + path, e);
        }
    }

    /** Properties of a file or directory; NOT_FOUND if absent. */
    FileProperties getProperties(String share, String path);

    /** Replaces the metadata of a file or directory; NOT_FOUND if absent. */
    void setMetadata(String share, String path, Map<String, String> metadata);

    /**
     * Moves (or renames) a file within its share, content, headers and metadata kept, done by the service without
     * moving the bytes through this machine. The target's directory must exist.
     *
     * @param replaceIfExists whether an existing file at the target is replaced; a directory never is
     * @return the moved file's properties
     * @throws StorageException NOT_FOUND if the source or the target's directory does not exist; ALREADY_EXISTS
     *         if the target exists and may not be replaced (or is a directory); CONFLICT if the source is a
     *         directory; INVALID_ARGUMENT if the target is the source
     */
    @Requires(Capability.FILE_MOVE)
    FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists);

    /**
     * Deletes a file.
     *
     * @return false if it did not exist
     * @throws StorageException CONFLICT if the path is a directory
     */
    boolean deleteFile(String share, String path);

    /** Whether a file or directory exists at the path (a missing share is just false). */
    boolean exists(String share, String path);
}
