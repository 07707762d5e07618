package io.unistore.local;

import io.unistore.ByteRange;
import io.unistore.Capabilities;
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
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * File shares on a local directory: the tree of each share is rows of {@link FileEntry} keyed by path (so
 * no user path ever touches the disk), file content lives in the {@link ContentStore}. Paths sort by UTF-16
 * code unit, so a directory's subtree is the key range {@code [dir + "/", dir + "0")}.
 */
final class LocalFileStore implements FileBackend {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final int READ_ATTEMPTS = 3;

    private final Database db;
    private final ContentStore content;

    LocalFileStore(Database db, ContentStore content) {
        this.db = db;
        this.content = content;
    }

    // ---- shares -------------------------------------------------------------------------------------

    @Override
    public void createShare(String share, CreateShareOptions options) {
        CreateShareOptions o = options == null ? CreateShareOptions.defaults() : options;
        String metadata = MetadataCodec.encode(o.metadata());
        db.writeOne(s -> {
            Sql.insertNew(s, "share " + share, "INSERT INTO shares(name, quota, metadata, etag, modified) "
                    + "VALUES (?, ?, ?, ?, ?)", share, o.quotaGb(), metadata, Ids.etag(), Times.now());
            return null;
        });
    }

    @Override
    public boolean deleteShare(String share) {
        return db.write(s -> {
            if (!shareExists(s, share)) {
                return false;
            }
            PreparedStatement ps = s.prepare("SELECT content, count(*) FROM entries WHERE share = ? AND content IS NOT"
                    + " NULL GROUP BY content");
            ps.setString(1, share);
            List<Map.Entry<String, Integer>> refs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(Map.entry(rs.getString(1), rs.getInt(2)));
                }
            }
            for (Map.Entry<String, Integer> ref : refs) {
                ContentRefs.unref(s, content, ref.getKey(), ref.getValue());
            }
            Sql.update(s, "DELETE FROM entries WHERE share = ?", share);
            Sql.update(s, "DELETE FROM shares WHERE name = ?", share);
            return true;
        });
    }

    @Override
    public boolean shareExists(String share) {
        return db.read(s -> shareExists(s, share));
    }

    @Override
    public PagedIterable<ShareInfo> listShares(ListOptions options) {
        return PagedIterable.of((token, size) -> db.read(s -> NamePager.fetch(s,
                "SELECT name, quota, metadata, modified, etag FROM shares WHERE", "name", options.prefix(), token,
                size, LocalFileStore::shareInfo)), options.continuationToken(), options.pageSize());
    }

    private static ShareInfo shareInfo(ResultSet rs) throws SQLException {
        return new ShareInfo(rs.getString(1), rs.getInt(2), MetadataCodec.decode(rs.getString(3)),
                Times.instant(rs.getLong(4)), rs.getString(5));
    }

    @Override
    public ShareInfo getShareProperties(String share) {
        return db.read(s -> share(s, share));
    }

    private static ShareInfo share(Session s, String share) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT name, quota, metadata, modified, etag FROM shares WHERE name = ?");
        ps.setString(1, share);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw shareNotFound(share);
            }
            return shareInfo(rs);
        }
    }

    @Override
    public void setShareQuota(String share, int quotaGb) {
        db.writeOne(s -> {
            if (Sql.update(s, "UPDATE shares SET quota = ?, etag = ?, modified = ? WHERE name = ?", quotaGb, Ids.etag(),
                    Times.now(), share) == 0) {
                throw shareNotFound(share);
            }
            return null;
        });
    }

    // ---- directories --------------------------------------------------------------------------------

    @Override
    public void createDirectory(String share, String path, Map<String, String> metadata) {
        String p = path(path);
        Map<String, String> md = metadata;
        db.write(s -> {
            requireShare(s, share);
            if (p.isEmpty() || FileEntry.find(s, share, p) != null) {
                throw StorageException.alreadyExists("directory " + share + "/" + p);
            }
            requireParent(s, share, p);
            long now = Times.now();
            new FileEntry(p, true, null, 0, null, null, Ids.etag(), now, now, md).put(s, share);
            return null;
        });
    }

    @Override
    public boolean deleteDirectory(String share, String path, boolean recursive) {
        String p = path(path);
        if (p.isEmpty()) {
            throw StorageException.invalidArgument("path", "the share root cannot be deleted (delete the share)");
        }
        return db.write(s -> {
            if (!shareExists(s, share)) {
                return false;
            }
            FileEntry dir = FileEntry.find(s, share, p);
            if (dir == null) {
                return false;
            }
            if (!dir.directory()) {
                throw new StorageException(ErrorCode.CONFLICT, share + "/" + p + " is a file, not a directory");
            }
            List<FileEntry> under = subtree(s, share, p, 2);
            if (!under.isEmpty() && !recursive) {
                throw new StorageException(ErrorCode.CONFLICT, "directory " + share + "/" + p + " is not empty "
                        + "(delete it recursively to remove what it holds)");
            }
            for (FileEntry e : subtree(s, share, p, Integer.MAX_VALUE)) {
                if (e.content() != null) {
                    ContentRefs.unref(s, content, e.content(), 1);
                }
            }
            Sql.update(s, "DELETE FROM entries WHERE share = ? AND (path = ? OR (path >= ? AND path < ?))", share, p,
                    p + "/", p + "0");
            return true;
        });
    }

    /** Entries under a directory, in path order. */
    private static List<FileEntry> subtree(Session s, String share, String dir, int limit) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT " + FileEntry.COLUMNS + " FROM entries WHERE share = ? AND path >= ? "
                + "AND path < ? ORDER BY path LIMIT ?");
        ps.setString(1, share);
        ps.setString(2, dir + "/");
        ps.setString(3, dir + "0");
        ps.setInt(4, limit);
        List<FileEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(FileEntry.read(rs));
            }
        }
        return out;
    }

    @Override
    public PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options) {
        String d = path(directory);
        ListFilesOptions o = options == null ? ListFilesOptions.defaults() : options;
        // Checked now as well as on every page, so a wrong path fails the call rather than the first iteration.
        db.read(s -> requireDirectory(s, share, d));
        return PagedIterable.of((token, size) -> db.read(s -> {
            requireDirectory(s, share, d);
            return listPage(s, share, d, o, token, size);
        }), o.continuationToken(), o.pageSize());
    }

    private static Void requireDirectory(Session s, String share, String dir) throws SQLException {
        requireShare(s, share);
        if (!dir.isEmpty()) {
            FileEntry e = FileEntry.find(s, share, dir);
            if (e == null || !e.directory()) {
                throw StorageException.notFound("directory " + share + "/" + dir);
            }
        }
        return null;
    }

    private static Page<FileItem> listPage(Session s, String share, String dir, ListFilesOptions o, String token,
                                           int pageSize) throws SQLException {
        int size = pageSize;
        String base = dir.isEmpty() ? "" : dir + "/";
        String after = ContinuationTokens.decode(token);
        String prefix = o.prefix() == null ? "" : o.prefix();
        // Children share the parent column; the whole tree is the path range under the directory.
        List<Object> bounds = new ArrayList<>();
        String where;
        if (!o.recursive()) {
            where = "parent = ? AND path >= ?";
            bounds.add(dir);
            bounds.add(base + prefix);
        } else if (dir.isEmpty()) {
            where = "path >= ?";
            bounds.add("");
        } else {
            where = "path >= ? AND path < ?";
            bounds.add(base);
            bounds.add(dir + "0");
        }
        String sql = "SELECT path, is_dir, size FROM entries WHERE share = ? AND " + where
                + " AND path > ? ORDER BY path LIMIT ?";
        List<FileItem> items = new ArrayList<>();
        boolean more = false;
        while (true) {
            PreparedStatement ps = s.prepare(sql);
            int i = 1;
            ps.setString(i++, share);
            for (Object b : bounds) {
                ps.setObject(i++, b);
            }
            ps.setString(i++, after == null ? "" : after);
            ps.setInt(i, size + 1);
            int rows = 0;
            boolean stop = false;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String path = rs.getString(1);
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    if (!o.recursive() && !name.startsWith(prefix)) {
                        stop = true;
                        break;
                    }
                    if (o.recursive() && !name.startsWith(prefix)) {
                        after = path;
                        continue;
                    }
                    if (items.size() == size) {
                        more = true;
                        stop = true;
                        break;
                    }
                    items.add(new FileItem(name, path, rs.getInt(2) != 0, rs.getLong(3)));
                    after = path;
                }
            }
            if (stop || rows < size + 1) {
                break;
            }
        }
        return more ? new Page<>(items, ContinuationTokens.encode(items.get(items.size() - 1).path()))
                : Page.last(items);
    }

    // ---- files --------------------------------------------------------------------------------------

    @Override
    public FileProperties upload(String share, String path, InputStream in, FileUploadOptions options) {
        FileUploadOptions o = options == null ? FileUploadOptions.defaults() : options;
        return upload(share, path, o, () -> content.write(in, o.length(), null, o.progress()));
    }

    /** Uploads a local file as cp copies it (kernel transfer), computing the MD5 alongside. */
    @Override
    public FileProperties upload(String share, String path, Path file, FileUploadOptions options) {
        FileUploadOptions o = options == null ? FileUploadOptions.defaults() : options;
        return upload(share, path, o, () -> content.writeFile(file, null, o.progress()));
    }

    private FileProperties upload(String share, String path, FileUploadOptions o,
                                  java.util.function.Supplier<StagedContent> stage) {
        String p = path(path);
        if (p.isEmpty()) {
            throw StorageException.invalidArgument("path", "names the share root, not a file");
        }
        db.read(s -> checkFileTarget(s, share, p));
        StagedContent staged = stage.get();
        try {
            return db.write(s -> {
                FileEntry existing = checkFileTarget(s, share, p);
                checkQuota(s, share, staged.size() - (existing == null ? 0 : existing.size()));
                ContentRefs.add(s, staged);
                ContentRefs.ref(s, staged.id());
                if (existing != null) {
                    ContentRefs.unref(s, content, existing.content(), 1);
                }
                long now = Times.now();
                FileEntry entry = new FileEntry(p, false, staged.id(), staged.size(),
                        o.contentType() == null ? DEFAULT_CONTENT_TYPE : o.contentType(), staged.md5(), Ids.etag(),
                        existing == null ? now : existing.created(), now, o.metadata());
                entry.put(s, share);
                return entry.properties(share);
            });
        } catch (RuntimeException e) {
            content.delete(staged.id());
            throw e;
        }
    }

    /** The file at the path, or null; fails if the share or parent is missing or the path is a directory. */
    private static FileEntry checkFileTarget(Session s, String share, String path) throws SQLException {
        requireShare(s, share);
        requireParent(s, share, path);
        FileEntry existing = FileEntry.find(s, share, path);
        if (existing != null && existing.directory()) {
            throw new StorageException(ErrorCode.CONFLICT, share + "/" + path + " is a directory");
        }
        return existing;
    }

    private static void checkQuota(Session s, String share, long growth) throws SQLException {
        int quota = share(s, share).quotaGb();
        if (quota <= 0 || growth <= 0) {
            return;
        }
        PreparedStatement ps = s.prepare("SELECT coalesce(sum(size), 0) FROM entries WHERE share = ?");
        ps.setString(1, share);
        long used;
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            used = rs.getLong(1);
        }
        if (used + growth > quota * GIB) {
            throw new StorageException(ErrorCode.CONFLICT, "share " + share + " would exceed its quota of " + quota
                    + " GiB (" + used + " bytes used, " + growth + " more asked)");
        }
    }

    @Override
    public InputStream openInputStream(String share, String path, ByteRange range) {
        String p = path(path);
        return readContent(share, p, file -> content.open(file.content(),
                Span.of(range, file.size(), share + "/" + p)));
    }

    /** Copies the content into the file by kernel transfer, through a temporary file renamed into place. */
    @Override
    public FileProperties downloadToFile(String share, String path, Path target) {
        String p = path(path);
        return readContent(share, p, file -> {
            content.copyTo(file.content(), new Span(0, file.size()), target, null);
            return file.properties(share);
        });
    }

    /** Reads the content of one stored file. */
    @FunctionalInterface
    private interface ContentRead<T> {
        T read(FileEntry file) throws NoSuchFileException;
    }

    /** Finds the file and reads it; if a writer replaced it (and dropped its content) in between, reads again. */
    private <T> T readContent(String share, String p, ContentRead<T> read) {
        for (int attempt = 1; ; attempt++) {
            FileEntry file = db.read(s -> {
                requireShare(s, share);
                FileEntry e = FileEntry.find(s, share, p);
                if (e == null) {
                    throw StorageException.notFound("file " + share + "/" + p);
                }
                return e;
            });
            if (file.directory()) {
                throw new StorageException(ErrorCode.CONFLICT, share + "/" + p + " is a directory, not a file");
            }
            try {
                return read.read(file);
            } catch (NoSuchFileException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw new StorageException(ErrorCode.UNAVAILABLE, share + "/" + p + " kept changing while being "
                            + "read; retry", e);
                }
            }
        }
    }

    @Override
    public FileProperties getProperties(String share, String path) {
        String p = path(path);
        return db.read(s -> {
            if (p.isEmpty()) {
                ShareInfo info = share(s, share);
                return new FileProperties(share, "", true, 0, null, null, info.etag(), info.lastModified(), Map.of());
            }
            requireShare(s, share);
            FileEntry e = FileEntry.find(s, share, p);
            if (e == null) {
                throw StorageException.notFound(share + "/" + p);
            }
            return e.properties(share);
        });
    }

    @Override
    public void setMetadata(String share, String path, Map<String, String> metadata) {
        String p = path(path);
        if (p.isEmpty()) {
            throw StorageException.invalidArgument("path", "the share root has no metadata of its own");
        }
        Map<String, String> md = metadata;
        db.write(s -> {
            requireShare(s, share);
            FileEntry e = FileEntry.find(s, share, p);
            if (e == null) {
                throw StorageException.notFound(share + "/" + p);
            }
            new FileEntry(e.path(), e.directory(), e.content(), e.size(), e.contentType(), e.md5(), Ids.etag(),
                    e.created(), Times.now(), md).put(s, share);
            return null;
        });
    }

    @Override
    public boolean deleteFile(String share, String path) {
        String p = path(path);
        return db.write(s -> {
            if (!shareExists(s, share) || p.isEmpty()) {
                return false;
            }
            FileEntry e = FileEntry.find(s, share, p);
            if (e == null) {
                return false;
            }
            if (e.directory()) {
                throw new StorageException(ErrorCode.CONFLICT, share + "/" + p + " is a directory (use deleteDirectory)");
            }
            Sql.update(s, "DELETE FROM entries WHERE share = ? AND path = ?", share, p);
            ContentRefs.unref(s, content, e.content(), 1);
            return true;
        });
    }

    /** One statement moves the row: the content file, headers and metadata stay as they are. */
    @Override
    public FileProperties moveFile(String share, String sourcePath, String targetPath, boolean replaceIfExists) {
        return db.write(s -> {
            requireShare(s, share);
            FileEntry source = FileEntry.find(s, share, sourcePath);
            if (source == null) {
                throw StorageException.notFound(share + "/" + sourcePath);
            }
            if (source.directory()) {
                throw new StorageException(ErrorCode.CONFLICT, share + "/" + sourcePath + " is a directory (moveFile "
                        + "moves files)");
            }
            requireParent(s, share, targetPath);
            FileEntry existing = FileEntry.find(s, share, targetPath);
            if (existing != null) {
                if (existing.directory() || !replaceIfExists) {
                    throw StorageException.alreadyExists(share + "/" + targetPath + (existing.directory()
                            ? " (a directory)" : " (give replaceIfExists to replace it)"));
                }
                Sql.update(s, "DELETE FROM entries WHERE share = ? AND path = ?", share, targetPath);
                ContentRefs.unref(s, content, existing.content(), 1);
            }
            Sql.update(s, "UPDATE entries SET path = ?, parent = ? WHERE share = ? AND path = ?", targetPath,
                    FileEntry.parentOf(targetPath), share, sourcePath);
            return FileEntry.find(s, share, targetPath).properties(share);
        });
    }

    @Override
    public boolean exists(String share, String path) {
        String p = path(path);
        return db.read(s -> shareExists(s, share) && (p.isEmpty() || FileEntry.find(s, share, p) != null));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static String path(String path) {
        return path;
    }

    private static boolean shareExists(Session s, String share) throws SQLException {
        return Sql.exists(s, "SELECT 1 FROM shares WHERE name = ?", share);
    }

    private static void requireShare(Session s, String share) throws SQLException {
        if (!shareExists(s, share)) {
            throw shareNotFound(share);
        }
    }

    private static void requireParent(Session s, String share, String path) throws SQLException {
        String parent = FileEntry.parentOf(path);
        if (parent.isEmpty()) {
            return;
        }
        FileEntry dir = FileEntry.find(s, share, parent);
        if (dir == null || !dir.directory()) {
            throw StorageException.notFound("parent directory " + share + "/" + parent
                    + (dir == null ? "" : " (it is a file)"));
        }
    }

    private static StorageException shareNotFound(String share) {
        return StorageException.notFound("share " + share);
    }
}
