package io.unistore.internal;

import static io.unistore.internal.OptionRules.required;

import io.unistore.ByteRange;
import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.NamingRules;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.file.ShareInfo;
import io.unistore.spi.FileBackend;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one implementation of {@link FileStore}: share names, paths and metadata are checked by the account's
 * naming rules (paths are passed on normalised: no leading or trailing {@code /}, {@code ""} for the root),
 * quotas need FILE_SHARE_QUOTA, page sizes are clamped, before the backend is called.
 */
final class RuledFileStore implements FileStore {
    private final FileBackend backend;
    private final Capabilities capabilities;
    private final NamingRules names;
    private final Guard guard;

    RuledFileStore(FileBackend backend, Capabilities capabilities, Guard guard) {
        this.backend = backend;
        this.capabilities = capabilities;
        this.names = capabilities.naming();
        this.guard = guard;
    }

    @Override
    public void createShare(String share, CreateShareOptions options) {
        names.share(share);
        CreateShareOptions o = options == null ? CreateShareOptions.defaults() : options;
        if (o.quotaGb() > 0) {
            capabilities.require(Capability.FILE_SHARE_QUOTA, "createShare with a quota");
        }
        CreateShareOptions checked = o.withMetadata(names.metadata(o.metadata()));
        guard.run(() -> backend.createShare(share, checked));
    }

    @Override
    public boolean deleteShare(String share) {
        names.share(share);
        return guard.call(() -> backend.deleteShare(share));
    }

    @Override
    public boolean shareExists(String share) {
        names.share(share);
        return guard.call(() -> backend.shareExists(share));
    }

    @Override
    public PagedIterable<ShareInfo> listShares(ListOptions options) {
        ListOptions clamped = Paging.clamp(options == null ? ListOptions.defaults() : options, capabilities);
        return guard.pages(() -> backend.listShares(clamped));
    }

    @Override
    public ShareInfo getShareProperties(String share) {
        names.share(share);
        return guard.call(() -> backend.getShareProperties(share));
    }

    @Override
    public void setShareQuota(String share, int quotaGb) {
        capabilities.require(Capability.FILE_SHARE_QUOTA, "setShareQuota");
        names.share(share);
        if (quotaGb < 1 || quotaGb > CreateShareOptions.MAX_QUOTA_GB) {
            throw StorageException.invalidArgument("quotaGb", "must be between 1 and "
                    + CreateShareOptions.MAX_QUOTA_GB + ", was " + quotaGb);
        }
        guard.run(() -> backend.setShareQuota(share, quotaGb));
    }

    @Override
    public void createDirectory(String share, String path, Map<String, String> metadata) {
        names.share(share);
        String p = nonRoot(path);
        Map<String, String> md = names.metadata(metadata);
        guard.run(() -> backend.createDirectory(share, p, md));
    }

    @Override
    public void createDirectories(String share, String path) {
        names.share(share);
        // Splitting alone would quietly turn "/abs" or "a//b" into valid paths: check the whole path first.
        String[] segments = nonRoot(path).split("/");
        StringBuilder current = new StringBuilder();
        for (String segment : segments) {
            if (current.length() > 0) {
                current.append('/');
            }
            current.append(segment);
            String p = current.toString();
            try {
                guard.run(() -> backend.createDirectory(share, p, Map.of()));
            } catch (StorageException e) {
                if (e.code() != ErrorCode.ALREADY_EXISTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean deleteDirectory(String share, String path, boolean recursive) {
        names.share(share);
        String p = nonRoot(path);
        return guard.call(() -> backend.deleteDirectory(share, p, recursive));
    }

    @Override
    public PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options) {
        names.share(share);
        String dir = names.filePath(directory);
        ListFilesOptions o = options == null ? ListFilesOptions.defaults() : options;
        int size = Paging.clamp(o.pageSize(), capabilities);
        ListFilesOptions clamped = size == o.pageSize() ? o : o.withPageSize(size);
        return guard.pages(() -> backend.list(share, dir, clamped));
    }

    @Override
    public FileProperties upload(String share, String path, InputStream content, FileUploadOptions options) {
        names.share(share);
        String p = nonRoot(path);
        required("content", content);
        FileUploadOptions checked = checkUpload(options);
        return guard.call(() -> backend.upload(share, p, content, checked));
    }

    @Override
    public FileProperties upload(String share, String path, Path file, FileUploadOptions options) {
        names.share(share);
        String p = nonRoot(path);
        required("file", file);
        if (!Files.isRegularFile(file)) {
            throw StorageException.invalidArgument("file", "'" + file + "' is not a readable regular file");
        }
        FileUploadOptions checked = checkUpload(options).withLength(Paging.sizeOf(file));
        return guard.call(() -> backend.upload(share, p, file, checked));
    }

    private FileUploadOptions checkUpload(FileUploadOptions options) {
        FileUploadOptions o = options == null ? FileUploadOptions.defaults() : options;
        return o.withMetadata(names.metadata(o.metadata()));
    }

    @Override
    public InputStream openInputStream(String share, String path, ByteRange range) {
        names.share(share);
        String p = nonRoot(path);
        return guard.stream(() -> backend.openInputStream(share, p, range));
    }

    @Override
    public FileProperties downloadToFile(String share, String path, Path file) {
        names.share(share);
        String p = nonRoot(path);
        required("file", file);
        return guard.call(() -> backend.downloadToFile(share, p, file));
    }

    @Override
    public FileProperties getProperties(String share, String path) {
        names.share(share);
        String p = names.filePath(path);
        return guard.call(() -> backend.getProperties(share, p));
    }

    @Override
    public FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists) {
        capabilities.require(Capability.FILE_MOVE, "moveFile");
        names.share(share);
        String from = nonRoot(sourcePath);
        String to = nonRoot(targetPath);
        if (from.equals(to)) {
            throw StorageException.invalidArgument("targetPath", "is the source path '" + from + "'");
        }
        return guard.call(() -> backend.moveFile(share, from, to, replaceIfExists));
    }

    @Override
    public void setMetadata(String share, String path, Map<String, String> metadata) {
        names.share(share);
        String p = names.filePath(path);
        Map<String, String> md = names.metadata(metadata);
        guard.run(() -> backend.setMetadata(share, p, md));
    }

    @Override
    public boolean deleteFile(String share, String path) {
        names.share(share);
        String p = nonRoot(path);
        return guard.call(() -> backend.deleteFile(share, p));
    }

    @Override
    public boolean exists(String share, String path) {
        names.share(share);
        String p = names.filePath(path);
        return guard.call(() -> backend.exists(share, p));
    }

    private String nonRoot(String path) {
        String p = names.filePath(path);
        if (p.isEmpty()) {
            throw StorageException.invalidArgument("path", "must name a file or directory, not the share root");
        }
        return p;
    }

    @Override
    public String toString() {
        return "FileStore(" + backend + ")";
    }
}
