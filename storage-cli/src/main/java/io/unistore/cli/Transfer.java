package io.unistore.cli;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.ops.ContainerCopy;
import io.unistore.ops.CopyContainerOptions;
import io.unistore.ops.CopyContainerResult;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Moves objects between two locations for {@code cp} and {@code sync}. Between two accounts (or within one) it is
 * storage-ops' {@link ContainerCopy}: server-side where the services can, else streamed, verified by MD5. To and
 * from local files it uploads and downloads {@code transfers} files at once through the providers' own parallel
 * file transfers (which check the MD5 on upload and write a download to a temporary file first).
 */
final class Transfer {
    private final Session session;
    private final Output output;
    private final int transfers;
    private final boolean incremental;

    /**
     * @param transfers objects in flight
     * @param incremental between accounts, skip objects whose target has the same size and MD5
     */
    Transfer(Session session, Output output, int transfers, boolean incremental) {
        if (transfers < 1 || transfers > 1024) {
            throw CliException.usage("--transfers: must be 1 to 1024, was " + transfers);
        }
        this.session = session;
        this.output = output;
        this.transfers = transfers;
        this.incremental = incremental;
    }

    /**
     * Copies the listed objects (names relative to {@code src}) to the same relative names under {@code dst}.
     * Between accounts, {@code selected} picks the relative names instead of a listing.
     */
    TransferResult tree(Location src, Location dst, NavigableMap<String, Tree.Entry> items,
                        Predicate<String> selected) {
        if (!src.isLocal() && !dst.isLocal()) {
            String from = src.dirPrefix();
            String to = dst.dirPrefix();
            return between(src, dst, from.isEmpty() ? null : from, from.isEmpty() && to.isEmpty() ? null : to,
                    full -> selected.test(full.substring(from.length())));
        }
        long total = items.values().stream().mapToLong(Tree.Entry::size).sum();
        Map<String, Runnable> work = new TreeMap<>();
        String method;
        AtomicLong bytes = new AtomicLong();
        try (Progress progress = Progress.start(output, "copy", total)) {
            if (src.isLocal() && dst.isLocal()) {
                method = "LOCAL";
                items.forEach((rel, e) -> work.put(rel, () -> {
                    localCopy(src.local().resolve(rel), dst.local().resolve(rel));
                    progress.add(e.size());
                }));
            } else if (src.isLocal()) {
                method = "UPLOAD";
                BlobStore store = session.account(dst).blobs();
                String container = dst.requireContainer("container");
                store.createContainerIfNotExists(container);
                items.forEach((rel, e) -> work.put(rel, () -> upload(store, container, dst.dirPrefix() + rel,
                        src.local().resolve(rel), progress)));
            } else {
                method = "DOWNLOAD";
                BlobStore store = session.account(src).blobs();
                items.forEach((rel, e) -> work.put(rel, () -> download(store, src.container(), src.dirPrefix() + rel,
                        dst.local().resolve(rel), progress)));
            }
            return run(work, items, method, progress, bytes);
        }
    }

    /** Copies one object to an exact target name (or path). */
    TransferResult single(Location src, Tree.Entry entry, Location dst) {
        if (!src.isLocal() && !dst.isLocal()) {
            String name = src.requireObject();
            return between(src, dst, name, dst.requireObject(), name::equals);
        }
        NavigableMap<String, Tree.Entry> one = new TreeMap<>(Map.of(entry.name(), entry));
        Map<String, Runnable> work = new TreeMap<>();
        String method;
        AtomicLong bytes = new AtomicLong();
        try (Progress progress = Progress.start(output, "copy", entry.size())) {
            if (src.isLocal() && dst.isLocal()) {
                method = "LOCAL";
                work.put(entry.name(), () -> {
                    localCopy(src.local(), dst.local());
                    progress.add(entry.size());
                });
            } else if (src.isLocal()) {
                method = "UPLOAD";
                BlobStore store = session.account(dst).blobs();
                String container = dst.requireContainer("container");
                store.createContainerIfNotExists(container);
                work.put(entry.name(), () -> upload(store, container, dst.requireObject(), src.local(), progress));
            } else {
                method = "DOWNLOAD";
                BlobStore store = session.account(src).blobs();
                work.put(entry.name(), () -> download(store, src.container(), src.requireObject(), dst.local(),
                        progress));
            }
            return run(work, one, method, progress, bytes);
        }
    }

