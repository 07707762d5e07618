package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.Page;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Secondary indexes of tables, on any provider: declare, list, drop, verify, rebuild, and query with them.
 *
 * <p>Definitions live in the account's system table {@value IndexCatalog#SYSTEM_TABLE}, so every client of the
 * account sees them; an index's rows live in a table of its own ({@code uix...}). Writes keep indexes current
 * when they pass through the {@link IndexLayer}: open the account with {@code layers=indexes}, or wrap it with
 * {@link #maintained}. Writes made otherwise (another program, an account opened without the layer) are not
 * indexed: {@link #verify} reports the drift and {@link #rebuild} repairs it.
 */
public final class TableIndexes {
    /** At most this many properties per index. */
    public static final int MAX_PROPERTIES = 4;

    private TableIndexes() {
    }

    /** The account with the index layer on top (definitions cached for the default time). */
    public static StorageAccount maintained(StorageAccount account) {
        return Unistore.layered(account, new IndexLayer(IndexLayer.DEFAULT_CACHE_MILLIS));
    }

    /**
     * Declares an index and builds it. The definition is stored first in state {@code building}, so writers
     * start maintaining it; the build starts once every writer must have seen it ({@code graceMillis}, at least
     * twice the writers' {@code indexes.cacheMillis}), and the index becomes {@code ready} when it is built.
     *
     * @throws StorageException NOT_FOUND if the table does not exist; ALREADY_EXISTS for a name taken on that
     *         table; INVALID_ARGUMENT for a bad name or property list
     */
    public static IndexRebuildResult create(StorageAccount account, String table, String name, List<String> properties,
                                            long graceMillis, ProgressCallback progress) {
        checkName(name);
        checkProperties(account, properties);
        if (!account.tables().tableExists(table)) {
            throw new StorageException(ErrorCode.NOT_FOUND, "table '" + table + "' does not exist");
        }
        account.tables().createTableIfNotExists(IndexCatalog.SYSTEM_TABLE);
        TableIndex index = new TableIndex(table, name, properties, IndexCatalog.indexTableName(table, name),
                TableIndex.BUILDING, Instant.now(), null);
        if (account.tables().findEntity(IndexCatalog.SYSTEM_TABLE, table, name).isPresent()) {
            throw new StorageException(ErrorCode.ALREADY_EXISTS, "table '" + table + "' has an index named '" + name
                    + "' already");
        }
        account.tables().createTableIfNotExists(index.indexTable());
        try {
            account.tables().insertEntity(IndexCatalog.SYSTEM_TABLE, index.toEntity());
        } catch (StorageException e) {
            if (e.code() == ErrorCode.ALREADY_EXISTS) {
                throw new StorageException(ErrorCode.ALREADY_EXISTS, "table '" + table + "' has an index named '"
                        + name + "' already");
            }
            throw e;
        }
        IndexCatalog.invalidateAll();
        try {
            Thread.sleep(Math.max(0, graceMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.INTERNAL, "interrupted before building index '" + name
                    + "' (it stays 'building'; rebuild-index finishes it)", e);
        }
        return rebuild(account, table, name, progress);
    }

    /**
     * Whether {@code table} is one of the tables the indexes keep for themselves (the system table of definitions
     * or a table of index rows): written only through the index machinery, never directly.
     */
    public static boolean isSystemTable(String table) {
        return table != null && IndexCatalog.isInternal(table);
    }

    /** {@link #create} with a grace of twice the default cache time plus half a second, no progress. */
    public static IndexRebuildResult create(StorageAccount account, String table, String name, List<String> properties) {
        return create(account, table, name, properties, 2 * IndexLayer.DEFAULT_CACHE_MILLIS + 500, null);
    }

    /** The indexes of a table, or of every table when {@code table} is null. */
    public static List<TableIndex> list(StorageAccount account, String table) {
        if (table != null) {
            return IndexCatalog.load(account.tables(), table);
        }
        List<TableIndex> all = new ArrayList<>();
        if (!account.tables().tableExists(IndexCatalog.SYSTEM_TABLE)) {
            return all;
        }
        try {
            for (TableEntity e : account.tables().query(IndexCatalog.SYSTEM_TABLE, TableQuery.all())) {
                all.add(TableIndex.fromEntity(e));
            }
        } catch (StorageException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
        }
        return all;
    }

    /** One index; NOT_FOUND naming it when absent. */
    public static TableIndex get(StorageAccount account, String table, String name) {
        checkName(name);
        return list(account, table).stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new StorageException(ErrorCode.NOT_FOUND, "table '" + table
                        + "' has no index named '" + name + "'"));
    }

    /** Drops an index (definition first, then its rows); false if there was none. */
    public static boolean drop(StorageAccount account, String table, String name) {
        checkName(name);
        TableIndex index;
        try {
            index = get(account, table, name);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
        account.tables().deleteEntity(IndexCatalog.SYSTEM_TABLE, table, name, null);
        IndexCatalog.invalidateAll();
        account.tables().deleteTable(index.indexTable());
        return true;
    }

    /** Compares the index with its table (see {@link IndexVerification}); memory grows with the table's size. */
    public static IndexVerification verify(StorageAccount account, String table, String name) {
        return new IndexCheck(account, get(account, table, name), IndexCheck.PAGE).verify();
    }

    /**
     * Makes the index hold exactly the rows its table needs: missing rows are written, pending ones confirmed,
     * stale ones deleted (each only if its entity, read then, does not have it, under its ETag). Resumable: the
     * base key reached is saved in the definition after every page, and a rebuild interrupted (the thread
     * interrupted, or the process killed) starts writing again after it. Marks the index ready at the end.
     */
    public static IndexRebuildResult rebuild(StorageAccount account, String table, String name,
                                             ProgressCallback progress) {
        return new IndexCheck(account, get(account, table, name), IndexCheck.PAGE).rebuild(progress);
    }

    /**
     * One page of a query, through an index when the filter has an equality or a range on the leading
     * property of a ready index (see {@link PlannedQueryResult#plan()}), else as the store's own query. The
     * results are those of a scan: every candidate the index gives is read and checked against the filter.
     */
    public static PlannedQueryResult query(StorageAccount account, String table, TableQuery query) {
        IndexPlan plan = IndexPlan.choose(query.filter(), IndexCatalog.load(account.tables(), table));
        if (plan == null || query.continuationToken() != null && !IndexedScan.isToken(query.continuationToken())) {
            int size = query.top() == null ? query.pageSize() : Math.max(1, Math.min(query.top(), query.pageSize()));
            Page<TableEntity> page = account.tables().query(table, query.withPageSize(size)).firstPage();
            return new PlannedQueryResult("scan", page.items(), page.continuationToken(), page.items().size());
        }
        return new IndexedScan(account, table, plan).page(query);
    }

    /** Every match of a filter (all pages), with the plan used. */
    public static PlannedQueryResult queryAll(StorageAccount account, String table, Filter filter) {
        TableQuery q = TableQuery.all().withFilter(filter).withPageSize(1000);
        List<TableEntity> all = new ArrayList<>();
        long read = 0;
        String plan;
        while (true) {
            PlannedQueryResult r = query(account, table, q);
            all.addAll(r.entities());
            read += r.entitiesRead();
            plan = r.plan();
            if (r.continuationToken() == null) {
                break;
            }
            q = q.withContinuationToken(r.continuationToken());
        }
        return new PlannedQueryResult(plan, all, null, read);
    }

    static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
            throw StorageException.invalidArgument("index", "must be 1 to 63 letters, digits or underscores "
                    + "starting with a letter, was '" + name + "'");
        }
    }

    private static void checkProperties(StorageAccount account, List<String> properties) {
        if (properties == null || properties.isEmpty() || properties.size() > MAX_PROPERTIES) {
            throw StorageException.invalidArgument("properties", "must list 1 to " + MAX_PROPERTIES
                    + " property names");
        }
        Set<String> seen = new HashSet<>();
        for (String p : properties) {
            account.capabilities().naming().propertyName(p);
            if (p.equals(TableEntity.PARTITION_KEY) || p.equals(TableEntity.ROW_KEY)
                    || p.equals(TableEntity.TIMESTAMP) || !p.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
                throw StorageException.invalidArgument("properties", "'" + p + "' cannot be indexed: name a user "
                        + "property (an identifier; the keys and Timestamp are indexed by the service)");
            }
            if (!seen.add(p)) {
                throw StorageException.invalidArgument("properties", "lists '" + p + "' twice");
            }
        }
    }

    /** Saves a rebuild's position in the definition (merge, so a concurrent state change is kept). */
    static void saveCursor(StorageAccount account, TableIndex index, String cursor, String state) {
        TableEntity.Builder b = TableEntity.builder(index.table(), index.name()).put("State", state);
        b.put("RebuildCursor", cursor == null ? "" : cursor);
        account.tables().updateEntity(IndexCatalog.SYSTEM_TABLE, b.build(), UpdateMode.MERGE, null);
        IndexCatalog.invalidateAll();
    }
}
