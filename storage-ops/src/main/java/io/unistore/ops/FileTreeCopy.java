package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies a file share's directory tree into a container and back, keeping the tree in the blob names
 * ({@code dir/sub/file}), or into another share. Content streams (bounded memory), is hashed with MD5 on the way
 * and checked against what the source and target report; content type and metadata are carried. Blob stores have
 * no directories, so empty directories of a share are not kept in a container; the other way, the directories a
 * blob name implies are created. Share to share keeps the tree whole, empty directories too. Per-file failures
 * are reported and the copy goes on.
 */
public final class FileTreeCopy {
    private FileTreeCopy() {
    }

    /** Copies the files under {@code share/directory} to blobs {@code prefix + relative path}. */
    public static CopyTreeResult shareToContainer(StorageAccount source, StorageAccount target,
                                                  CopyTreeOptions options) {
        FileStore files = source.files();
        BlobStore blobs = target.blobs();
        Run run = new Run(options.dryRun(), options.progress());
        if (!options.dryRun()) {
            blobs.createContainerIfNotExists(options.container());
        }
        Iterable<FileItem> items = () -> files.list(options.share(), options.directory(), ListFilesOptions.recursively())
                .stream().filter(f -> !f.directory()).iterator();
        Workers.forEach(items, options.concurrency(), f -> {
            run.found.incrementAndGet();
            String relative = relative(f.path(), options.directory());
            String name = options.prefix() + relative;
            FileProperties p = files.getProperties(options.share(), f.path());
            if (options.incremental() && sameContent(p.size(), p.contentMd5(), blobProperties(blobs, options, name))) {
                run.unchanged();
                return;
            }
            if (run.dryRun(p.size())) {
                return;
            }
            try (InputStream in = files.openInputStream(options.share(), f.path(), null)) {
                DigestInputStream hashing = Digests.md5Stream(in);
                var written = blobs.upload(options.container(), name, hashing, UploadOptions.defaults()
                        .withContentType(p.contentType()).withMetadata(p.metadata()).withLength(p.size())
                        .withContentMd5(p.contentMd5()));
                String md5 = Digests.base64(hashing.getMessageDigest());
                String reported = written.contentMd5() != null ? written.contentMd5()
                        : blobs.getProperties(options.container(), name).contentMd5();
                run.verify(name, md5, reported, p.contentMd5());
            } catch (IOException e) {
                throw Streams.ioFailure("copy of " + f.path(), e);
            }
            run.copied(p.size());
        }, run::failed, () -> false);
        return run.result();
    }

    /** Copies the blobs under {@code container/prefix} to files {@code directory/relative name}. */
    public static CopyTreeResult containerToShare(StorageAccount source, StorageAccount target,
                                                  CopyTreeOptions options) {
        BlobStore blobs = source.blobs();
        FileStore files = target.files();
        Run run = new Run(options.dryRun(), options.progress());
        if (!options.dryRun()) {
            prepare(files, options.share(), options.directory());
        }
        ShareWriter into = new ShareWriter(files, options.share(), run);
        Iterable<BlobItem> items = blobs.list(options.container(), ListBlobsOptions.prefix(
                options.prefix().isEmpty() ? null : options.prefix()).withIncludeMetadata(true));
        Workers.forEach(items, options.concurrency(), item -> {
            run.found.incrementAndGet();
            BlobProperties p = item.properties();
            String path = options.filePath(p.name().substring(options.prefix().length()));
            if (options.incremental() && into.unchanged(path, p.size(), Digests.md5Of(p))) {
                run.unchanged();
                return;
            }
            if (run.dryRun(p.size())) {
                return;
            }
            into.write(path, p.name(), () -> blobs.openInputStream(options.container(), p.name()), p.contentType(),
                    p.metadata(), p.size(), Digests.md5Of(p));
        }, (item, e) -> run.failed(item.name(), e), () -> false);
        return run.result();
    }

    /**
     * Copies the tree under {@code sourceShare/sourceDirectory} to {@code targetShare/targetDirectory}: every
     * directory (empty ones too) and file, a file's parents made before it whatever order the workers take.
     */
    public static CopyTreeResult shareToShare(StorageAccount source, StorageAccount target, CopyShareOptions options) {
        FileStore from = source.files();
        FileStore to = target.files();
        if (!from.shareExists(options.sourceShare())) {
            // Before the target is made: a copy from nowhere leaves nothing behind.
            throw new StorageException(ErrorCode.NOT_FOUND, "the source share '" + options.sourceShare()
                    + "' does not exist");
        }
        Run run = new Run(options.dryRun(), options.progress());
        if (!options.dryRun()) {
            prepare(to, options.targetShare(), options.targetDirectory());
        }
        ShareWriter into = new ShareWriter(to, options.targetShare(), run);
        Iterable<FileItem> items = from.list(options.sourceShare(), options.sourceDirectory(),
                ListFilesOptions.recursively());
        Workers.forEach(items, options.concurrency(), f -> {
            String path = options.targetPath(f.path());
            if (f.directory()) {
                if (!options.dryRun()) {
                    into.directory(path);
                }
                return;
            }
            run.found.incrementAndGet();
            FileProperties p = from.getProperties(options.sourceShare(), f.path());
            if (options.incremental() && into.unchanged(path, p.size(), p.contentMd5())) {
                run.unchanged();
                return;
            }
            if (run.dryRun(p.size())) {
                return;
            }
            into.write(path, f.path(), () -> from.openInputStream(options.sourceShare(), f.path(), null),
                    p.contentType(), p.metadata(), p.size(), p.contentMd5());
        }, run::failed, () -> false);
        return run.result();
    }

