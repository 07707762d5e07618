package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.RequestConditions;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code backup-container}: writes the blobs of a container (or a prefix) into a backup set of any BlobStore
 * (see {@link BackupCatalog} for the layout).
 *
 * <p>Each blob stored is gzip-compressed on the way ({@code objects/{name}.gz}), its MD5 computed while it
 * streams and checked against the source's. {@code index.ndjson.gz} lists every blob present at backup time:
 * name, size, MD5, ETag, last-modified, content headers, metadata, tier, and which set holds its data. An
 * incremental set stores only blobs whose ETag (or size) changed since the base set and points at the base's
 * data for the others; deleted blobs are simply absent from its index. If any blob fails, no manifest is
 * written: the set stays incomplete and is ignored (and removed by {@link Retention}).
 *
 * <p>A backup that died (a kill, a failure) is resumed by the next backup of the same source, prefix, type and
 * base: it completes the interrupted set, keeping the blobs already stored whose source is unchanged, so
 * nothing is stored twice (see {@link BackupResume}).
 */
public final class ContainerBackup {
    static final String TOOL = "backup-container";

    private ContainerBackup() {
    }

    /**
     * Backs up a container.
     *
     * @throws StorageException NOT_FOUND if the container does not exist; the first failure of a blob
     */
    public static BackupResult backup(StorageAccount source, StorageAccount backup, BackupContainerOptions options) {
        BlobStore blobs = source.blobs();
        BlobStore store = backup.blobs();
        if (!blobs.containerExists(options.container())) {
            throw StorageException.notFound("container " + options.container());
        }
        ProgressMeter meter = new ProgressMeter(TOOL, options.progress(), Duration.ofMillis(500));
        store.createContainerIfNotExists(options.backupContainer());
        String root = options.backupRoot();
        BackupSet base = options.incremental() ? BackupCatalog.newest(store, options.backupContainer(), root,
                s -> s.kind().equals("container") && Objects.equals(s.prefix(), options.prefix())) : null;
        Map<String, ObjectNode> previous = new HashMap<>();
        if (base != null) {
            BackupFiles.readLines(store, options.backupContainer(), root + "/" + base.setId() + "/index.ndjson.gz",
                    line -> {
                        ObjectNode entry = (ObjectNode) Json.parse(line, "index line");
                        previous.put(entry.get("name").asString(), entry);
                    });
        }
        ObjectNode job = job(source, options, base);
        BackupResume resume = BackupResume.find(store, options.backupContainer(), root, job);
        Instant started = resume != null ? resume.startedAt() : Instant.now();
        String setId = resume != null ? resume.setId()
                : BackupCatalog.newSetId(store, options.backupContainer(), root, started);
        String dir = root + "/" + setId + "/";
        if (resume == null) {
            BackupResume.start(store, options.backupContainer(), dir, job, setId, started);
        }
        AtomicLong items = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ArrayNode files = Json.MAPPER.createArrayNode();
        meter.phase("copying");
        try (BackupFiles.Writer index = new BackupFiles.Writer()) {
            Iterable<BlobItem> listing = blobs.list(options.container(), ListBlobsOptions.prefix(options.prefix())
                    .withIncludeMetadata(true).withPageSize(1000));
            Workers.forEachOrFail(listing, options.concurrency(), item -> {
                BlobProperties p = item.properties();
                items.incrementAndGet();
                ObjectNode before = previous.get(p.name());
                if (before != null && Objects.equals(Json.text(before, "etag"), p.etag())
                        && before.get("size").asLong() == p.size()) {
                    index.line(Json.write(before)); // unchanged: the earlier set keeps its data
                    meter.skipped();
                    return;
                }
                ObjectNode entry = resumed(store, options, resume, setId, dir, p);
                if (entry == null) {
                    entry = store(blobs, store, options, setId, dir, p);
                }
                index.line(Json.write(entry));
                stored.incrementAndGet();
                bytes.addAndGet(entry.get("storedSize").asLong());
                meter.bytes(p.size());
                meter.done();
            });
            files.add(index.upload(store, options.backupContainer(), dir + "index.ndjson.gz", "index.ndjson.gz"));
        }
        if (resume != null) {
            resume.deleteUnclaimed(store, options.backupContainer(), dir);
        }
        ObjectNode m = BackupCatalog.newManifest("container", setId, base, started);
        m.set("source", job.get("source"));
        m.put("completedAt", Instant.now().toString());
        ObjectNode counts = m.putObject("counts");
        counts.put("items", items.get());
        counts.put("stored", stored.get());
        counts.put("bytes", bytes.get() + files.get(0).get("size").asLong());
        m.set("files", files);
        BackupCatalog.writeManifest(store, options.backupContainer(), root, m);
        meter.phase("done");
        return new BackupResult(BackupCatalog.toSet(m), root, meter.elapsed());
    }

