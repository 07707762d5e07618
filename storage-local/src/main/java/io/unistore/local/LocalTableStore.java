package io.unistore.local;

import io.unistore.Capabilities;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.TransactionFailedException;
import io.unistore.table.UpdateMode;
import io.unistore.spi.TableBackend;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tables on SQLite: one row per entity keyed by (table id, PartitionKey, RowKey), its properties encoded by
 * {@link EntityCodec}. Single upserts and inserts are one statement; everything that reads before writing
 * (merges, ETag conditions, transactions) runs in one {@code BEGIN IMMEDIATE} transaction, so conditions hold
 * against writers in other threads and processes.
 */
final class LocalTableStore implements TableBackend {
    private static final String TABLE_ID = "SELECT id FROM tables WHERE key = ?";
    private static final String INSERT_FROM_TABLE = "INSERT INTO entities(tid, pk, rk, etag, ts, props) "
            + "SELECT id, ?, ?, ?, ?, ? FROM tables WHERE key = ?";
    private static final String UPSERT_TAIL = " ON CONFLICT(tid, pk, rk) DO UPDATE SET etag = excluded.etag, "
            + "ts = excluded.ts, props = excluded.props";
    private static final String INSERT = "INSERT INTO entities(tid, pk, rk, etag, ts, props) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE entities SET etag = ?, ts = ?, props = ? WHERE tid = ? AND pk = ? "
            + "AND rk = ?";
    private static final String SELECT_ONE = "SELECT etag, props FROM entities WHERE tid = ? AND pk = ? AND rk = ?";
    private static final String DELETE = "DELETE FROM entities WHERE tid = ? AND pk = ? AND rk = ?";

    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final int MAX_KEYS = 10_000;

    private final Database db;

    LocalTableStore(Database db) {
        this.db = db;
    }

    /** Table names are case-insensitive, as on Azure: the key is the lower-case name (checked once). */
    private static String key(String table) {
        String key = KEYS.get(table);
        if (key == null) {
            key = table.toLowerCase(Locale.ROOT);
            if (KEYS.size() < MAX_KEYS) {
                KEYS.put(table, key);
            }
        }
        return key;
    }

    @Override
    public void createTable(String table) {
        String key = key(table);
        db.writeOne(s -> {
            Sql.insertNew(s, "table " + table, "INSERT INTO tables(key, name) VALUES (?, ?)", key, table);
            return null;
        });
    }

    @Override
    public boolean deleteTable(String table) {
        String key = key(table);
        return db.write(s -> {
            Long tid = tableId(s, key);
            if (tid == null) {
                return false;
            }
            Sql.update(s, "DELETE FROM entities WHERE tid = ?", tid);
            Sql.update(s, "DELETE FROM tables WHERE id = ?", tid);
            return true;
        });
    }

    @Override
    public boolean tableExists(String table) {
        String key = key(table);
        return db.read(s -> tableId(s, key) != null);
    }

    @Override
    public PagedIterable<TableInfo> listTables(ListOptions options) {
        String prefix = options.prefix() == null ? null : options.prefix().toLowerCase(Locale.ROOT);
        return PagedIterable.of((token, size) -> db.read(s -> NamePager.fetch(s,
                "SELECT key, name FROM tables WHERE", "key", prefix, token, size,
                rs -> new TableInfo(rs.getString(2)))), options.continuationToken(), options.pageSize());
    }

