package io.unistore.ops;

import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The resume of a container backup that died before its manifest. A backup first writes {@value #STARTED} (what
 * it backs up, full or incremental, on which base); each blob it stores carries the source's ETag, size and,
 * where known, MD5 in its metadata. The next backup of the same source, prefix, type and base finds that set
 * (the newest under the root, without a manifest), keeps every stored blob whose source is unchanged (same ETag
 * and size) instead of storing it again, stores the rest, and deletes what no longer belongs (blobs deleted
 * from the source meanwhile). One backup of a root at a time: a second one started while the first runs would
 * take its set for an interrupted one.
 */
final class BackupResume {
    static final String STARTED = "started.json";
    static final String SOURCE_ETAG = "unistore_source_etag";
    static final String SOURCE_SIZE = "unistore_source_size";
    static final String SOURCE_MD5 = "unistore_source_md5";

    private final String setId;
    private final Instant startedAt;
    /** Stored name ("objects/...") to what the interrupted run stored; claimed entries are removed. */
    private final Map<String, BlobProperties> stored;

    private BackupResume(String setId, Instant startedAt, Map<String, BlobProperties> stored) {
        this.setId = setId;
        this.startedAt = startedAt;
        this.stored = stored;
    }

    /**
     * What a backup of {@code job} writes first into its new set: the job, its set id and start.
     */
    static void start(BlobStore store, String container, String dir, ObjectNode job, String setId, Instant started) {
        ObjectNode s = job.deepCopy();
        s.put("setId", setId);
        s.put("startedAt", started.toString());
        store.upload(container, dir + STARTED, Json.MAPPER.writeValueAsBytes(s),
                UploadOptions.defaults().withContentType("application/json"));
    }

    /** The interrupted set of the same job to resume, or null when the newest set is complete or another job's. */
    static BackupResume find(BlobStore store, String container, String root, ObjectNode job) {
        List<String> ids = BackupCatalog.setIds(store, container, root);
        if (ids.isEmpty()) {
            return null;
        }
        String setId = ids.get(ids.size() - 1);
        String dir = root + "/" + setId + "/";
        if (store.exists(container, dir + BackupCatalog.MANIFEST) || !store.exists(container, dir + STARTED)) {
            return null;
        }
        JsonNode started = Json.parse(new String(store.downloadBytes(container, dir + STARTED),
                StandardCharsets.UTF_8), dir + STARTED);
        if (!(started instanceof ObjectNode written)) {
            return null;
        }
        ObjectNode asJob = written.deepCopy();
        asJob.remove("setId");
        asJob.remove("startedAt");
        if (!asJob.equals(job)) {
            return null;
        }
        Map<String, BlobProperties> stored = new ConcurrentHashMap<>();
        for (BlobItem item : store.list(container, ListBlobsOptions.prefix(dir + "objects/").withIncludeMetadata(true)
                .withPageSize(1000))) {
            stored.put(item.name().substring(dir.length()), item.properties());
        }
        return new BackupResume(setId, Instant.parse(Json.text(started, "startedAt")), stored);
    }

    String setId() {
        return setId;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The metadata a stored blob carries so that a resumed run can tell whether its source changed. */
    static Map<String, String> sourceMetadata(BlobProperties source) {
        Map<String, String> m = new HashMap<>();
        m.put(SOURCE_ETAG, source.etag());
        m.put(SOURCE_SIZE, Long.toString(source.size()));
        String md5 = Digests.md5Of(source);
        if (md5 != null) {
            m.put(SOURCE_MD5, md5);
        }
        return m;
    }

    /**
     * A blob the interrupted run stored.
     *
     * @param md5 base64 MD5 of the source content
     * @param storedSize bytes stored (compressed)
     */
    record Reused(String md5, long storedSize) {
    }

    /**
     * What the interrupted run stored of {@code source} when it stored it as it is now (same ETag and size),
     * claiming that stored blob; null when it must be stored (again). A stored blob without the MD5 in its
     * metadata is read back and hashed (a read, not a write).
     */
    Reused reuse(BlobStore store, String container, String dir, String storedName, BlobProperties source) {
        BlobProperties s = stored.remove(storedName);
        if (s == null || source.etag() == null || !source.etag().equals(s.metadata().get(SOURCE_ETAG))
                || !Long.toString(source.size()).equals(s.metadata().get(SOURCE_SIZE))) {
            return null;
        }
        String md5 = s.metadata().get(SOURCE_MD5);
        if (md5 != null) {
            return new Reused(md5, s.size());
        }
        try (InputStream in = new GZIPInputStream(store.openInputStream(container, dir + storedName), 64 * 1024)) {
            return new Reused(Digests.md5OfStream(in), s.size());
        } catch (IOException e) {
            throw Streams.ioFailure("reading back " + dir + storedName, e);
        }
    }

    /** Deletes what the interrupted run stored that no blob of this run claimed (sources deleted meanwhile). */
    void deleteUnclaimed(BlobStore store, String container, String dir) {
        List<String> names = new ArrayList<>();
        stored.keySet().forEach(n -> names.add(dir + n));
        if (!names.isEmpty()) {
            var result = store.deleteBlobs(container, names);
            if (!result.isComplete()) {
                throw result.failed().values().iterator().next();
            }
        }
    }
}