    /** What a set is a backup of: written first into a new set, and how an interrupted set is recognized. */
    private static ObjectNode job(StorageAccount source, BackupContainerOptions options, BackupSet base) {
        ObjectNode job = Json.object();
        job.put("format", BackupCatalog.FORMAT);
        job.put("kind", "container");
        job.put("type", base == null ? "full" : "incremental");
        job.put("base", base == null ? null : base.setId());
        ObjectNode src = job.putObject("source");
        src.put("provider", source.providerId());
        src.put("account", source.displayName());
        src.put("name", options.container());
        src.put("prefix", options.prefix());
        return job;
    }

    /** The index entry of a blob an interrupted run of this set already stored as it is now, or null. */
    private static ObjectNode resumed(BlobStore store, BackupContainerOptions options, BackupResume resume,
                                      String setId, String dir, BlobProperties p) {
        String storedName = storedName(p);
        BackupResume.Reused r = resume == null ? null
                : resume.reuse(store, options.backupContainer(), dir, storedName, p);
        return r == null ? null : entry(p, r.md5(), setId, storedName, r.storedSize());
    }

    private static String storedName(BlobProperties p) {
        return "objects/" + p.name() + ".gz";
    }

    /** Stores one blob gzip-compressed, checking its MD5 on the way; returns its index entry. */
    private static ObjectNode store(BlobStore blobs, BlobStore store, BackupContainerOptions options, String setId,
                                    String dir, BlobProperties p) {
        String storedName = storedName(p);
        String md5;
        long storedSize;
        ReadOptions read = ReadOptions.defaults().withConditions(RequestConditions.ifMatch(p.etag()));
        try (InputStream in = blobs.openInputStream(options.container(), p.name(), read)) {
            DigestInputStream hashing = Digests.md5Stream(in);
            storedSize = store.upload(options.backupContainer(), dir + storedName, GzipInput.compress(hashing),
                    UploadOptions.defaults().withContentType("application/gzip")
                            .withMetadata(BackupResume.sourceMetadata(p))).size();
            md5 = Digests.base64(hashing.getMessageDigest());
        } catch (IOException e) {
            throw Streams.ioFailure("backup of " + p.name(), e);
        }
        String expected = Digests.md5Of(p);
        if (expected != null && !expected.equals(md5)) {
            // Its metadata claims the source's MD5: a resumed run must not take it for a good copy.
            store.delete(options.backupContainer(), dir + storedName);
            throw new StorageException(ErrorCode.INTERNAL, "backup of " + p.name() + ": content read has MD5 " + md5
                    + ", the source says " + expected);
        }
        if (storedSize < 0) {
            storedSize = store.getProperties(options.backupContainer(), dir + storedName).size();
        }
        return entry(p, md5, setId, storedName, storedSize);
    }

    /** A blob's line of the index. */
    private static ObjectNode entry(BlobProperties p, String md5, String setId, String storedName, long storedSize) {
        ObjectNode e = Json.object();
        e.put("name", p.name());
        e.put("size", p.size());
        e.put("md5", md5);
        e.put("etag", p.etag());
        e.put("lastModified", p.lastModified() == null ? null : p.lastModified().toString());
        e.put("contentType", p.contentType());
        e.put("contentEncoding", p.contentEncoding());
        e.put("cacheControl", p.cacheControl());
        e.put("contentDisposition", p.contentDisposition());
        ObjectNode meta = e.putObject("metadata");
        p.metadata().forEach(meta::put);
        e.put("tier", p.tier() == null ? null : p.tier().name());
        e.put("set", setId);
        e.put("stored", storedName);
        e.put("storedSize", storedSize);
        return e;
    }
}
