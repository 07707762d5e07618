package io.unistore.local;

import io.unistore.blob.BlobProperties;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The last read of each current blob, kept like Azure's last access time tracking: a content read is recorded at
 * most once a day per blob, so a busy blob costs one small write a day, not one per read. The time shown is the
 * later of that read and the last write, so a blob never read reports its modification time and a row left by a
 * deleted blob of the same name (always older than the new blob) is never seen. Reads of snapshots and old versions
 * and property reads are not recorded, as on Azure.
 */
final class BlobAccess {
    /** Table of last reads; created when missing, so older data directories gain it without a migration. */
    static final String DDL = "CREATE TABLE IF NOT EXISTS blob_access(container TEXT NOT NULL, name TEXT NOT NULL, "
            + "accessed INTEGER NOT NULL, PRIMARY KEY(container, name)) WITHOUT ROWID";

    /** The column a blob query adds to return the last read: {@code SELECT ..., } this {@code FROM blobs}. */
    static final String LAST_READ_COLUMN = "(SELECT a.accessed FROM blob_access a WHERE a.container = blobs.container "
            + "AND a.name = blobs.name) AS last_read";

    private static final long DAY_NANOS = 86_400L * 1_000_000_000L;

    private final Database db;

    BlobAccess(Database db) {
        this.db = db;
    }

    /** Records a content read of the current blob unless one was recorded within the last day. */
    void recordRead(String container, String name) {
        long now = Times.now();
        Long last = db.read(s -> lastRead(s, container, name));
        if (last != null && now - last < DAY_NANOS) {
            return;
        }
        db.writeOne(s -> Sql.update(s, "INSERT INTO blob_access(container, name, accessed) VALUES (?, ?, ?) "
                + "ON CONFLICT(container, name) DO UPDATE SET accessed = excluded.accessed", container, name, now));
    }

    /** The recorded last read, or null. */
    static Long lastRead(Session s, String container, String name) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT accessed FROM blob_access WHERE container = ? AND name = ?");
        ps.setString(1, container);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** The last read a blob query returned in {@link #LAST_READ_COLUMN}, or null. */
    static Long lastRead(ResultSet rs) throws SQLException {
        long v = rs.getLong("last_read");
        return rs.wasNull() ? null : v;
    }

    /** The properties with the last access: the later of the last write and the recorded last read. */
    static BlobProperties withLastAccess(BlobProperties p, Long lastRead) {
        Instant written = p.lastModified();
        Instant accessed = lastRead == null || (written != null && Times.instant(lastRead).isBefore(written))
                ? written : Times.instant(lastRead);
        return p.toBuilder().lastAccessedOn(accessed).build();
    }

    /** Forgets the reads of a container's blobs when it is deleted. */
    static void forgetContainer(Session s, String container) throws SQLException {
        Sql.update(s, "DELETE FROM blob_access WHERE container = ?", container);
    }

    /** Forgets the read of a deleted blob. */
    static void forget(Session s, String container, String name) throws SQLException {
        Sql.update(s, "DELETE FROM blob_access WHERE container = ? AND name = ?", container, name);
    }
}
