package io.unistore.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.storage.file.share.ShareClient;
import com.azure.storage.file.share.ShareDirectoryClient;
import com.azure.storage.file.share.ShareFileClient;
import com.azure.storage.file.share.ShareServiceClient;
import com.azure.storage.file.share.models.ListSharesOptions;
import com.azure.storage.file.share.models.ShareFileDownloadHeaders;
import com.azure.storage.file.share.models.ShareFileItem;
import com.azure.storage.file.share.models.ShareFileProperties;
import com.azure.storage.file.share.models.ShareFileRange;
import com.azure.storage.file.share.models.ShareItem;
import com.azure.storage.file.share.models.ShareSnapshotsDeleteOptionType;
import com.azure.storage.file.share.options.ShareCreateOptions;
import com.azure.storage.file.share.options.ShareDeleteOptions;
import com.azure.storage.file.share.options.ShareFileDownloadOptions;
import com.azure.storage.file.share.options.ShareFileRenameOptions;
import com.azure.storage.file.share.options.ShareListFilesAndDirectoriesOptions;
import com.azure.storage.file.share.options.ShareSetPropertiesOptions;
import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.file.ShareInfo;
import io.unistore.spi.ContinuationTokens;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ReadAheadInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Azure Files as a {@link FileBackend}. Uploads go through {@link FileUploader}; recursive listing and deletion
 * walk the tree with {@link FileTree} (Azure lists one directory at a time).
 */
final class AzureFileStore implements FileBackend {
    private final ShareServiceClient service;
    private final Tuning tuning;
    private final FileUploader uploader;
    private final FileTree tree;
    private final ExecutorService transfers;

    private final ClientCache<ShareClient> shares;

    AzureFileStore(ShareServiceClient service, Tuning tuning, ExecutorService transfers) {
        this.service = service;
        this.shares = new ClientCache<>(service::getShareClient);
        this.transfers = transfers;
        this.tuning = tuning;
        this.uploader = new FileUploader(this, tuning, transfers);
        this.tree = new FileTree(this);
    }

    ShareClient share(String share) {
        return shares.get(share);
    }

    /** Paths arrive normalised by the API: no leading or trailing {@code /}, {@code ""} for the root. */
    ShareDirectoryClient directory(String share, String path) {
        return path.isEmpty() ? share(share).getRootDirectoryClient() : share(share).getDirectoryClient(path);
    }

    ShareFileClient file(String share, String path) {
        return share(share).getFileClient(path);
    }

    static String where(String share, String path) {
        return share + "/" + path;
    }

    // ---- shares -------------------------------------------------------------------------------------

    @Override
    public void createShare(String share, CreateShareOptions options) {
        ShareClient s = share(share);
        Map<String, String> meta = options.metadata();
        AzureErrors.run("create of share " + share, () ->
                s.createWithResponse(new ShareCreateOptions()
                        .setQuotaInGb(options.quotaGb() > 0 ? options.quotaGb() : null)
                        .setMetadata(meta.isEmpty() ? null : meta), null, Context.NONE));
    }

    @Override
    public boolean deleteShare(String share) {
        ShareClient s = share(share);
        try {
            s.deleteWithResponse(new ShareDeleteOptions()
                    .setDeleteSnapshotsOptions(ShareSnapshotsDeleteOptionType.INCLUDE), null, Context.NONE);
            return true;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("delete of share " + share, e);
        }
    }

    @Override
    public boolean shareExists(String share) {
        ShareClient s = share(share);
        return AzureErrors.call("existence check of share " + share, () -> s.exists());
    }

    @Override
    public PagedIterable<ShareInfo> listShares(ListOptions options) {
        return PagedIterable.of((token, size) -> {
            try {
                ListSharesOptions o = new ListSharesOptions().setPrefix(options.prefix()).setIncludeMetadata(true)
                        .setMaxResultsPerPage(size);
                PagedResponse<ShareItem> page = service.listShares(o, null, Context.NONE)
                        .iterableByPage(ContinuationTokens.decode(token), size).iterator().next();
                List<ShareInfo> items = page.getValue().stream().map(i -> new ShareInfo(i.getName(),
                        i.getProperties() == null ? 0 : i.getProperties().getQuota(),
                        BlobModels.metadata(i.getMetadata()),
                        i.getProperties() == null ? null : BlobModels.instant(i.getProperties().getLastModified()),
                        i.getProperties() == null ? null : i.getProperties().getETag())).toList();
                return new Page<>(items, ContinuationTokens.encode(page.getContinuationToken()));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("listing of shares", e);
            }
        }, options.continuationToken(), options.pageSize());
    }

