package io.unistore.local;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of blob rows: current blobs, old versions, snapshots. Runs inside the caller's session. */
final class BlobRows {
    private static final String COLUMNS = Schema.BLOB_COLUMNS;
    private static final String LEASE_COLUMNS = "lease_id, lease_state, lease_expires, lease_duration";

    private BlobRows() {
    }

    static boolean containerExists(Session s, String container) throws SQLException {
        return Sql.exists(s, "SELECT 1 FROM containers WHERE name = ?", container);
    }

    /** The current blob with its lease, or null. */
    static BlobRow current(Session s, String container, String name) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT " + COLUMNS + ", " + LEASE_COLUMNS
                + " FROM blobs WHERE container = ? AND name = ?");
        ps.setString(1, container);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? BlobRow.read(rs, 1, true) : null;
        }
    }

    /** An old version (not the current one), or null. */
    static BlobRow version(Session s, String container, String name, String versionId) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT " + COLUMNS
                + " FROM blob_versions WHERE container = ? AND name = ? AND version_id = ?");
        ps.setString(1, container);
        ps.setString(2, name);
        ps.setString(3, versionId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? BlobRow.read(rs, 1, false) : null;
        }
    }

    static BlobRow snapshot(Session s, String container, String name, String snapshot) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT " + COLUMNS
                + " FROM blob_snapshots WHERE container = ? AND name = ? AND snapshot = ?");
        ps.setString(1, container);
        ps.setString(2, name);
        ps.setString(3, snapshot);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? BlobRow.read(rs, 1, false) : null;
        }
    }

    /** Writes the current blob, replacing any. */
    static void putCurrent(Session s, String container, String name, BlobRow row) throws SQLException {
        PreparedStatement ps = s.prepare("INSERT OR REPLACE INTO blobs(container, name, " + COLUMNS + ", "
                + LEASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, container);
        ps.setString(2, name);
        int i = row.bind(ps, 3);
        BlobRow.Lease lease = row.lease();
        ps.setString(i, lease == null ? null : lease.id());
        ps.setString(i + 1, lease == null ? null : lease.state());
        ps.setObject(i + 2, lease == null ? null : lease.expires());
        ps.setObject(i + 3, lease == null ? null : lease.durationSeconds());
        ps.executeUpdate();
    }

    static void deleteCurrent(Session s, String container, String name) throws SQLException {
        Sql.update(s, "DELETE FROM blobs WHERE container = ? AND name = ?", container, name);
        BlobAccess.forget(s, container, name);
    }

    /**
     * Keeps the current blob as an old version (its content reference moves with it). A blob written while
     * versioning was off has no version id yet: it gets {@code fallbackVersionId}.
     */
    static void keepAsVersion(Session s, String container, String name, String fallbackVersionId)
            throws SQLException {
        PreparedStatement ps = s.prepare("INSERT INTO blob_versions(container, name, " + COLUMNS + ") SELECT "
                + "container, name, " + COLUMNS.replace("version_id", "COALESCE(version_id, ?)")
                + " FROM blobs WHERE container = ? AND name = ?");
        ps.setString(1, fallbackVersionId);
        ps.setString(2, container);
        ps.setString(3, name);
        ps.executeUpdate();
    }

    static void deleteVersion(Session s, String container, String name, String versionId) throws SQLException {
        Sql.update(s, "DELETE FROM blob_versions WHERE container = ? AND name = ? AND version_id = ?", container, name,
                versionId);
    }

    /** The latest version id the blob ever had (current or old), or null. */
    static String lastVersionId(Session s, String container, String name) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT max(v) FROM (SELECT max(version_id) AS v FROM blob_versions "
                + "WHERE container = ? AND name = ? UNION ALL SELECT version_id FROM blobs WHERE container = ? "
                + "AND name = ?)");
        ps.setString(1, container);
        ps.setString(2, name);
        ps.setString(3, container);
        ps.setString(4, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String lastSnapshotId(Session s, String container, String name) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT max(snapshot) FROM blob_snapshots WHERE container = ? AND name = ?");
        ps.setString(1, container);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void insertSnapshot(Session s, String container, String name, String snapshot, BlobRow row)
            throws SQLException {
        PreparedStatement ps = s.prepare("INSERT INTO blob_snapshots(container, name, snapshot, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, container);
        ps.setString(2, name);
        ps.setString(3, snapshot);
        row.bind(ps, 4);
        ps.executeUpdate();
    }

    static void deleteSnapshot(Session s, String container, String name, String snapshot) throws SQLException {
        Sql.update(s, "DELETE FROM blob_snapshots WHERE container = ? AND name = ? AND snapshot = ?", container, name,
                snapshot);
    }

    /** The blob's snapshots, oldest first, keyed by snapshot id. */
    static List<Map.Entry<String, BlobRow>> snapshots(Session s, String container, String name) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT snapshot, " + COLUMNS
                + " FROM blob_snapshots WHERE container = ? AND name = ? ORDER BY snapshot");
        ps.setString(1, container);
        ps.setString(2, name);
        List<Map.Entry<String, BlobRow>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Map.entry(rs.getString(1), BlobRow.read(rs, 2, false)));
            }
        }
        return out;
    }

    /** Versions (old and current) after {@code afterVersionId}, in version order: (row, is current). */
    static List<Map.Entry<BlobRow, Boolean>> versions(Session s, String container, String name, String afterVersionId,
                                                      int limit) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT * FROM (SELECT " + COLUMNS + ", 0 AS cur FROM blob_versions "
                + "WHERE container = ? AND name = ? UNION ALL SELECT " + COLUMNS + ", 1 FROM blobs WHERE container = ? "
                + "AND name = ? AND version_id IS NOT NULL) WHERE version_id > ? ORDER BY version_id LIMIT ?");
        ps.setString(1, container);
        ps.setString(2, name);
        ps.setString(3, container);
        ps.setString(4, name);
        ps.setString(5, afterVersionId == null ? "" : afterVersionId);
        ps.setInt(6, limit);
        List<Map.Entry<BlobRow, Boolean>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Map.entry(BlobRow.read(rs, 1, false), rs.getInt(14) == 1));
            }
        }
        return out;
    }

    /** Every content reference held by the container's rows, with how many rows hold it. */
    static Map<String, Integer> contentOfContainer(Session s, String container) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT content, count(*) FROM (SELECT content FROM blobs WHERE container = ?"
                + " UNION ALL SELECT content FROM blob_versions WHERE container = ? UNION ALL SELECT content FROM "
                + "blob_snapshots WHERE container = ?) GROUP BY content");
        ps.setString(1, container);
        ps.setString(2, container);
        ps.setString(3, container);
        Map<String, Integer> out = new java.util.HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
