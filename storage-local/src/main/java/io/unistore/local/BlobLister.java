package io.unistore.local;

import io.unistore.Capabilities;
import io.unistore.Page;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.spi.ContinuationTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of a blob listing in name order, flat or grouped by a delimiter. A virtual directory is listed once,
 * where its first blob would be, and the scan then jumps past every name under it. The token is the last
 * name listed, marked as a blob ({@code b}) or a prefix ({@code p}).
 */
final class BlobLister {
    private static final int CHUNK = 256;

    private final Session s;
    private final String container;
    private final ListBlobsOptions options;
    private final String prefix;
    private final long now;

    BlobLister(Session s, String container, ListBlobsOptions options) {
        this.s = s;
        this.container = container;
        this.options = options;
        this.prefix = options.prefix() == null ? "" : options.prefix();
        this.now = Times.now();
    }

    Page<BlobItem> fetch(String token, int pageSize) throws SQLException {
        int size = pageSize;
        String state = ContinuationTokens.decode(token);
        // Where the scan starts: at the prefix, or past the last name (and everything under the last prefix).
        String from = prefix;
        boolean inclusive = true;
        String skipUnder = null;
        if (state != null) {
            if (state.length() < 1 || (state.charAt(0) != 'b' && state.charAt(0) != 'p')) {
                throw StorageException.invalidArgument("continuationToken", "is not a token of a blob listing");
            }
            String last = state.substring(1);
            if (last.compareTo(prefix) >= 0) {
                from = last;
                inclusive = false;
                skipUnder = state.charAt(0) == 'p' ? last : null;
            }
        }
        List<BlobItem> items = new ArrayList<>();
        String lastPrefix = skipUnder;
        boolean more = false;
        scan:
        while (true) {
            String jump = lastPrefix == null ? null : successor(lastPrefix);
            if (jump != null && jump.compareTo(from) > 0) {
                from = jump;
                inclusive = true;
            }
            PreparedStatement ps = s.prepare("SELECT name, " + Schema.BLOB_COLUMNS
                    + ", lease_id, lease_state, lease_expires, lease_duration, " + BlobAccess.LAST_READ_COLUMN + " FROM blobs WHERE container = ? AND name "
                    + (inclusive ? ">=" : ">") + " ? ORDER BY name LIMIT ?");
            ps.setString(1, container);
            ps.setString(2, from);
            ps.setInt(3, CHUNK);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String name = rs.getString(1);
                    from = name;
                    inclusive = false;
                    if (!name.startsWith(prefix)) {
                        break scan;
                    }
                    if (lastPrefix != null && name.startsWith(lastPrefix)) {
                        continue;
                    }
                    String group = group(name);
                    if (items.size() == size) {
                        more = true;
                        break scan;
                    }
                    if (group != null) {
                        items.add(BlobItem.prefix(group));
                        lastPrefix = group;
                        continue scan;
                    }
                    BlobRow row = BlobRow.read(rs, 2, true);
                    items.add(BlobItem.blob(BlobAccess.withLastAccess(row.properties(container, name, true, null,
                            options.includeMetadata(), now), BlobAccess.lastRead(rs))));
                }
            }
            if (rows < CHUNK) {
                break;
            }
        }
        if (!more) {
            return Page.last(items);
        }
        BlobItem last = items.get(items.size() - 1);
        return new Page<>(items, ContinuationTokens.encode((last.prefix() ? "p" : "b") + last.name()));
    }

    /** The virtual directory the name falls in, or null when it is listed itself. */
    private String group(String name) {
        String d = options.delimiter();
        if (d == null) {
            return null;
        }
        int at = name.indexOf(d, prefix.length());
        return at < 0 ? null : name.substring(0, at + d.length());
    }

    /**
     * The first string after every string starting with {@code p} (p with its last character incremented), or
     * null when that is not a plain character; the scan then skips the names one by one.
     */
    private static String successor(String p) {
        char c = p.charAt(p.length() - 1);
        char next = (char) (c + 1);
        if (c == Character.MAX_VALUE || Character.isSurrogate(c) || Character.isSurrogate(next)) {
            return null;
        }
        return p.substring(0, p.length() - 1) + next;
    }
}