    /** Creates the target share and directory where missing. */
    private static void prepare(FileStore files, String share, String directory) {
        files.createShareIfNotExists(share);
        if (!directory.isEmpty()) {
            files.createDirectories(share, directory);
        }
    }

    /** Opens a source's content. */
    private interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Writes files into one share for one copy: a file's directories are made once, before it (computeIfAbsent
     * holds back other files of a directory until it exists), and what was sent is checked by MD5.
     */
    private static final class ShareWriter {
        private final FileStore files;
        private final String share;
        private final Run run;
        private final Map<String, Boolean> madeDirs = new ConcurrentHashMap<>();

        ShareWriter(FileStore files, String share, Run run) {
            this.files = files;
            this.share = share;
            this.run = run;
        }

        /** Whether the share has a file at {@code path} of this size and this (known) MD5. */
        boolean unchanged(String path, long size, String md5) {
            if (md5 == null || !files.exists(share, path)) {
                return false;
            }
            FileProperties existing = files.getProperties(share, path);
            return !existing.directory() && existing.size() == size && md5.equals(existing.contentMd5());
        }

        void directory(String path) {
            madeDirs.computeIfAbsent(path, dir -> {
                files.createDirectories(share, dir);
                run.directories.incrementAndGet();
                return Boolean.TRUE;
            });
        }

        void write(String path, String sourceName, Source source, String contentType, Map<String, String> metadata,
                   long size, String sourceMd5) {
            int slash = path.lastIndexOf('/');
            if (slash > 0) {
                directory(path.substring(0, slash));
            }
            try (InputStream in = source.open()) {
                DigestInputStream hashing = Digests.md5Stream(in);
                FileProperties written = files.upload(share, path, hashing, FileUploadOptions.defaults()
                        .withContentType(contentType).withMetadata(metadata).withLength(size));
                run.verify(path, Digests.base64(hashing.getMessageDigest()), written.contentMd5(), sourceMd5);
            } catch (IOException e) {
                throw Streams.ioFailure("copy of " + sourceName, e);
            }
            run.copied(size);
        }
    }

    private static String relative(String path, String directory) {
        return directory.isEmpty() ? path : path.substring(directory.length() + 1);
    }

    private static BlobProperties blobProperties(BlobStore blobs, CopyTreeOptions options, String name) {
        try {
            return blobs.getProperties(options.container(), name);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static boolean sameContent(long size, String md5, BlobProperties blob) {
        return blob != null && md5 != null && blob.size() == size && md5.equals(Digests.md5Of(blob));
    }

    /** Counters of one tree copy. */
    private static final class Run {
        final boolean dryRun;
        final ProgressMeter meter;
        final AtomicLong found = new AtomicLong();
        final AtomicLong copied = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong directories = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());

        Run(boolean dryRun, ProgressCallback progress) {
            this.dryRun = dryRun;
            this.meter = new ProgressMeter("copy-tree", progress, Duration.ofMillis(500));
            meter.phase(dryRun ? "planning" : "copying");
        }

        void unchanged() {
            unchanged.incrementAndGet();
            meter.skipped();
        }

        /** In a dry run, counts the file as to be copied and returns true. */
        boolean dryRun(long size) {
            if (dryRun) {
                copied(size);
            }
            return dryRun;
        }

        void copied(long size) {
            copied.incrementAndGet();
            bytes.addAndGet(size);
            meter.bytes(size);
            meter.done();
        }

        /** Checks the MD5 sent against the target's and the source's, where they are known. */
        void verify(String name, String sent, String targetMd5, String sourceMd5) {
            if (targetMd5 != null && !targetMd5.equals(sent) || sourceMd5 != null && !sourceMd5.equals(sent)) {
                throw new StorageException(ErrorCode.INTERNAL, name + ": MD5 of the bytes sent (" + sent
                        + ") differs from the source's (" + sourceMd5 + ") or the target's (" + targetMd5 + ")");
            }
        }

        void failed(FileItem item, RuntimeException e) {
            failed(item.path(), e);
        }

        void failed(String name, RuntimeException e) {
            failures.put(name, Workers.describe(e));
            meter.failed();
        }

        CopyTreeResult result() {
            meter.phase("done");
            return new CopyTreeResult(found.get(), copied.get(), unchanged.get(), directories.get(), bytes.get(),
                    failures, meter.elapsed());
        }
    }
}
