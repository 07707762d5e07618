package io.unistore.local;

import io.unistore.Capabilities;
import io.unistore.Page;
import io.unistore.spi.ContinuationTokens;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through rows keyed by a name (containers, tables, queues, shares) in key order. The continuation
 * token is the last key returned; a prefix is a range scan that stops at the first key without it.
 */
final class NamePager {
    private NamePager() {
    }

    /** Reads one item from the current row; column 1 is the key. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * One page.
     *
     * @param select {@code SELECT key, ... FROM t WHERE} (the key condition is appended)
     * @param keyColumn the key column's name
     */
    static <T> Page<T> fetch(Session s, String select, String keyColumn, String prefix, String token, int pageSize,
                             RowReader<T> reader) throws SQLException {
        int size = pageSize;
        String after = ContinuationTokens.decode(token);
        boolean resume = after != null && (prefix == null || after.compareTo(prefix) >= 0);
        PreparedStatement ps = s.prepare(select + " " + keyColumn + (resume ? " > ?" : " >= ?") + " ORDER BY "
                + keyColumn + " LIMIT ?");
        ps.setString(1, resume ? after : prefix == null ? "" : prefix);
        ps.setInt(2, size + 1);
        List<T> items = new ArrayList<>();
        String lastKey = null;
        boolean more = false;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(1);
                if (prefix != null && !key.startsWith(prefix)) {
                    break;
                }
                if (items.size() == size) {
                    more = true;
                    break;
                }
                items.add(reader.read(rs));
                lastKey = key;
            }
        }
        return new Page<>(items, more ? ContinuationTokens.encode(lastKey) : null);
    }
}