    private static Long tableId(Session s, String key) throws SQLException {
        PreparedStatement ps = s.prepare(TABLE_ID);
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static long requireTable(Session s, String key, String table) throws SQLException {
        Long tid = tableId(s, key);
        if (tid == null) {
            throw StorageException.notFound("table " + table);
        }
        return tid;
    }

    // ---- entities -----------------------------------------------------------------------------------

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        String key = key(table);
        Set<String> selected = select == null ? null : Set.copyOf(select);
        return db.read(s -> {
            long tid = requireTable(s, key, table);
            PreparedStatement ps = s.prepare("SELECT etag, ts, props FROM entities WHERE tid = ? AND pk = ? AND rk = ?");
            ps.setLong(1, tid);
            ps.setString(2, partitionKey);
            ps.setString(3, rowKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw entityNotFound(table, partitionKey, rowKey);
                }
                TableEntity.Builder b = TableEntity.builder(partitionKey, rowKey).etag(rs.getString(1))
                        .timestamp(Times.instant(rs.getLong(2)));
                EntityCodec.decode(rs.getBytes(3), selected, b);
                return b.build();
            }
        });
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        String key = key(table);
        byte[] props = EntityCodec.encode(entity);
        String etag = Ids.entityEtag();
        db.writeOne(s -> {
            PreparedStatement ps = s.prepare(INSERT_FROM_TABLE);
            bindFromTable(ps, entity, etag, props, key);
            int rows;
            try {
                rows = ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw alreadyExists(table, entity);
                }
                throw e;
            }
            if (rows == 0) {
                throw StorageException.notFound("table " + table);
            }
            return null;
        });
        return etag;
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        if (mode == UpdateMode.MERGE) {
            return single(table, TableAction.upsert(entity, UpdateMode.MERGE));
        }
        String key = key(table);
        byte[] props = EntityCodec.encode(entity);
        String etag = Ids.entityEtag();
        db.writeOne(s -> {
            PreparedStatement ps = s.prepare(INSERT_FROM_TABLE + UPSERT_TAIL);
            bindFromTable(ps, entity, etag, props, key);
            if (ps.executeUpdate() == 0) {
                throw StorageException.notFound("table " + table);
            }
            return null;
        });
        return etag;
    }

    private static void bindFromTable(PreparedStatement ps, TableEntity entity, String etag, byte[] props, String key)
            throws SQLException {
        ps.setString(1, entity.partitionKey());
        ps.setString(2, entity.rowKey());
        ps.setString(3, etag);
        ps.setLong(4, Times.now());
        ps.setBytes(5, props);
        ps.setString(6, key);
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        return single(table, TableAction.update(entity, mode, ifMatch));
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        String key = key(table);
        return db.write(s -> delete(s, requireTable(s, key, table), table, partitionKey, rowKey, ifMatch));
    }

    /** One read-then-write action in its own transaction. */
    private String single(String table, TableAction action) {
        String key = key(table);
        byte[] props = EntityCodec.encode(action.entity());
        return db.write(s -> apply(s, requireTable(s, key, table), table, action, props));
    }

    /**
     * Applies one action inside the caller's write transaction.
     *
     * @param props the action's encoded properties
     * @return the entity's new ETag, or null for a delete
     */
    private static String apply(Session s, long tid, String table, TableAction action, byte[] props)
            throws SQLException {
        TableEntity entity = action.entity();
        String pk = entity.partitionKey();
        String rk = entity.rowKey();
        if (action.type() == TableAction.Type.DELETE) {
            delete(s, tid, table, pk, rk, action.ifMatch());
            return null;
        }
        String etag = Ids.entityEtag();
        switch (action.type()) {
            case INSERT -> {
                try {
                    insert(s, tid, pk, rk, etag, props);
                } catch (SQLException e) {
                    if (Database.isUniqueViolation(e)) {
                        throw alreadyExists(table, entity);
                    }
                    throw e;
                }
            }
            case UPSERT_REPLACE -> {
                PreparedStatement ps = s.prepare(INSERT + UPSERT_TAIL);
                bind(ps, tid, pk, rk, etag, props);
                ps.executeUpdate();
            }
            default -> {
                Stored current = select(s, tid, pk, rk);
                boolean upsert = action.type() == TableAction.Type.UPSERT_MERGE;
                if (current == null) {
                    if (!upsert) {
                        throw entityNotFound(table, pk, rk);
                    }
                    insert(s, tid, pk, rk, etag, props);
                    return etag;
                }
                if (!upsert) {
                    checkEtag(table, entity, action.ifMatch(), current.etag);
                }
                byte[] written = action.type() == TableAction.Type.UPDATE_REPLACE ? props
                        : EntityCodec.encode(EntityCodec.merge(current.props, entity));
                PreparedStatement ps = s.prepare(UPDATE);
                ps.setString(1, etag);
                ps.setLong(2, Times.now());
                ps.setBytes(3, written);
                ps.setLong(4, tid);
                ps.setString(5, pk);
                ps.setString(6, rk);
                ps.executeUpdate();
            }
        }
        return etag;
    }

    private static void insert(Session s, long tid, String pk, String rk, String etag, byte[] props)
            throws SQLException {
        PreparedStatement ps = s.prepare(INSERT);
        bind(ps, tid, pk, rk, etag, props);
        ps.executeUpdate();
    }

    private static void bind(PreparedStatement ps, long tid, String pk, String rk, String etag, byte[] props)
            throws SQLException {
        ps.setLong(1, tid);
        ps.setString(2, pk);
        ps.setString(3, rk);
        ps.setString(4, etag);
        ps.setLong(5, Times.now());
        ps.setBytes(6, props);
    }

    private static boolean delete(Session s, long tid, String table, String pk, String rk, String ifMatch)
            throws SQLException {
        Stored current = select(s, tid, pk, rk);
        boolean etagRequired = ifMatch != null && !ifMatch.equals("*");
        if (current == null) {
            if (etagRequired) {
                throw entityNotFound(table, pk, rk);
            }
            return false;
        }
        if (etagRequired && !ifMatch.equals(current.etag)) {
            throw etagMismatch(table, pk, rk);
        }
        PreparedStatement ps = s.prepare(DELETE);
        ps.setLong(1, tid);
        ps.setString(2, pk);
        ps.setString(3, rk);
        ps.executeUpdate();
        return true;
    }

    /** The stored ETag and properties of an entity. */
    private record Stored(String etag, byte[] props) {
    }

    private static Stored select(Session s, long tid, String pk, String rk) throws SQLException {
        PreparedStatement ps = s.prepare(SELECT_ONE);
        ps.setLong(1, tid);
        ps.setString(2, pk);
        ps.setString(3, rk);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Stored(rs.getString(1), rs.getBytes(2)) : null;
        }
    }

    private static void checkEtag(String table, TableEntity entity, String ifMatch, String etag) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etag)) {
            throw etagMismatch(table, entity.partitionKey(), entity.rowKey());
        }
    }

    private static StorageException etagMismatch(String table, String pk, String rk) {
        return new StorageException(ErrorCode.PRECONDITION_FAILED, "entity (" + pk + ", " + rk + ") of table "
                + table + " has changed: its ETag no longer matches");
    }

    private static StorageException entityNotFound(String table, String pk, String rk) {
        return StorageException.notFound("entity (" + pk + ", " + rk + ") of table " + table);
    }

    private static StorageException alreadyExists(String table, TableEntity entity) {
        return StorageException.alreadyExists("entity (" + entity.partitionKey() + ", " + entity.rowKey()
                + ") of table " + table);
    }

    // ---- queries --------------------------------------------------------------------------------------

    @Override
    public PagedIterable<TableEntity> query(String table, TableQuery query) {
        String key = key(table);
        EntityQueryPlan plan = EntityQueryPlan.of(query.filter());
        Set<String> select = query.select() == null ? null : Set.copyOf(query.select());
        // The table is looked up now, so a wrong name fails the call rather than the first iteration. Pages use
        // that id; one that comes back empty checks the table is still there (deleted since: NOT_FOUND).
        long tid = db.read(s -> requireTable(s, key, table));
        return PagedIterable.of((token, size) -> db.read(s -> {
            Page<TableEntity> page = EntityPager.fetch(s, tid, plan, select, token, size);
            if (page.items().isEmpty() && requireTable(s, key, table) != tid) {
                return Page.last(List.of());
            }
            return page;
        }), query.continuationToken(), query.pageSize());
    }

    // ---- transactions ---------------------------------------------------------------------------------

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        String key = key(table);
        List<byte[]> encoded = checkTransaction(actions);
        return db.write(s -> {
            long tid = requireTable(s, key, table);
            List<TableActionResult> results = new ArrayList<>(actions.size());
            for (int i = 0; i < actions.size(); i++) {
                TableAction action = actions.get(i);
                try {
                    results.add(new TableActionResult(action, apply(s, tid, table, action, encoded.get(i))));
                } catch (StorageException e) {
                    throw new TransactionFailedException(e.code(), "transaction on table " + table
                            + " failed at action " + i + " (" + action.type() + "); nothing was written: "
                            + e.getMessage(), i);
                }
            }
            return results;
        });
    }

        /** Encodes each action's entity (none for deletes); the API has checked the transaction's shape. */
    private List<byte[]> checkTransaction(List<TableAction> actions) {
        List<byte[]> encoded = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            TableAction a = actions.get(i);
            try {
                if (a.type() == TableAction.Type.DELETE) {
                    encoded.add(null);
                } else {
                    encoded.add(EntityCodec.encode(a.entity()));
                }
            } catch (StorageException e) {
                throw new TransactionFailedException(e.code(), "action " + i + ": " + e.getMessage(), i);
            }
        }
        return encoded;
    }
}
