package io.unistore.local;

import io.unistore.ErrorCode;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blob and file content as plain files under {@code content/<2 hex>/<id>}, named by generated ids so no user
 * input ever becomes a path. A write goes to {@code tmp/} and is renamed into place whole; readers open files
 * without following symbolic links, and the folders are checked to be real directories before use, so a link
 * planted in the data directory is refused instead of followed out of it.
 */
final class ContentStore {
    static final String CONTENT_DIR = "content";
    static final String TMP_DIR = "tmp";
    private static final Logger LOG = LoggerFactory.getLogger(ContentStore.class);
    private static final int BUFFER = 1024 * 1024;
    private static final long COPY_CHUNK = 64L * 1024 * 1024;

    private final Path root;
    private final Path contentDir;
    private final Path tmpDir;
    private final boolean sync;

    /** @param root the data directory, already resolved to its real path */
    ContentStore(Path root, Durability durability) {
        this.root = root;
        this.contentDir = root.resolve(CONTENT_DIR);
        this.tmpDir = root.resolve(TMP_DIR);
        this.sync = durability == Durability.SYNC;
        try {
            boolean created = createRealDirectory(contentDir);
            created |= createRealDirectory(tmpDir);
            if (created && sync) {
                fsyncDirectory(root);
            }
        } catch (IOException e) {
            throw Streams.ioFailure("creating " + contentDir, e);
        }
    }

