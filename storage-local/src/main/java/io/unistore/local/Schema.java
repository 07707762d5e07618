package io.unistore.local;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite schema of a data directory. Times are nanoseconds since the epoch; metadata is
 * {@link MetadataCodec} text; entity properties are {@link EntityCodec} bytes.
 */
final class Schema {
    /** Stored in {@code PRAGMA user_version}; a newer directory is refused rather than misread. */
    static final int VERSION = 1;

    /** The property columns shared by current blobs, their old versions and their snapshots. */
    static final String BLOB_COLUMNS = "content, size, content_type, content_encoding, cache_control, "
            + "content_disposition, md5, etag, created, modified, metadata, tier, version_id";
    private static final String BLOB_COLUMN_DEFS = "content TEXT NOT NULL, size INTEGER NOT NULL, content_type TEXT, "
            + "content_encoding TEXT, cache_control TEXT, content_disposition TEXT, md5 TEXT, etag TEXT NOT NULL, "
            + "created INTEGER NOT NULL, modified INTEGER NOT NULL, metadata TEXT NOT NULL, tier TEXT NOT NULL, "
            + "version_id TEXT";

    private static final String[] DDL = {
        // Content files (blobs and files) and how many rows point at each; a file goes when refs reach 0.
        "CREATE TABLE IF NOT EXISTS content(id TEXT PRIMARY KEY, size INTEGER NOT NULL, refs INTEGER NOT NULL)"
                + " WITHOUT ROWID",

        "CREATE TABLE IF NOT EXISTS containers(name TEXT PRIMARY KEY, metadata TEXT NOT NULL, etag TEXT NOT NULL,"
                + " modified INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS blobs(container TEXT NOT NULL, name TEXT NOT NULL, " + BLOB_COLUMN_DEFS
                + ", lease_id TEXT, lease_state TEXT, lease_expires INTEGER, lease_duration INTEGER,"
                + " PRIMARY KEY(container, name))",
        "CREATE TABLE IF NOT EXISTS blob_versions(container TEXT NOT NULL, name TEXT NOT NULL, "
                + BLOB_COLUMN_DEFS + ", PRIMARY KEY(container, name, version_id))",
        "CREATE TABLE IF NOT EXISTS blob_snapshots(container TEXT NOT NULL, name TEXT NOT NULL, snapshot TEXT NOT NULL, "
                + BLOB_COLUMN_DEFS + ", PRIMARY KEY(container, name, snapshot))",

        // Table names are case-insensitive (as on Azure): key is the lower-case name, name the one given.
        "CREATE TABLE IF NOT EXISTS tables(id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
                + " name TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS entities(tid INTEGER NOT NULL, pk TEXT NOT NULL, rk TEXT NOT NULL,"
                + " etag TEXT NOT NULL, ts INTEGER NOT NULL, props BLOB NOT NULL, PRIMARY KEY(tid, pk, rk))"
                + " WITHOUT ROWID",

        "CREATE TABLE IF NOT EXISTS queues(name TEXT PRIMARY KEY, metadata TEXT NOT NULL, created INTEGER NOT NULL)"
                + " WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS messages(seq INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL,"
                + " id TEXT NOT NULL, body BLOB NOT NULL, inserted INTEGER NOT NULL, expires INTEGER NOT NULL,"
                + " visible INTEGER NOT NULL, dequeues INTEGER NOT NULL, receipt TEXT NOT NULL)",
        "CREATE UNIQUE INDEX IF NOT EXISTS messages_by_id ON messages(queue, id)",
        "CREATE INDEX IF NOT EXISTS messages_by_visibility ON messages(queue, visible)",
        "CREATE INDEX IF NOT EXISTS messages_by_expiry ON messages(queue, expires)",
        // Dead letters are message rows whose queue is '<queue>/$deadletterqueue'; why they came is kept beside
        // them, so directories written before dead letters existed need no change of the messages table.
        "CREATE TABLE IF NOT EXISTS dead_letter_policies(queue TEXT PRIMARY KEY, max_deliveries INTEGER NOT NULL)"
                + " WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS dead_letters(seq INTEGER PRIMARY KEY, reason TEXT, description TEXT)",

        "CREATE TABLE IF NOT EXISTS shares(name TEXT PRIMARY KEY, quota INTEGER NOT NULL, metadata TEXT NOT NULL,"
                + " etag TEXT NOT NULL, modified INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS entries(share TEXT NOT NULL, path TEXT NOT NULL, parent TEXT NOT NULL,"
                + " is_dir INTEGER NOT NULL, content TEXT, size INTEGER NOT NULL, content_type TEXT, md5 TEXT,"
                + " etag TEXT NOT NULL, created INTEGER NOT NULL, modified INTEGER NOT NULL, metadata TEXT NOT NULL,"
                + " PRIMARY KEY(share, path))",
        "CREATE INDEX IF NOT EXISTS entries_by_parent ON entries(share, parent, path)",
        BlobAccess.DDL,
    };

    private Schema() {
    }

    /** Creates what is missing; refuses a directory written by a newer Unistore. */
    static Void create(Session s) throws SQLException {
        try (Statement st = s.connection().createStatement()) {
            int version;
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > VERSION) {
                throw new io.unistore.StorageException(io.unistore.ErrorCode.UNSUPPORTED, "this data directory was "
                        + "written by a newer Unistore (schema " + version + ", this one knows " + VERSION + ")");
            }
            for (String ddl : DDL) {
                st.executeUpdate(ddl);
            }
            if (version < VERSION) {
                st.executeUpdate("PRAGMA user_version = " + VERSION);
            }
        }
        return null;
    }
}