    private TransferResult between(Location src, Location dst, String sourcePrefix, String targetPrefix,
                                   Predicate<String> selectFull) {
        StorageAccount from = session.account(src);
        StorageAccount to = session.account(dst);
        try (Progress progress = Progress.start(output, "copy", -1)) {
            CopyContainerOptions options = CopyContainerOptions.of(src.requireContainer("container"),
                            dst.requireContainer("container"))
                    .withSourcePrefix(sourcePrefix).withTargetPrefix(targetPrefix).withNameFilter(selectFull)
                    .withConcurrency(transfers).withIncremental(incremental).withProgress(progress.callback())
                    .withProgressInterval(java.time.Duration.ofMillis(200)).withReportLimit(10_000);
            CopyContainerResult r = ContainerCopy.run(from, to, options);
            Map<String, Long> methods = new LinkedHashMap<>();
            r.byMethod().forEach((m, n) -> {
                if (n > 0) {
                    methods.put(m.name(), n);
                }
            });
            return new TransferResult(r.copied(), r.skippedUnchanged(), r.failed(), r.bytesCopied(), r.bytesStreamed(),
                    methods, new TreeMap<>(r.failures()), r.duration().toMillis() / 1000.0);
        }
    }

    private TransferResult run(Map<String, Runnable> work, NavigableMap<String, Tree.Entry> items, String method,
                               Progress progress, AtomicLong bytes) {
        long start = System.nanoTime();
        Map<String, String> failures = Collections.synchronizedMap(new TreeMap<>());
        AtomicLong copied = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(transfers, Math.max(1, work.size())), r -> {
            Thread t = new Thread(r, "unistore-transfer");
            t.setDaemon(true);
            return t;
        });
        try {
            work.forEach((rel, task) -> pool.execute(() -> {
                try {
                    task.run();
                    long size = items.get(rel).size();
                    copied.incrementAndGet();
                    bytes.addAndGet(size);
                } catch (RuntimeException e) {
                    failures.put(rel, Errors.describe(e));
                }
            }));
            pool.shutdown();
            if (!pool.awaitTermination(365, TimeUnit.DAYS)) {
                throw new CliException(Exit.FAILED, "transfers did not finish");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CliException(Exit.FAILED, "interrupted; run the same command again to finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TransferResult(copied.get(), 0, failures.size(), bytes.get(), bytes.get(),
                copied.get() == 0 ? Map.of() : Map.of(method, copied.get()), failures, seconds);
    }

    private static void upload(BlobStore store, String container, String name, Path file, Progress progress) {
        String type = URLConnection.guessContentTypeFromName(file.getFileName().toString());
        AtomicLong reported = new AtomicLong();
        store.upload(container, name, file, UploadOptions.defaults().withContentType(type)
                .withProgress((done, total) -> progress.add(done - reported.getAndSet(done))));
    }

    private static void download(BlobStore store, String container, String name, Path file, Progress progress) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new CliException(Exit.FAILED, "cannot create the directory of " + file + ": " + e.getMessage());
        }
        AtomicLong reported = new AtomicLong();
        store.downloadToFile(container, name, file, ReadOptions.defaults()
                .withProgress((done, total) -> progress.add(done - reported.getAndSet(done))));
    }

    private static void localCopy(Path from, Path to) {
        try {
            Path parent = to.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new CliException(Exit.FAILED, "cannot copy " + from + " to " + to + ": " + e.getMessage());
        }
    }
}