    @Override
    public ShareInfo getShareProperties(String share) {
        ShareClient s = share(share);
        return AzureErrors.call("properties of share " + share, () -> {
            com.azure.storage.file.share.models.ShareProperties p = s.getProperties();
            return new ShareInfo(share, p.getQuota(), BlobModels.metadata(p.getMetadata()),
                    BlobModels.instant(p.getLastModified()),
                    p.getETag());
        });
    }

    @Override
    public void setShareQuota(String share, int quotaGb) {
        ShareClient s = share(share);
        AzureErrors.run("quota of share " + share, () ->
                s.setPropertiesWithResponse(new ShareSetPropertiesOptions().setQuotaInGb(quotaGb), null, Context.NONE));
    }

    // ---- directories --------------------------------------------------------------------------------

    @Override
    public void createDirectory(String share, String path, Map<String, String> metadata) {
        ShareDirectoryClient d = directory(share, path);
        AzureErrors.run("create of directory " + where(share, path), () ->
                d.createWithResponse(null, null, metadata == null || metadata.isEmpty() ? null : metadata, null,
                        Context.NONE));
    }

    @Override
    public boolean deleteDirectory(String share, String p, boolean recursive) {
        ShareDirectoryClient d = directory(share, p);
        try {
            if (recursive) {
                tree.deleteContents(share, p);
            }
            d.deleteWithResponse(null, Context.NONE);
            return true;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("delete of directory " + where(share, p), e);
        }
    }

    @Override
    public PagedIterable<FileItem> list(String share, String dir, ListFilesOptions options) {
        if (options.recursive()) {
            return PagedIterable.of((token, size) -> tree.page(share, dir, options.prefix(), token, size),
                    options.continuationToken(), options.pageSize());
        }
        return PagedIterable.of((token, size) -> {
            Page<ShareFileItem> page = children(share, dir, options.prefix(), ContinuationTokens.decode(token), size);
            List<FileItem> items = page.items().stream().map(i -> item(dir, i)).toList();
            return new Page<>(items, ContinuationTokens.encode(page.continuationToken()));
        }, options.continuationToken(), options.pageSize());
    }

    /** One page of a directory's children, uploads in progress left out; the token is Azure's marker. */
    Page<ShareFileItem> children(String share, String dir, String prefix, String marker, int size) {
        return AzureErrors.call("listing of directory " + where(share, dir), () -> {
            ShareListFilesAndDirectoriesOptions o = new ShareListFilesAndDirectoriesOptions().setPrefix(prefix)
                    .setMaxResultsPerPage(size);
            PagedResponse<ShareFileItem> page = directory(share, dir).listFilesAndDirectories(o, null, Context.NONE)
                    .iterableByPage(marker, size).iterator().next();
            List<ShareFileItem> items = new ArrayList<>();
            for (ShareFileItem i : page.getValue()) {
                if (!FileUploader.isTemporary(i.getName())) {
                    items.add(i);
                }
            }
            return new Page<>(items, page.getContinuationToken());
        });
    }

    static FileItem item(String dir, ShareFileItem i) {
        String path = dir.isEmpty() ? i.getName() : dir + "/" + i.getName();
        long size = i.isDirectory() || i.getFileSize() == null ? 0 : i.getFileSize();
        return new FileItem(i.getName(), path, i.isDirectory(), size);
    }

    // ---- files --------------------------------------------------------------------------------------

    @Override
    public FileProperties upload(String share, String path, InputStream content, FileUploadOptions options) {
        return uploader.upload(share, path, content, options);
    }

