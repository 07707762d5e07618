package io.unistore.local;

import io.unistore.file.FileProperties;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** A file or directory row of a share. */
record FileEntry(String path, boolean directory, String content, long size, String contentType, String md5,
                 String etag, long created, long modified, Map<String, String> metadata) {

    static final String COLUMNS = "path, is_dir, content, size, content_type, md5, etag, created, modified, metadata";

    static FileEntry read(ResultSet rs) throws SQLException {
        return new FileEntry(rs.getString(1), rs.getInt(2) != 0, rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), MetadataCodec.decode(rs.getString(10)));
    }

    static FileEntry find(Session s, String share, String path) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT " + COLUMNS + " FROM entries WHERE share = ? AND path = ?");
        ps.setString(1, share);
        ps.setString(2, path);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? read(rs) : null;
        }
    }

    void put(Session s, String share) throws SQLException {
        PreparedStatement ps = s.prepare("INSERT OR REPLACE INTO entries(share, parent, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, share);
        ps.setString(2, parentOf(path));
        ps.setString(3, path);
        ps.setInt(4, directory ? 1 : 0);
        ps.setString(5, content);
        ps.setLong(6, size);
        ps.setString(7, contentType);
        ps.setString(8, md5);
        ps.setString(9, etag);
        ps.setLong(10, created);
        ps.setLong(11, modified);
        ps.setString(12, MetadataCodec.encode(metadata));
        ps.executeUpdate();
    }

    FileProperties properties(String share) {
        return new FileProperties(share, path, directory, size, contentType, md5, etag, Times.instant(modified),
                metadata);
    }

    /** The parent directory's path; "" for the share root. */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
