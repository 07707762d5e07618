package io.unistore.local;

import io.unistore.Capabilities;
import io.unistore.Page;
import io.unistore.StorageException;
import io.unistore.spi.ContinuationTokens;
import io.unistore.table.TableEntity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pages of a table query in (PartitionKey, RowKey) order. SQLite answers the key and timestamp conditions;
 * the rest of the filter is tested in memory while scanning on in chunks until the page is full. The token is
 * the last key returned; a page says there is more only when another match really follows.
 */
final class EntityPager {
    private static final int MIN_CHUNK = 256;

    private EntityPager() {
    }

    static Page<TableEntity> fetch(Session s, long tid, EntityQueryPlan plan, Set<String> select, String token,
                                   int pageSize) throws SQLException {
        int size = pageSize;
        String[] after = decode(token);
        List<TableEntity> matches = new ArrayList<>(Math.min(size + 1, 1024));
        int chunk = plan.residual() == null ? size + 1 : Math.max(MIN_CHUNK, size + 1);
        while (true) {
            PreparedStatement ps = s.prepare("SELECT pk, rk, etag, ts, props FROM entities WHERE tid = ?"
                    + (after == null ? "" : " AND (pk, rk) > (?, ?)") + plan.sql() + " ORDER BY pk, rk LIMIT ?");
            int i = 1;
            ps.setLong(i++, tid);
            if (after != null) {
                ps.setString(i++, after[0]);
                ps.setString(i++, after[1]);
            }
            for (Object p : plan.parameters()) {
                ps.setObject(i++, p);
            }
            ps.setInt(i, chunk);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String pk = rs.getString(1);
                    String rk = rs.getString(2);
                    after = new String[] {pk, rk};
                    TableEntity.Builder b = TableEntity.builder(pk, rk).etag(rs.getString(3))
                            .timestamp(Times.instant(rs.getLong(4)));
                    // The residual filter may name any property, so it sees them all; select trims afterwards.
                    EntityCodec.decode(rs.getBytes(5), plan.residual() == null ? select : null, b);
                    TableEntity e = b.build();
                    if (plan.residual() == null || plan.residual().test(e)) {
                        matches.add(plan.residual() == null || select == null ? e : e.select(select));
                        if (matches.size() > size) {
                            break;
                        }
                    }
                }
            }
            if (matches.size() > size || rows < chunk) {
                break;
            }
        }
        if (matches.size() <= size) {
            return Page.last(matches);
        }
        TableEntity last = matches.get(size - 1);
        return new Page<>(matches.subList(0, size), encode(last.partitionKey(), last.rowKey()));
    }

    // Keys cannot hold control characters (the naming rules), so a newline separates them unambiguously.
    private static String encode(String pk, String rk) {
        return ContinuationTokens.encode(pk + "\n" + rk);
    }

    private static String[] decode(String token) {
        String state = ContinuationTokens.decode(token);
        if (state == null) {
            return null;
        }
        int nl = state.indexOf('\n');
        if (nl < 0) {
            throw StorageException.invalidArgument("continuationToken", "is not a token of a table query (pass "
                    + "back the token a page returned, unchanged)");
        }
        return new String[] {state.substring(0, nl), state.substring(nl + 1)};
    }
}