    @Override
    public InputStream openInputStream(String share, String path, ByteRange range) {
        ShareFileClient f = file(share, path);
        String what = "read of " + where(share, path);
        long offset = range == null ? 0 : range.offset();
        long length = range == null ? -1 : range.length();
        if (length == 0) {
            getProperties(share, path);
            return InputStream.nullInputStream();
        }
        ReadAheadInputStream.RangeFetcher fetcher = (at, len, etag, sink) -> {
            try {
                ShareFileDownloadHeaders h = f.downloadWithResponse(sink, new ShareFileDownloadOptions()
                        .setRange(new ShareFileRange(at, at + len - 1)), null, BlobReader.EAGER)
                        .getDeserializedHeaders();
                // Azure Files has no If-Match on reads: compare ETags instead of pinning them.
                if (etag != null && !etag.equals(h.getETag())) {
                    throw new StorageException(ErrorCode.PRECONDITION_FAILED, what + " failed: the file changed "
                            + "during the read (ETag " + etag + " became " + h.getETag() + ")");
                }
                return new ReadAheadInputStream.Fetched(BlobReader.totalSize(h.getContentRange(), h.getContentLength()),
                        h.getETag(), h.getFileContentMd5());
            } catch (RuntimeException e) {
                throw AzureErrors.translate(what, e);
            }
        };
        try {
            return new ReadAheadInputStream(fetcher, offset, length, tuning.downloadChunkSize(), transfers);
        } catch (StorageException e) {
            if (e.providerStatus() != 416) {
                throw e;
            }
            FileProperties p = getProperties(share, path);
            if (offset == 0 && p.size() == 0) {
                return InputStream.nullInputStream();
            }
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "range: starts at " + offset + ", beyond the end of "
                    + where(share, path) + " (" + p.size() + " bytes)", e, e.providerStatus(), e.providerCode(),
                    e.requestId());
        }
    }

    @Override
    public FileProperties getProperties(String share, String p) {
        String what = "properties of " + where(share, p);
        if (!p.isEmpty()) {
            try {
                ShareFileProperties f = file(share, p).getProperties();
                return new FileProperties(share, p, false, f.getContentLength(), f.getContentType(),
                        BlobModels.base64(f.getContentMd5()), f.getETag(), BlobModels.instant(f.getLastModified()),
                        BlobModels.metadata(f.getMetadata()));
            } catch (RuntimeException e) {
                if (!AzureErrors.isNotFound(e) || "ShareNotFound".equals(AzureErrors.errorCode(e))) {
                    throw AzureErrors.translate(what, e);
                }
            }
        }
        return AzureErrors.call(what, () -> {
            com.azure.storage.file.share.models.ShareDirectoryProperties d = directory(share, p).getProperties();
            return new FileProperties(share, p, true, 0, null, null, d.getETag(),
                    BlobModels.instant(d.getLastModified()), BlobModels.metadata(d.getMetadata()));
        });
    }

    @Override
    public void setMetadata(String share, String path, Map<String, String> metadata) {
        Map<String, String> meta = metadata;
        FileProperties target = getProperties(share, path);
        AzureErrors.run("metadata of " + where(share, target.path()), () -> {
            if (target.directory()) {
                directory(share, target.path()).setMetadata(meta);
            } else {
                file(share, target.path()).setMetadata(meta);
            }
        });
    }

    /** Azure's Rename File: the service moves the file, headers and metadata kept. */
    @Override
    public FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists) {
        String what = "move of " + where(share, sourcePath) + " to " + targetPath;
        try {
            file(share, sourcePath).renameWithResponse(new ShareFileRenameOptions(targetPath)
                    .setReplaceIfExists(replaceIfExists), null, Context.NONE);
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e) && isDirectory(share, sourcePath)) {
                throw new StorageException(ErrorCode.CONFLICT, what + " failed: the source is a directory (moveFile "
                        + "moves files)");
            }
            StorageException failed = AzureErrors.translate(what, e);
            if (failed.code() == ErrorCode.ALREADY_EXISTS && !replaceIfExists) {
                throw new StorageException(ErrorCode.ALREADY_EXISTS, failed.getMessage() + " (give replaceIfExists to "
                        + "replace a file)", failed);
            }
            throw failed;
        }
        return getProperties(share, targetPath);
    }

    @Override
    public boolean deleteFile(String share, String path) {
        ShareFileClient f = file(share, path);
        try {
            f.deleteWithResponse(null, null, Context.NONE);
            return true;
        } catch (RuntimeException e) {
            if (!AzureErrors.isNotFound(e)) {
                throw AzureErrors.translate("delete of " + where(share, path), e);
            }
            if (isDirectory(share, path)) {
                throw new StorageException(ErrorCode.CONFLICT, "delete of " + where(share, path) + " failed: it is "
                        + "a directory (use deleteDirectory)");
            }
            return false;
        }
    }

    /** Whether a directory exists at the path (false for a missing share). */
    boolean isDirectory(String share, String path) {
        try {
            return directory(share, path).exists();
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("existence check of " + where(share, path), e);
        }
    }

    @Override
    public boolean exists(String share, String p) {
        try {
            if (p.isEmpty()) {
                return share(share).exists();
            }
            return file(share, p).exists() || directory(share, p).exists();
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("existence check of " + where(share, p), e);
        }
    }
}
