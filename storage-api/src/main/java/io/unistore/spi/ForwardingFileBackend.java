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
import java.util.Objects;

/**
 * A {@link FileBackend} that forwards every call, optional ones included, to another: the base of a layer's
 * file store. Override what the layer changes.
 */
public class ForwardingFileBackend implements FileBackend {
    private final FileBackend delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingFileBackend(FileBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store below. */
    protected FileBackend delegate() {
        return delegate;
    }

    @Override
    public void createShare(String share, CreateShareOptions options) {
        delegate.createShare(share, options);
    }

    @Override
    public boolean deleteShare(String share) {
        return delegate.deleteShare(share);
    }

    @Override
    public boolean shareExists(String share) {
        return delegate.shareExists(share);
    }

    @Override
    public PagedIterable<ShareInfo> listShares(ListOptions options) {
        return delegate.listShares(options);
    }

    @Override
    public ShareInfo getShareProperties(String share) {
        return delegate.getShareProperties(share);
    }

    @Override
    public void setShareQuota(String share, int quotaGb) {
        delegate.setShareQuota(share, quotaGb);
    }

    @Override
    public void createDirectory(String share, String path, Map<String, String> metadata) {
        delegate.createDirectory(share, path, metadata);
    }

    @Override
    public boolean deleteDirectory(String share, String path, boolean recursive) {
        return delegate.deleteDirectory(share, path, recursive);
    }

    @Override
    public PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options) {
        return delegate.list(share, directory, options);
    }

    @Override
    public FileProperties upload(String share, String path, InputStream content, FileUploadOptions options) {
        return delegate.upload(share, path, content, options);
    }

    @Override
    public FileProperties upload(String share, String path, Path file, FileUploadOptions options) {
        return delegate.upload(share, path, file, options);
    }

    @Override
    public InputStream openInputStream(String share, String path, ByteRange range) {
        return delegate.openInputStream(share, path, range);
    }

    @Override
    public FileProperties downloadToFile(String share, String path, Path file) {
        return delegate.downloadToFile(share, path, file);
    }

    @Override
    public FileProperties getProperties(String share, String path) {
        return delegate.getProperties(share, path);
    }

    @Override
    public FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists) {
        return delegate.moveFile(share, sourcePath, targetPath, replaceIfExists);
    }

    @Override
    public void setMetadata(String share, String path, Map<String, String> metadata) {
        delegate.setMetadata(share, path, metadata);
    }

    @Override
    public boolean deleteFile(String share, String path) {
        return delegate.deleteFile(share, path);
    }

    @Override
    public boolean exists(String share, String path) {
        return delegate.exists(share, path);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + delegate + ")";
    }
}
