package io.unistore.msgraph;

import com.microsoft.graph.models.DriveItem;
import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.file.ShareInfo;
import io.unistore.spi.ChunkReader;
import io.unistore.spi.ContinuationTokens;
import io.unistore.spi.FileBackend;
import io.unistore.spi.LocalFiles;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * File shares on a Graph drive: a share is a top-level folder of the drive, directories are folders, files are
 * files. Uploads up to {@code simpleUploadMax} bytes are one PUT; larger ones go through an upload session
 * ({@link SessionUpload}), content of unknown length through a temporary file first (a session needs the total).
 * Metadata and a declared content type live in the item's description ({@link ItemDescription}). Deletes and
 * metadata writes carry the eTag just read ({@code If-Match}), so they never act on an item replaced meanwhile.
 */
final class GraphFileStore implements FileBackend {
    private final DriveApi api;
    private final SessionUpload sessions;
    private final int simpleUploadMax;
    private final GraphTree tree;

    GraphFileStore(DriveApi api, SessionUpload sessions, int simpleUploadMax) {
        this.api = api;
        this.sessions = sessions;
        this.simpleUploadMax = simpleUploadMax;
        this.tree = new GraphTree(api);
    }

    private static String drivePath(String share, String path) {
        return path.isEmpty() ? share : share + "/" + path;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isFolder(DriveItem item) {
        return item.getFolder() != null;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    // ---- shares ----------------------------------------------------------------------------------------

    @Override
    public void createShare(String share, CreateShareOptions options) {
        DriveItem root = api.get("");
        try {
            api.createFolder(root.getId(), share, new ItemDescription(null, options.metadata()).encode(),
                    "share " + share);
        } catch (StorageException e) {
            throw e.code() == ErrorCode.ALREADY_EXISTS ? StorageException.alreadyExists("share " + share) : e;
        }
    }

    @Override
    public boolean deleteShare(String share) {
        DriveItem folder = api.find(share);
        if (folder == null || !isFolder(folder)) {
            return false;
        }
        return deleteIfUnchanged(folder, "share " + share);
    }

    @Override
    public boolean shareExists(String share) {
        DriveItem folder = api.find(share);
        return folder != null && isFolder(folder);
    }

    @Override
    public PagedIterable<ShareInfo> listShares(ListOptions options) {
        return PagedIterable.of((token, size) -> {
            String after = ContinuationTokens.decode(token);
            List<ShareInfo> all = api.children("").stream().filter(GraphFileStore::isFolder)
                    .filter(f -> options.prefix() == null || f.getName().startsWith(options.prefix()))
                    .filter(f -> after == null || f.getName().compareTo(after) > 0)
                    .sorted(Comparator.comparing(DriveItem::getName)).map(GraphFileStore::share).toList();
            if (all.size() <= size) {
                return Page.last(all);
            }
            List<ShareInfo> page = all.subList(0, size);
            return new Page<>(page, ContinuationTokens.encode(page.get(size - 1).name()));
        }, options.continuationToken(), options.pageSize());
    }

    private static ShareInfo share(DriveItem folder) {
        return new ShareInfo(folder.getName(), 0, ItemDescription.parse(folder.getDescription()).metadata(),
                instant(folder.getLastModifiedDateTime()), folder.getETag());
    }

    @Override
    public ShareInfo getShareProperties(String share) {
        DriveItem folder = api.find(share);
        if (folder == null || !isFolder(folder)) {
            throw StorageException.notFound("share " + share);
        }
        return share(folder);
    }

    // ---- directories -----------------------------------------------------------------------------------

    /** The folder at a path of a share; NOT_FOUND naming the share or the path when absent or a file. */
    private DriveItem folder(String share, String path) {
        DriveItem item = api.find(drivePath(share, path));
        if (item == null || !isFolder(item)) {
            if (!path.isEmpty() && item == null && !shareExists(share)) {
                throw StorageException.notFound("share " + share);
            }
            throw StorageException.notFound(path.isEmpty() ? "share " + share : "directory " + share + "/" + path);
        }
        return item;
    }

    @Override
    public void createDirectory(String share, String path, Map<String, String> metadata) {
        DriveItem parent = folder(share, parentOf(path));
        try {
            api.createFolder(parent.getId(), nameOf(path), new ItemDescription(null, metadata).encode(),
                    "directory " + share + "/" + path);
        } catch (StorageException e) {
            throw e.code() == ErrorCode.ALREADY_EXISTS
                    ? StorageException.alreadyExists("directory " + share + "/" + path) : e;
        }
    }

    @Override
    public boolean deleteDirectory(String share, String path, boolean recursive) {
        DriveItem item = api.find(drivePath(share, path));
        if (item == null) {
            return false;
        }
        if (!isFolder(item)) {
            throw new StorageException(ErrorCode.CONFLICT, share + "/" + path + " is a file, not a directory");
        }
        if (!recursive && !api.children(drivePath(share, path)).isEmpty()) {
            throw new StorageException(ErrorCode.CONFLICT, "directory " + share + "/" + path
                    + " is not empty (delete it recursively)");
        }
        return deleteIfUnchanged(item, "directory " + share + "/" + path);
    }

    @Override
    public PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options) {
        return PagedIterable.of((token, size) -> {
            folder(share, directory);
            return tree.page(drivePath(share, directory), directory, options.prefix(), options.recursive(), token,
                    size);
        }, options.continuationToken(), options.pageSize());
    }

    // ---- files -----------------------------------------------------------------------------------------

    @Override
    public FileProperties upload(String share, String path, InputStream content, FileUploadOptions options) {
        DriveItem parent = folder(share, parentOf(path));
        String what = share + "/" + path;
        String description = new ItemDescription(options.contentType(), options.metadata()).encode();
        ChunkReader.Chunk[] first = new ChunkReader.Chunk[1];
        ChunkReader reader = ChunkReader.start(content, simpleUploadMax, options.length(), first);
        DriveItem written;
        try {
            if (reader.atEnd()) {
                if (options.length() >= 0 && first[0].length() != options.length()) {
                    throw StorageException.invalidArgument("length", "the content has " + first[0].length()
                            + " bytes, but its length was given as " + options.length());
                }
                written = api.putContent(parent.getId(), nameOf(path), first[0].data(), first[0].length(), what);
                if (options.progress() != null) {
                    options.progress().onProgress(first[0].length(), first[0].length());
                }
            } else if (options.length() >= 0) {
                String id = sessions.upload(parent.getId(), nameOf(path), description, first[0].data(),
                        first[0].length(), rest(reader), options.length(), options.progress(), what);
                written = api.get(drivePath(share, path));
                Objects.requireNonNull(id, "upload session answered no item");
            } else {
                written = uploadSpooled(share, path, parent, description, first[0], rest(reader), options.progress(),
                        what);
            }
        } catch (StorageException e) {
            throw e.code() == ErrorCode.ALREADY_EXISTS
                    ? new StorageException(ErrorCode.CONFLICT, what + " is a directory", e) : e;
        }
        if (!Objects.equals(emptyToNull(written.getDescription()), description)) {
            written = api.patchDescription(written.getId(), description == null ? "" : description,
                    written.getETag(), what);
        }
        return properties(share, path, written);
    }

    /** Content of unknown length beyond one simple upload: to a temporary file, then a session of known size. */
    private DriveItem uploadSpooled(String share, String path, DriveItem parent, String description,
                                    ChunkReader.Chunk first, InputStream rest, ProgressListener progress,
                                    String what) {
        Path temp = null;
        try {
            temp = Files.createTempFile("unistore-msgraph-", ".upload");
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(first.data(), 0, first.length());
                Streams.copy(rest, out, null, -1);
            }
            long size = Files.size(temp);
            try (InputStream in = Files.newInputStream(temp)) {
                sessions.upload(parent.getId(), nameOf(path), description, new byte[0], 0, in, size, progress, what);
            }
            return api.get(drivePath(share, path));
        } catch (IOException e) {
            throw Streams.ioFailure("upload of " + what, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp folder
                }
            }
        }
    }

    @Override
    public FileProperties upload(String share, String path, Path file, FileUploadOptions options) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw Streams.ioFailure("reading " + file.getFileName(), e);
        }
        FileUploadOptions sized = options.withLength(size);
        return LocalFiles.read(file, in -> upload(share, path, in, sized));
    }

    @Override
    public InputStream openInputStream(String share, String path, ByteRange range) {
        return new ResumingDownload(api, drivePath(share, path), range);
    }

    @Override
    public FileProperties getProperties(String share, String path) {
        DriveItem item = api.find(drivePath(share, path));
        if (item == null) {
            throw StorageException.notFound(share + "/" + path);
        }
        return properties(share, path, item);
    }

    private static FileProperties properties(String share, String path, DriveItem item) {
        boolean folder = isFolder(item);
        ItemDescription d = ItemDescription.parse(item.getDescription());
        String contentType = folder ? null : d.contentType() != null ? d.contentType()
                : item.getFile() == null ? null : item.getFile().getMimeType();
        long size = folder || item.getSize() == null ? 0 : item.getSize();
        return new FileProperties(share, path, folder, size, contentType, null, item.getETag(),
                instant(item.getLastModifiedDateTime()), d.metadata());
    }

    @Override
    public void setMetadata(String share, String path, Map<String, String> metadata) {
        DriveItem item = api.find(drivePath(share, path));
        if (item == null) {
            throw StorageException.notFound(share + "/" + path);
        }
        String contentType = ItemDescription.parse(item.getDescription()).contentType();
        String description = new ItemDescription(contentType, metadata).encode();
        api.patchDescription(item.getId(), description == null ? "" : description, item.getETag(),
                share + "/" + path);
    }

    /**
     * One PATCH of the item's parent and name, pinned to its eTag; the target's folder must exist, an existing
     * file there is replaced only when asked (Graph's conflict behaviour), a folder never.
     */
    @Override
    public FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists) {
        String what = share + "/" + sourcePath + " to " + targetPath;
        DriveItem item = api.find(drivePath(share, sourcePath));
        if (item == null) {
            throw StorageException.notFound(share + "/" + sourcePath);
        }
        if (isFolder(item)) {
            throw new StorageException(ErrorCode.CONFLICT, share + "/" + sourcePath + " is a directory (moveFile "
                    + "moves files)");
        }
        int slash = targetPath.lastIndexOf('/');
        String parentPath = slash < 0 ? "" : targetPath.substring(0, slash);
        DriveItem parent = api.find(drivePath(share, parentPath));
        if (parent == null || !isFolder(parent)) {
            throw StorageException.notFound("parent directory " + share + "/" + parentPath
                    + (parent == null ? "" : " (it is a file)"));
        }
        DriveItem existing = api.find(drivePath(share, targetPath));
        if (existing != null && (isFolder(existing) || !replaceIfExists)) {
            throw StorageException.alreadyExists(share + "/" + targetPath + (isFolder(existing) ? " (a directory)"
                    : " (give replaceIfExists to replace it)"));
        }
        DriveItem moved = api.move(item.getId(), parent.getId(), targetPath.substring(slash + 1),
                replaceIfExists ? "replace" : "fail", item.getETag(), what);
        return properties(share, targetPath, moved);
    }

    @Override
    public boolean deleteFile(String share, String path) {
        DriveItem item = api.find(drivePath(share, path));
        if (item == null) {
            return false;
        }
        if (isFolder(item)) {
            throw new StorageException(ErrorCode.CONFLICT, share + "/" + path + " is a directory, not a file");
        }
        return deleteIfUnchanged(item, share + "/" + path);
    }

    /** Deletes the item as read (If-Match its eTag); false if it went away meanwhile. */
    private boolean deleteIfUnchanged(DriveItem item, String what) {
        try {
            api.delete(item.getId(), item.getETag(), what);
            return true;
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String share, String path) {
        return api.find(drivePath(share, path)) != null;
    }

    /** What the reader has not handed out yet (it reads one byte ahead) as a stream. */
    private static InputStream rest(ChunkReader reader) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                byte[] buf = off == 0 && len == b.length ? b : new byte[len];
                int n = reader.fill(buf);
                if (n == 0) {
                    return -1;
                }
                if (buf != b) {
                    System.arraycopy(buf, 0, b, off, n);
                }
                return n;
            }
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