    /**
     * Streams {@code in} into a new content file, checking the declared length and MD5 before the file is
     * renamed into place; on any failure nothing is left behind.
     *
     * @param expectedLength the length the caller declared, or -1
     * @param expectedMd5 the base64 MD5 the caller declared, or null
     */
    StagedContent write(InputStream in, long expectedLength, String expectedMd5, ProgressListener progress) {
        Path tmp = null;
        try {
            requireRealDirectory(tmpDir);
            tmp = Files.createTempFile(tmpDir, "upload-", ".part");
            // Small declared contents get small buffers; the +1 lets the first read see the end of the stream.
            int bufferSize = expectedLength < 0 ? BUFFER : (int) Math.max(8192, Math.min(BUFFER, expectedLength + 1));
            BackgroundMd5 md5 = new BackgroundMd5(bufferSize);
            long size = 0;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                while (true) {
                    byte[] buffer = md5.buffer();
                    int n = in.readNBytes(buffer, 0, buffer.length);
                    if (n == 0) {
                        md5.giveBack(buffer);
                        break;
                    }
                    md5.digest(buffer, n);
                    ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                    size += n;
                    if (expectedLength >= 0 && size > expectedLength) {
                        throw lengthMismatch(expectedLength, "more");
                    }
                    if (progress != null) {
                        progress.onProgress(size, expectedLength);
                    }
                    if (Thread.interrupted()) {
                        Thread.currentThread().interrupt();
                        throw new StorageException(ErrorCode.UNAVAILABLE, "upload interrupted after " + size + " bytes");
                    }
                }
                if (expectedLength >= 0 && size < expectedLength) {
                    throw lengthMismatch(expectedLength, "only " + size);
                }
                if (sync) {
                    out.force(true);
                }
            }
            StagedContent staged = moveIntoPlace(tmp, size, md5.finish(), expectedMd5);
            tmp = null;
            return staged;
        } catch (IOException e) {
            throw Streams.ioFailure("storing content", e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Copies a local file into a new content file: the kernel moves the bytes ({@code transferTo}, as cp does)
     * while a helper thread digests each copied chunk from the new file, so the MD5 is that of what was stored.
     */
    StagedContent writeFile(Path source, String expectedMd5, ProgressListener progress) {
        Path tmp = null;
        try {
            requireRealDirectory(tmpDir);
            tmp = Files.createTempFile(tmpDir, "upload-", ".part");
            BackgroundMd5 md5 = new BackgroundMd5(BUFFER);
            long size;
            String digest;
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE,
                         LinkOption.NOFOLLOW_LINKS)) {
                size = in.size();
                for (long done = 0; done < size; ) {
                    long n = in.transferTo(done, Math.min(COPY_CHUNK / 8, size - done), out);
                    if (n <= 0) {
                        throw StorageException.invalidArgument("file", source + " shrank while being uploaded");
                    }
                    md5.digestRegion(out, done, n);
                    done += n;
                    if (progress != null) {
                        progress.onProgress(done, size);
                    }
                }
                if (sync) {
                    out.force(true);
                }
                digest = md5.finish();
            }
            StagedContent staged = moveIntoPlace(tmp, size, digest, expectedMd5);
            tmp = null;
            return staged;
        } catch (NoSuchFileException e) {
            throw StorageException.invalidArgument("file", "cannot read " + source + ": it does not exist");
        } catch (IOException e) {
            throw Streams.ioFailure("storing content from " + source, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Checks the MD5 and renames a complete temporary file into the content folder under a new id. */
    private StagedContent moveIntoPlace(Path tmp, long size, String digest, String expectedMd5) throws IOException {
        if (expectedMd5 != null && !expectedMd5.equals(digest)) {
            throw StorageException.invalidArgument("contentMd5", "the content's MD5 is " + digest + ", not the "
                    + "declared " + expectedMd5 + "; nothing was stored");
        }
        String id = Ids.random();
        Path target = path(id);
        requireRealDirectory(contentDir);
        if (createRealDirectory(target.getParent()) && sync) {
            fsyncDirectory(contentDir); // the new folder's own entry
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        if (sync) {
            // The rename is durable once its directory is: only then may a row name the file.
            fsyncDirectory(target.getParent());
        }
        return new StagedContent(id, size, digest);
    }

    private static StorageException lengthMismatch(long expected, String actual) {
        return StorageException.invalidArgument("length", "the content was declared as " + expected
                + " bytes but the stream held " + actual + "; nothing was stored");
    }

    /**
     * Opens a span of a content file.
     *
     * @throws NoSuchFileException if the file is gone (a concurrent writer replaced what pointed at it)
     */
    InputStream open(String id, Span span) throws NoSuchFileException {
        Path file = path(id);
        try {
            requireRealDirectory(contentDir);
            requireRealDirectory(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            if (span.offset() > 0) {
                channel.position(span.offset());
            }
            return new ChannelInputStream(channel, span.length());
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            // Opening with NOFOLLOW_LINKS fails (ELOOP) on a link: say why instead of reporting an I/O error.
            if (Files.isSymbolicLink(file)) {
                throw symlink(file);
            }
            throw Streams.ioFailure("reading content", e);
        }
    }

    /**
     * Copies a span of a content file into {@code target} through a temporary
     * sibling renamed into place when complete; the kernel moves the bytes ({@code transferTo}).
     *
     * @throws NoSuchFileException if the content file is gone (a concurrent writer replaced what pointed at it)
     */
    void copyTo(String id, Span span, Path target, ProgressListener progress)
            throws NoSuchFileException {
        Path file = path(id);
        Path to = target.toAbsolutePath();
        Path tmp = null;
        try {
            requireRealDirectory(contentDir);
            requireRealDirectory(file.getParent());
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(to.getParent());
                tmp = Files.createTempFile(to.getParent(), "." + to.getFileName() + ".", ".part");
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    long length = span.length();
                    long done = 0;
                    while (done < length) {
                        long n = in.transferTo(span.offset() + done, Math.min(COPY_CHUNK, length - done), out);
                        if (n <= 0) {
                            throw new IOException("content " + id + " ended after " + done + " of " + length + " bytes");
                        }
                        done += n;
                        if (progress != null) {
                            progress.onProgress(done, length);
                        }
                    }
                }
            }
            try {
                Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (NoSuchFileException e) {
            if (tmp == null) {
                throw e;
            }
            throw Streams.ioFailure("writing " + target, e);
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                throw symlink(file);
            }
            throw Streams.ioFailure("writing " + target, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Deletes a content file no row points at any more; failures are logged (the sweep retries later). */
    void delete(String id) {
        Path file = path(id);
        try {
            requireRealDirectory(contentDir);
            requireRealDirectory(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException | StorageException e) {
            LOG.warn("Could not delete unreferenced content {}: {}", root.relativize(file), e.getMessage());
        }
    }

    /**
     * Deletes leftovers of crashed writers older than {@code age}: temporary uploads, and content files
     * renamed into place whose row was never committed.
     */
    void sweep(Duration age, Predicate<String> referenced) {
        Instant before = Instant.now().minus(age);
        try {
            requireRealDirectory(tmpDir);
            requireRealDirectory(contentDir);
        } catch (IOException | StorageException e) {
            LOG.warn("Sweep of leftovers skipped: {}", e.getMessage());
            return;
        }
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(tmpDir)) {
            for (Path p : tmps) {
                if (olderThan(p, before)) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            LOG.debug("Sweep of {} skipped: {}", tmpDir, e.getMessage());
        }
        try (DirectoryStream<Path> fans = Files.newDirectoryStream(contentDir)) {
            for (Path fan : fans) {
                if (!Files.isDirectory(fan, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                List<String> old = new ArrayList<>();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(fan)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (name.matches("[0-9a-f]{32}") && olderThan(f, before)) {
                            old.add(name);
                        }
                    }
                }
                for (String id : old) {
                    if (!referenced.test(id)) {
                        LOG.info("Removing unreferenced content {} left by an interrupted write", id);
                        deleteQuietly(fan.resolve(id));
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Sweep of {} skipped: {}", contentDir, e.getMessage());
        }
    }

    private static boolean olderThan(Path p, Instant before) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }

    private Path path(String id) {
        return contentDir.resolve(id.substring(0, 2)).resolve(id);
    }

    /** Creates a folder unless it exists (as a real directory); returns whether it was created. */
    private boolean createRealDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            requireRealDirectory(dir);
            return false;
        }
    }

    /** A folder of the data directory must be a directory, not a link to one elsewhere. */
    private void requireRealDirectory(Path dir) throws IOException {
        BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw symlink(dir);
        }
        if (!a.isDirectory()) {
            throw new StorageException(ErrorCode.INTERNAL, "the data directory holds a non-directory at "
                    + root.relativize(dir));
        }
    }

    private StorageException symlink(Path p) {
        return StorageException.invalidArgument("data directory", "refusing to follow the symbolic link "
                + root.relativize(p) + " inside " + root + " (content folders must hold plain files only)");
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", p, e.getMessage());
        }
    }
}
