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

/** The file store of an {@link ObservingLayer}. */
final class ObservedFiles extends ForwardingFileBackend {
    private final Observed o;

    ObservedFiles(FileBackend delegate, CallObserver observer) {
        super(delegate);
        this.o = new Observed(observer, "file");
    }

    @Override
    public void createShare(String share, CreateShareOptions options) {
        o.write("createShare", () -> super.createShare(share, options), share);
    }

    @Override
    public boolean deleteShare(String share) {
        return o.write("deleteShare", () -> super.deleteShare(share), share);
    }

    @Override
    public boolean shareExists(String share) {
        return o.read("shareExists", () -> super.shareExists(share), share);
    }

    @Override
    public PagedIterable<ShareInfo> listShares(ListOptions options) {
        return o.pages("listShares", () -> super.listShares(options));
    }

    @Override
    public ShareInfo getShareProperties(String share) {
        return o.read("getShareProperties", () -> super.getShareProperties(share), share);
    }

    @Override
    public void setShareQuota(String share, int quotaGb) {
        o.write("setShareQuota", () -> super.setShareQuota(share, quotaGb), share);
    }

    @Override
    public void createDirectory(String share, String path, Map<String, String> metadata) {
        o.write("createDirectory", () -> super.createDirectory(share, path, metadata), share, path);
    }

    @Override
    public boolean deleteDirectory(String share, String path, boolean recursive) {
        return o.write("deleteDirectory", () -> super.deleteDirectory(share, path, recursive), share, path);
    }

    @Override
    public PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options) {
        return o.pages("list", () -> super.list(share, directory, options), share, directory);
    }

    @Override
    public FileProperties upload(String share, String path, InputStream content, FileUploadOptions options) {
        return o.write("upload", () -> super.upload(share, path, content, options), FileProperties::size, share,
                path);
    }

    @Override
    public FileProperties upload(String share, String path, Path file, FileUploadOptions options) {
        return o.write("upload", () -> super.upload(share, path, file, options), FileProperties::size, share, path);
    }

    @Override
    public InputStream openInputStream(String share, String path, ByteRange range) {
        return o.stream("openInputStream", () -> super.openInputStream(share, path, range), share, path);
    }

    @Override
    public FileProperties downloadToFile(String share, String path, Path file) {
        return o.read("downloadToFile", () -> super.downloadToFile(share, path, file), FileProperties::size, share,
                path);
    }

    @Override
    public FileProperties getProperties(String share, String path) {
        return o.read("getProperties", () -> super.getProperties(share, path), share, path);
    }

    @Override
    public FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists) {
        return o.write("moveFile", () -> super.moveFile(share, sourcePath, targetPath, replaceIfExists), share,
                sourcePath, targetPath);
    }

    @Override
    public void setMetadata(String share, String path, Map<String, String> metadata) {
        o.write("setMetadata", () -> super.setMetadata(share, path, metadata), share, path);
    }

    @Override
    public boolean deleteFile(String share, String path) {
        return o.write("deleteFile", () -> super.deleteFile(share, path), share, path);
    }

    @Override
    public boolean exists(String share, String path) {
        return o.read("exists", () -> super.exists(share, path), share, path);
    }
}
