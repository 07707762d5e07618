package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.node.ObjectNode;

/** One blob restore; see {@link Restore#blobs}. */
final class BlobRestoreRun {
    private final StorageAccount fromAccount;
    private final StorageAccount targetAccount;
    private final BlobStore from;
    private final BlobStore target;
    private final RestoreBlobOptions options;
    private final ProgressMeter meter;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong verified = new AtomicLong();
    private final List<String> names = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> state = Collections.synchronizedSet(new HashSet<>());

    BlobRestoreRun(StorageAccount from, StorageAccount target, RestoreBlobOptions options) {
        this.fromAccount = from;
        this.targetAccount = target;
        this.from = from.blobs();
        this.target = target.blobs();
        this.options = options;
        this.meter = new ProgressMeter(Restore.BLOB_TOOL, options.progress(), Duration.ofMillis(500));
    }

    RestoreResult fromBackup() {
        String container = options.backupContainer();
        String root = options.backupRoot();
        List<BackupSet> sets = BackupCatalog.list(from, container, root).stream()
                .filter(s -> s.kind().equals("container")).toList();
        BackupSet chosen = BackupCatalog.at(sets, options.pointInTime())
                .orElseThrow(() -> Restore.noSet(root, options.pointInTime()));
        meter.phase("verifying backup");
        Restore.verifyFiles(from, container, root, List.of(chosen));
        List<ObjectNode> entries = new ArrayList<>();
        BackupFiles.readLines(from, container, Restore.dir(root, chosen) + "index.ndjson.gz", line -> {
            ObjectNode e = (ObjectNode) Json.parse(line, "index line");
            if (options.selects(e.get("name").asString())) {
                entries.add(e);
            }
        });
        List<String> restoring = entries.stream().map(e -> e.get("name").asString()).toList();
        prepareTarget(restoring);
        meter.totals(entries.size(), entries.stream().mapToLong(e -> e.get("size").asLong()).sum());
        meter.phase("restoring");
        Workers.forEachOrFail(entries, options.concurrency(), e -> restoreEntry(container, root, e));
        long deleted = deleteOthers();
        meter.phase("done");
        List<String> chain = BackupCatalog.chain(sets, chosen).stream().map(BackupSet::setId).toList();
        return new RestoreResult(chain, written.get(), deleted, bytes.get(), verified.get(), null, names,
                meter.elapsed());
    }

    RestoreResult fromHistory() {
        Capability needed = options.from() == RestoreSource.VERSIONS ? Capability.BLOB_VERSIONS
                : Capability.BLOB_SNAPSHOTS;
        fromAccount.capabilities().require(needed, Restore.BLOB_TOOL + " from " + options.from());
        List<String> candidates = new ArrayList<>();
        if (options.blob() != null) {
            candidates.add(options.blob());
        } else {
            for (BlobItem item : from.list(options.sourceContainer(), ListBlobsOptions.prefix(options.prefix()))) {
                candidates.add(item.name());
            }
        }
        Map<String, BlobProperties> picked = new HashMap<>();
        for (String name : candidates) {
            BlobProperties p = pick(name);
            if (p != null) {
                picked.put(name, p);
            }
        }
        prepareTarget(new ArrayList<>(picked.keySet()));
        meter.phase("restoring");
        Workers.forEachOrFail(new ArrayList<>(picked.values()), options.concurrency(), this::restoreVersion);
        long deleted = deleteOthers();
        meter.phase("done");
        return new RestoreResult(List.of(), written.get(), deleted, bytes.get(), verified.get(), null, names,
                meter.elapsed());
    }

    /** The newest version (or snapshot) of a blob at or before the point in time, or null. */
    private BlobProperties pick(String name) {
        List<BlobProperties> history = new ArrayList<>();
        if (options.from() == RestoreSource.VERSIONS) {
            from.listVersions(options.sourceContainer(), name, io.unistore.ListOptions.defaults()).forEach(history::add);
        } else {
            history.addAll(from.listSnapshots(options.sourceContainer(), name));
        }
        BlobProperties best = null;
        Instant bestTime = null;
        for (BlobProperties p : history) {
            Instant t = options.from() == RestoreSource.SNAPSHOTS ? snapshotTime(p) : p.lastModified();
            if (t != null && !t.isAfter(options.pointInTime()) && (bestTime == null || !t.isBefore(bestTime))) {
                best = p;
                bestTime = t;
            }
        }
        return best;
    }

    private static Instant snapshotTime(BlobProperties p) {
        try {
            return OffsetDateTime.parse(p.snapshot()).toInstant();
        } catch (RuntimeException e) {
            return p.createdAt() != null ? p.createdAt() : p.lastModified();
        }
    }

    /** Refuses existing blobs with FAIL; creates the target container. */
    private void prepareTarget(List<String> restoring) {
        state.addAll(restoring);
        if (options.mode() == RestoreMode.FAIL && target.containerExists(options.targetContainer())) {
            for (String name : restoring) {
                if (target.exists(options.targetContainer(), name)) {
                    throw new StorageException(ErrorCode.CONFLICT, "blob " + options.targetContainer() + "/" + name
                            + " exists; restore with mode MERGE or REPLACE, or into another container");
                }
            }
        }
        target.createContainerIfNotExists(options.targetContainer());
    }

