package io.unistore.local;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.spi.BlobBackend;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.ContinuationTokens;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Blobs on a local directory: properties, versions, snapshots and leases in SQLite ({@link BlobRows}),
 * content in the {@link ContentStore}. Every write stages its content first, then commits the row in one write
 * transaction that checks conditions and leases; rows share content files by reference, so copies, snapshots
 * and versions cost no bytes.
 */
final class LocalBlobStore implements BlobBackend {
    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
    private static final int READ_ATTEMPTS = 3;

    private final Database db;
    private final ContentStore content;
    private final boolean versioning;
    private final BlobAccess access;

    LocalBlobStore(Database db, ContentStore content, boolean versioning) {
        this.db = db;
        this.content = content;
        this.versioning = versioning;
        this.access = new BlobAccess(db);
    }

    // ---- containers -------------------------------------------------------------------------------

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        String encoded = MetadataCodec.encode(metadata);
        db.writeOne(s -> {
            Sql.insertNew(s, "container " + container, "INSERT INTO containers(name, metadata, etag, modified) "
                    + "VALUES (?, ?, ?, ?)", container, encoded, Ids.etag(), Times.now());
            return null;
        });
    }

    @Override
    public boolean deleteContainer(String container) {
        return db.write(s -> {
            if (!BlobRows.containerExists(s, container)) {
                return false;
            }
            for (Map.Entry<String, Integer> ref : BlobRows.contentOfContainer(s, container).entrySet()) {
                ContentRefs.unref(s, content, ref.getKey(), ref.getValue());
            }
            for (String table : List.of("blobs", "blob_versions", "blob_snapshots")) {
                Sql.update(s, "DELETE FROM " + table + " WHERE container = ?", container);
            }
            Sql.update(s, "DELETE FROM containers WHERE name = ?", container);
            BlobAccess.forgetContainer(s, container);
            return true;
        });
    }

    @Override
    public boolean containerExists(String container) {
        return db.read(s -> BlobRows.containerExists(s, container));
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare("SELECT name, metadata, modified, etag FROM containers WHERE name = ?");
            ps.setString(1, container);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw containerNotFound(container);
                }
                return containerInfo(rs);
            }
        });
    }

    private static ContainerInfo containerInfo(ResultSet rs) throws SQLException {
        return new ContainerInfo(rs.getString(1), MetadataCodec.decode(rs.getString(2)),
                Times.instant(rs.getLong(3)), rs.getString(4));
    }

    @Override
    public void setContainerMetadata(String container, Map<String, String> metadata) {
        String encoded = MetadataCodec.encode(metadata);
        db.writeOne(s -> {
            if (Sql.update(s, "UPDATE containers SET metadata = ?, etag = ?, modified = ? WHERE name = ?", encoded,
                    Ids.etag(), Times.now(), container) == 0) {
                throw containerNotFound(container);
            }
            return null;
        });
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        return PagedIterable.of((token, size) -> db.read(s -> NamePager.fetch(s,
                "SELECT name, metadata, modified, etag FROM containers WHERE", "name", options.prefix(), token, size,
                LocalBlobStore::containerInfo)), options.continuationToken(), options.pageSize());
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream in, UploadOptions options) {
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        return upload(container, blob, o, () -> content.write(in, o.length(), o.contentMd5(), o.progress()));
    }

    /** Uploads a local file as cp copies it (kernel transfer), computing the MD5 alongside. */
    @Override
    public BlobWriteResult upload(String container, String blob, Path file, UploadOptions options) {
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        return upload(container, blob, o, () -> content.writeFile(file, o.contentMd5(), o.progress()));
    }

    private BlobWriteResult upload(String container, String blob, UploadOptions o,
                                   java.util.function.Supplier<StagedContent> stage) {
        // Fail fast, before streaming what may be gigabytes: the commit checks all of this again.
        db.read(s -> {
            requireContainer(s, container);
            BlobConditions.checkWrite(describe(container, blob), BlobRows.current(s, container, blob),
                    o.conditions(), Times.now());
            return null;
        });
        StagedContent staged = stage.get();
        try {
            return db.write(s -> {
                ContentRefs.add(s, staged);
                return replace(s, container, blob, o.conditions(), (current, now) -> new BlobRow(staged.id(),
                        staged.size(), o.contentType() == null ? DEFAULT_CONTENT_TYPE : o.contentType(),
                        o.contentEncoding(), o.cacheControl(), o.contentDisposition(), staged.md5(), Ids.etag(),
                        current == null ? now : current.created(), now, o.metadata(),
                        o.tier() == null ? AccessTier.HOT : o.tier(), null, null));
            });
        } catch (RuntimeException e) {
            content.delete(staged.id());
            throw e;
        }
    }

    /** Builds the new current row from the old one (null when absent) at time {@code now}. */
    @FunctionalInterface
    private interface NextRow {
        BlobRow next(BlobRow current, long now) throws SQLException;
    }

    /**
     * Replaces the current blob inside a write transaction: checks the container, lease and conditions, keeps
     * the old state as a version (or drops its content reference), writes the new row with a new version id
     * and the old lease.
     */
    private BlobWriteResult replace(Session s, String container, String blob, RequestConditions conditions,
                                    NextRow nextRow) throws SQLException {
        requireContainer(s, container);
        long now = Times.now();
        BlobRow current = BlobRows.current(s, container, blob);
        BlobConditions.checkWrite(describe(container, blob), current, conditions, now);
        BlobRow next = nextRow.next(current, now);
        String versionId = null;
        if (versioning) {
            String last = current == null ? BlobRows.lastVersionId(s, container, blob) : keepAsVersion(s, container, blob);
            versionId = Times.nextId(last);
        }
        next = new BlobRow(next.content(), next.size(), next.contentType(), next.contentEncoding(),
                next.cacheControl(), next.contentDisposition(), next.md5(), next.etag(), next.created(),
                next.modified(), next.metadata(), next.tier(), versionId, current == null ? null : current.lease());
        ContentRefs.ref(s, next.content());
        if (current != null && !versioning) {
            ContentRefs.unref(s, content, current.content(), 1);
        }
        BlobRows.putCurrent(s, container, blob, next);
        return new BlobWriteResult(next.etag(), Times.instant(now), next.size(), next.md5(), versionId);
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        return db.write(s -> replace(s, container, blob, conditions, (current, now) -> {
            if (current == null) {
                throw blobNotFound(container, blob);
            }
            return new BlobRow(current.content(), current.size(), current.contentType(), current.contentEncoding(),
                    current.cacheControl(), current.contentDisposition(), current.md5(), Ids.etag(),
                    current.created(), now, metadata == null ? Map.of() : metadata, current.tier(), null, null);
        }));
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                                CopyOptions options) {
        CopyOptions o = options == null ? CopyOptions.defaults() : options;
        if (o.metadata() != null) {
        }
        return db.write(s -> {
            BlobRow source = find(s, sourceContainer, sourceBlob, o.sourceVersionId(), o.sourceSnapshot());
            BlobConditions.check("source " + describe(sourceContainer, sourceBlob), source.etag(), source.modified(),
                    o.sourceConditions());
            if (source.tier() == AccessTier.ARCHIVE && (o.tier() == null || o.tier() == AccessTier.ARCHIVE)) {
                throw archived(sourceContainer, sourceBlob, "copy it with an online target tier (CopyOptions.withTier)"
                        + " or rehydrate it first");
            }
            return replace(s, targetContainer, targetBlob, o.targetConditions(), (current, now) -> new BlobRow(
                    source.content(), source.size(), o.contentType() == null ? source.contentType() : o.contentType(),
                    source.contentEncoding(), source.cacheControl(), source.contentDisposition(), source.md5(),
                    Ids.etag(), current == null ? now : current.created(), now,
                    o.metadata() == null ? source.metadata() : o.metadata(),
                    o.tier() == null ? AccessTier.HOT : o.tier(), null, null));
        });
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return readContent(container, blob, options, (row, span) -> content.open(row.content(), span));
    }

    /** Copies the content into the file by kernel transfer, through a temporary file renamed into place. */
    @Override
    public void downloadToFile(String container, String blob, Path file, ReadOptions options) {
        readContent(container, blob, options, (row, span) -> {
            content.copyTo(row.content(), span, file, options.progress());
            return null;
        });
    }

    /** Reads the content of one stored row, given as a byte range of its content file. */
    @FunctionalInterface
    private interface ContentRead<T> {
        T read(BlobRow row, Span span) throws NoSuchFileException;
    }

    /**
     * Finds the row a read names, checks its conditions, tier and range, and reads its content; if a writer
     * replaced the blob (and dropped the content file) in between, it reads the new row.
     */
    private <T> T readContent(String container, String blob, ReadOptions options, ContentRead<T> read) {
        ReadOptions o = options == null ? ReadOptions.defaults() : options;
        for (int attempt = 1; ; attempt++) {
            BlobRow row = db.read(s -> find(s, container, blob, o.versionId(), o.snapshot()));
            BlobConditions.check(describe(container, blob), row.etag(), row.modified(), o.conditions());
            if (row.tier() == AccessTier.ARCHIVE) {
                throw archived(container, blob, "rehydrate it first by moving it to another tier (setTier)");
            }
            Span span = Span.of(o.range(), row.size(), describe(container, blob));
            if (o.versionId() == null && o.snapshot() == null) {
                // Before the read, so a stream already open is never left behind by a failed record.
                access.recordRead(container, blob);
            }
            try {
                return read.read(row, span);
            } catch (NoSuchFileException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw new StorageException(ErrorCode.UNAVAILABLE, describe(container, blob) + " kept changing "
                            + "while being read; retry", e);
                }
            }
        }
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        ReadOptions o = options == null ? ReadOptions.defaults() : options;
        return db.read(s -> {
            BlobRow row = find(s, container, blob, o.versionId(), o.snapshot());
            BlobConditions.check(describe(container, blob), row.etag(), row.modified(), o.conditions());
            return properties(s, container, blob, o, row);
        });
    }

    /** The properties of the row a read found: current or not, with the lease when current. */
    private static BlobProperties properties(Session s, String container, String blob, ReadOptions o, BlobRow row)
            throws SQLException {
        BlobRow current = o.versionId() == null ? null : BlobRows.current(s, container, blob);
        boolean isCurrent = o.snapshot() == null && (o.versionId() == null
                || (current != null && o.versionId().equals(current.versionId())));
        BlobRow shown = isCurrent && current != null ? current : row;
        BlobProperties p = shown.properties(container, blob, isCurrent, o.snapshot(), true, Times.now());
        return isCurrent ? BlobAccess.withLastAccess(p, BlobAccess.lastRead(s, container, blob)) : p;
    }

    @Override
    public boolean exists(String container, String blob) {
        return db.read(s -> BlobRows.current(s, container, blob) != null);
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        ListBlobsOptions o = options == null ? ListBlobsOptions.defaults() : options;
        // Checked now as well as on every page, so a wrong name fails the call rather than the first iteration.
        db.read(s -> requireContainer(s, container));
        return PagedIterable.of((token, size) -> db.read(s -> {
            requireContainer(s, container);
            return new BlobLister(s, container, o).fetch(token, size);
        }), o.continuationToken(), o.pageSize());
    }

    /**
     * The row a read names: a snapshot, a version (current or old), or the current blob.
     *
     * @throws StorageException NOT_FOUND for a missing container, blob, version or snapshot
     */
    private static BlobRow find(Session s, String container, String blob, String versionId, String snapshot)
            throws SQLException {
        BlobRow row;
        if (snapshot != null) {
            row = BlobRows.snapshot(s, container, blob, snapshot);
        } else if (versionId != null) {
            row = BlobRows.version(s, container, blob, versionId);
            if (row == null) {
                BlobRow current = BlobRows.current(s, container, blob);
                row = current != null && versionId.equals(current.versionId()) ? current : null;
            }
        } else {
            row = BlobRows.current(s, container, blob);
        }
        if (row == null) {
            requireContainer(s, container);
            String what = describe(container, blob) + (snapshot != null ? " snapshot " + snapshot
                    : versionId != null ? " version " + versionId : "");
            throw StorageException.notFound(what);
        }
        return row;
    }

    // ---- deleting -----------------------------------------------------------------------------------

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        DeleteBlobOptions o = options == null ? DeleteBlobOptions.defaults() : options;
        return db.write(s -> {
            if (!BlobRows.containerExists(s, container)) {
                return false;
            }
            if (o.snapshot() != null) {
                BlobRow snap = BlobRows.snapshot(s, container, blob, o.snapshot());
                if (snap == null) {
                    return false;
                }
                BlobConditions.check(describe(container, blob) + " snapshot", snap.etag(), snap.modified(),
                        o.conditions());
                BlobRows.deleteSnapshot(s, container, blob, o.snapshot());
                ContentRefs.unref(s, content, snap.content(), 1);
                return true;
            }
            long now = Times.now();
            BlobRow current = BlobRows.current(s, container, blob);
            if (o.versionId() != null && (current == null || !o.versionId().equals(current.versionId()))) {
                BlobRow version = BlobRows.version(s, container, blob, o.versionId());
                if (version == null) {
                    return false;
                }
                BlobRows.deleteVersion(s, container, blob, o.versionId());
                ContentRefs.unref(s, content, version.content(), 1);
                return true;
            }
            if (current == null) {
                BlobConditions.checkWrite(describe(container, blob), null, o.conditions(), now);
                return false;
            }
            BlobConditions.checkWrite(describe(container, blob), current, o.conditions(), now);
            for (Map.Entry<String, BlobRow> snap : BlobRows.snapshots(s, container, blob)) {
                BlobRows.deleteSnapshot(s, container, blob, snap.getKey());
                ContentRefs.unref(s, content, snap.getValue().content(), 1);
            }
            // Deleting by the current version id removes that version too; a plain delete keeps it as old.
            if (versioning && o.versionId() == null) {
                keepAsVersion(s, container, blob);
            } else {
                ContentRefs.unref(s, content, current.content(), 1);
            }
            BlobRows.deleteCurrent(s, container, blob);
            return true;
        });
    }

    /**
     * Keeps the current blob as an old version. One written while versioning was off has no version id yet:
     * it gets one after every id the blob had.
     *
     * @return the version id it is kept under
     */
    private static String keepAsVersion(Session s, String container, String blob) throws SQLException {
        String last = BlobRows.lastVersionId(s, container, blob);
        BlobRow current = BlobRows.current(s, container, blob);
        String id = current.versionId() != null ? current.versionId() : Times.nextId(last);
        BlobRows.keepAsVersion(s, container, blob, id);
        return id.compareTo(last == null ? "" : last) > 0 ? id : last;
    }

    // ---- tiers, snapshots, versions, leases ---------------------------------------------------------

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        db.write(s -> {
            BlobRow current = find(s, container, blob, null, null);
            // Rehydration is immediate here: moving out of Archive makes the blob readable at once.
            BlobRows.putCurrent(s, container, blob, new BlobRow(current.content(), current.size(),
                    current.contentType(), current.contentEncoding(), current.cacheControl(),
                    current.contentDisposition(), current.md5(), current.etag(), current.created(),
                    current.modified(), current.metadata(), tier, current.versionId(), current.lease()));
            return null;
        });
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        if (metadata != null) {
        }
        return db.write(s -> {
            BlobRow current = find(s, container, blob, null, null);
            if (current.tier() == AccessTier.ARCHIVE) {
                throw archived(container, blob, "rehydrate it before taking a snapshot");
            }
            String id = Times.nextId(BlobRows.lastSnapshotId(s, container, blob));
            BlobRow snap = metadata == null ? current : new BlobRow(current.content(), current.size(),
                    current.contentType(), current.contentEncoding(), current.cacheControl(),
                    current.contentDisposition(), current.md5(), current.etag(), current.created(),
                    current.modified(), metadata, current.tier(), current.versionId(), null);
            BlobRows.insertSnapshot(s, container, blob, id, snap);
            ContentRefs.ref(s, current.content());
            return id;
        });
    }

    @Override
    public List<BlobProperties> listSnapshots(String container, String blob) {
        return db.read(s -> {
            requireContainer(s, container);
            long now = Times.now();
            List<BlobProperties> out = new ArrayList<>();
            for (Map.Entry<String, BlobRow> snap : BlobRows.snapshots(s, container, blob)) {
                out.add(snap.getValue().properties(container, blob, false, snap.getKey(), true, now));
            }
            return out;
        });
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        ListOptions o = options == null ? ListOptions.defaults() : options;
        db.read(s -> requireContainer(s, container));
        return PagedIterable.of((token, size) -> db.read(s -> {
            requireContainer(s, container);
            int n = size;
            List<Map.Entry<BlobRow, Boolean>> rows = BlobRows.versions(s, container, blob,
                    ContinuationTokens.decode(token), n + 1);
            long now = Times.now();
            List<BlobProperties> out = new ArrayList<>();
            for (int i = 0; i < Math.min(n, rows.size()); i++) {
                BlobRow row = rows.get(i).getKey();
                boolean current = rows.get(i).getValue();
                BlobRow shown = current ? BlobRows.current(s, container, blob) : row;
                out.add(shown.properties(container, blob, current, null, true, now));
            }
            return rows.size() > n ? new Page<>(out, ContinuationTokens.encode(out.get(n - 1).versionId()))
                    : Page.last(out);
        }), o.continuationToken(), o.pageSize());
    }

    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        return db.write(s -> {
            BlobRow version = find(s, container, blob, versionId, null);
            return replace(s, container, blob, RequestConditions.none(), (current, now) -> new BlobRow(
                    version.content(), version.size(), version.contentType(), version.contentEncoding(),
                    version.cacheControl(), version.contentDisposition(), version.md5(), Ids.etag(),
                    current == null ? version.created() : current.created(), now, version.metadata(),
                    AccessTier.HOT, null, null));
        });
    }

    @Override
    public String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        long seconds = duration == null ? -1 : duration.getSeconds();
        String id = proposedLeaseId == null ? UUID.randomUUID().toString() : checkLeaseId(proposedLeaseId);
        return db.write(s -> {
            BlobRow current = find(s, container, blob, null, null);
            long now = Times.now();
            BlobRow.Lease lease = current.lease();
            if (lease != null && lease.isActive(now) && !lease.id().equals(id)) {
                throw new StorageException(ErrorCode.CONFLICT, describe(container, blob) + " is already leased");
            }
            long expires = seconds < 0 ? -1 : now + seconds * 1_000_000_000L;
            BlobRows.putCurrent(s, container, blob, current.withLease(
                    new BlobRow.Lease(id, BlobRow.Lease.LEASED, expires, seconds)));
            return id;
        });
    }

    @Override
    public void renewLease(String container, String blob, String leaseId) {
        changeLease(container, blob, leaseId, "renew", (lease, now) -> new BlobRow.Lease(lease.id(),
                BlobRow.Lease.LEASED, lease.durationSeconds() < 0 ? -1
                : now + lease.durationSeconds() * 1_000_000_000L, lease.durationSeconds()));
    }

    @Override
    public void releaseLease(String container, String blob, String leaseId) {
        changeLease(container, blob, leaseId, "release", (lease, now) -> null);
    }

    @Override
    public void breakLease(String container, String blob) {
        changeLease(container, blob, null, "break", (lease, now) -> new BlobRow.Lease(lease.id(),
                BlobRow.Lease.BROKEN, now, lease.durationSeconds()));
    }

    @FunctionalInterface
    private interface LeaseChange {
        BlobRow.Lease apply(BlobRow.Lease lease, long now);
    }

    /** Changes the lease held on a blob; {@code leaseId} null means "whatever lease is held" (break). */
    private void changeLease(String container, String blob, String leaseId, String operation, LeaseChange change) {
        if (leaseId != null) {
            checkLeaseId(leaseId);
        }
        db.write(s -> {
            BlobRow current = find(s, container, blob, null, null);
            long now = Times.now();
            BlobRow.Lease lease = current.lease();
            String state = lease == null ? "available" : lease.effectiveState(now);
            boolean usable = leaseId == null ? state.equals(BlobRow.Lease.LEASED) || state.equals("expired")
                    || state.equals(BlobRow.Lease.BROKEN)
                    : lease != null && lease.id().equals(leaseId) && !state.equals(BlobRow.Lease.BROKEN);
            if (!usable) {
                throw new StorageException(ErrorCode.CONFLICT, "cannot " + operation + " the lease of "
                        + describe(container, blob) + ": " + (lease == null ? "it has no lease"
                        : leaseId == null ? "its lease is " + state : "the lease id does not match, or the lease is "
                        + state));
            }
            BlobRows.putCurrent(s, container, blob, current.withLease(change.apply(lease, now)));
            return null;
        });
    }

    private static String checkLeaseId(String leaseId) {
        try {
            UUID.fromString(leaseId);
            return leaseId;
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument("leaseId", "must be a GUID string, as on Azure; was '" + leaseId
                    + "'");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Void requireContainer(Session s, String container) throws SQLException {
        if (!BlobRows.containerExists(s, container)) {
            throw containerNotFound(container);
        }
        return null;
    }

    private static StorageException containerNotFound(String container) {
        return StorageException.notFound("container " + container);
    }

    private static StorageException blobNotFound(String container, String blob) {
        return StorageException.notFound(describe(container, blob));
    }

    private static StorageException archived(String container, String blob, String advice) {
        return new StorageException(ErrorCode.CONFLICT, describe(container, blob) + " is in the Archive tier and "
                + "cannot be read: " + advice);
    }

    private static String describe(String container, String blob) {
        return "blob " + container + "/" + blob;
    }
}
