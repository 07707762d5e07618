package io.unistore.local;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts the rows (blobs, versions, snapshots, copies, files) that point at each content file, inside the
 * write transaction that changes them; the file is deleted after the transaction that drops the last one
 * commits. Sharing content this way is what makes copies, snapshots and versions free.
 */
final class ContentRefs {
    private ContentRefs() {
    }

    /** Records freshly staged content, not yet referenced. */
    static void add(Session s, StagedContent content) throws SQLException {
        Sql.update(s, "INSERT INTO content(id, size, refs) VALUES (?, ?, 0)", content.id(), content.size());
    }

    /** One more row points at the content. */
    static void ref(Session s, String id) throws SQLException {
        Sql.update(s, "UPDATE content SET refs = refs + 1 WHERE id = ?", id);
    }

    /** {@code count} fewer rows point at the content; the last one out deletes the file after commit. */
    static void unref(Session s, ContentStore store, String id, int count) throws SQLException {
        Sql.update(s, "UPDATE content SET refs = refs - ? WHERE id = ?", count, id);
        PreparedStatement ps = s.prepare("SELECT refs FROM content WHERE id = ?");
        ps.setString(1, id);
        int left;
        try (ResultSet rs = ps.executeQuery()) {
            left = rs.next() ? rs.getInt(1) : 0;
        }
        if (left <= 0) {
            Sql.update(s, "DELETE FROM content WHERE id = ?", id);
            s.afterCommit(() -> store.delete(id));
        }
    }

    /** Whether any row points at the content (for the sweep of leftovers). */
    static boolean known(Session s, String id) throws SQLException {
        return Sql.exists(s, "SELECT 1 FROM content WHERE id = ?", id);
    }
}