    /** With REPLACE, deletes target blobs under the selection that are not in the restored state. */
    private long deleteOthers() {
        if (options.mode() != RestoreMode.REPLACE) {
            return 0;
        }
        List<String> extra = new ArrayList<>();
        for (BlobItem item : target.list(options.targetContainer(), ListBlobsOptions.prefix(options.prefix()))) {
            if (options.selects(item.name()) && !state.contains(item.name())) {
                extra.add(item.name());
            }
        }
        var result = target.deleteBlobs(options.targetContainer(), extra);
        if (!result.isComplete()) {
            throw result.failed().values().iterator().next();
        }
        return extra.size();
    }

    private void restoreEntry(String container, String root, ObjectNode e) {
        String name = e.get("name").asString();
        String stored = root + "/" + e.get("set").asString() + "/" + e.get("stored").asString();
        String md5 = Json.text(e, "md5");
        Map<String, String> metadata = new HashMap<>();
        e.get("metadata").properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asString()));
        String tierName = Json.text(e, "tier");
        UploadOptions upload = UploadOptions.defaults().withContentType(Json.text(e, "contentType"))
                .withContentEncoding(Json.text(e, "contentEncoding")).withCacheControl(Json.text(e, "cacheControl"))
                .withContentDisposition(Json.text(e, "contentDisposition")).withMetadata(metadata)
                .withTier(tierName == null ? null : tier(AccessTier.valueOf(tierName)))
                .withContentMd5(md5).withLength(e.get("size").asLong());
        try (InputStream in = from.openInputStream(container, stored)) {
            DigestInputStream hashing = Digests.md5Stream(new GZIPInputStream(in, 64 * 1024));
            target.upload(options.targetContainer(), name, hashing, upload);
            check(name, md5, Digests.base64(hashing.getMessageDigest()));
        } catch (IOException ex) {
            throw Streams.ioFailure("restore of " + name, ex);
        }
        done(name, e.get("size").asLong());
    }

    private void restoreVersion(BlobProperties p) {
        boolean sameAccount = ObjectCopier.sameAccount(fromAccount, targetAccount);
        if (sameAccount && p.currentVersion() && p.snapshot() == null
                && options.sourceContainer().equals(options.targetContainer())) {
            return; // the blob is in that state now
        }
        boolean version = options.from() == RestoreSource.VERSIONS && !p.currentVersion();
        if (sameAccount) {
            CopyOptions copy = CopyOptions.defaults();
            copy = version ? copy.withSourceVersionId(p.versionId()) : copy;
            copy = p.snapshot() != null ? copy.withSourceSnapshot(p.snapshot()) : copy;
            target.copy(options.sourceContainer(), p.name(), options.targetContainer(), p.name(), copy);
            BlobProperties now = target.getProperties(options.targetContainer(), p.name());
            if (p.contentMd5() != null && now.contentMd5() != null) {
                check(p.name(), p.contentMd5(), now.contentMd5());
            }
        } else {
            ReadOptions read = version ? ReadOptions.defaults().withVersionId(p.versionId()) : ReadOptions.defaults();
            read = p.snapshot() != null ? read.withSnapshot(p.snapshot()) : read;
            UploadOptions upload = UploadOptions.defaults().withContentType(p.contentType())
                    .withContentEncoding(p.contentEncoding()).withCacheControl(p.cacheControl())
                    .withContentDisposition(p.contentDisposition()).withMetadata(p.metadata())
                    .withTier(p.tier() == null ? null : tier(p.tier())).withContentMd5(p.contentMd5())
                    .withLength(p.size());
            try (InputStream in = from.openInputStream(options.sourceContainer(), p.name(), read)) {
                DigestInputStream hashing = Digests.md5Stream(in);
                target.upload(options.targetContainer(), p.name(), hashing, upload);
                if (p.contentMd5() != null) {
                    check(p.name(), p.contentMd5(), Digests.base64(hashing.getMessageDigest()));
                }
            } catch (IOException ex) {
                throw Streams.ioFailure("restore of " + p.name(), ex);
            }
        }
        done(p.name(), p.size());
    }

    private AccessTier tier(AccessTier tier) {
        var caps = targetAccount.capabilities();
        if (!caps.has(Capability.BLOB_TIERS)) {
            return null;
        }
        return tier == AccessTier.ARCHIVE && !caps.has(Capability.BLOB_ARCHIVE) ? AccessTier.COLD : tier;
    }

    private void check(String name, String expected, String actual) {
        if (expected != null && !expected.equals(actual)) {
            throw new StorageException(ErrorCode.INTERNAL, "restored " + name + " has MD5 " + actual
                    + " but the backup recorded " + expected);
        }
        if (expected != null) {
            verified.incrementAndGet();
        }
    }

    private void done(String name, long size) {
        written.incrementAndGet();
        bytes.addAndGet(size);
        if (names.size() < 1000) {
            names.add(name);
        }
        meter.bytes(size);
        meter.done();
    }
}
