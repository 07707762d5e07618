package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The index definitions of an account, read from its system table and cached for {@code cacheMillis}: a writer
 * learns of a new index within that time, which is why an index is built only once every writer must have seen
 * it (see {@link TableIndexes#create}).
 */
final class IndexCatalog {
    /** The system table of index definitions: PartitionKey the table, RowKey the index name. */
    static final String SYSTEM_TABLE = "unistoreindexes";
    /** The tables of index rows, named by {@link #indexTableName} (table names are case-insensitive). */
    private static final Pattern INDEX_TABLE = Pattern.compile("(?i)uix[0-9a-f]{24}");
    /** Changes made in this process invalidate every cache at once. */
    private static final AtomicLong GENERATION = new AtomicLong();

    private record Cached(List<TableIndex> indexes, long loadedNanos, long generation) {
    }

    private final TableStore store;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Whether the system table exists, checked at most once per cache time and after every change. */
    private volatile boolean systemTable;
    private volatile long systemCheckedNanos;
    private volatile long systemGeneration = -1;

    IndexCatalog(TableStore store, long cacheMillis) {
        this.store = store;
        this.cacheNanos = cacheMillis * 1_000_000L;
    }

    /** The indexes of {@code table} (none for the system table and index tables), at most cacheMillis old. */
    List<TableIndex> of(String table) {
        if (isInternal(table)) {
            return List.of();
        }
        Cached c = cache.get(table);
        long now = System.nanoTime();
        if (c == null || now - c.loadedNanos > cacheNanos || c.generation != GENERATION.get()) {
            long generation = GENERATION.get();
            c = new Cached(systemTableExists(now, generation) ? read(store, table) : List.of(), now, generation);
            cache.put(table, c);
        }
        return c.indexes;
    }

    /** The indexes of {@code table} as loaded now, never from a cache. */
    List<TableIndex> fresh(String table) {
        cache.remove(table);
        return of(table);
    }


    private boolean systemTableExists(long now, long generation) {
        if (systemGeneration != generation || now - systemCheckedNanos > cacheNanos) {
            systemTable = store.tableExists(SYSTEM_TABLE);
            systemCheckedNanos = now;
            systemGeneration = generation;
        }
        return systemTable;
    }

    static void invalidateAll() {
        GENERATION.incrementAndGet();
    }

    /**
     * The indexes of {@code table} as stored now. An account without indexes has no system table: its existence
     * is checked by a listing (which cannot fail), because a query of a missing table is a request that fails and
     * that the Azure SDK logs as an error, on every write.
     */
    static List<TableIndex> load(TableStore store, String table) {
        return store.tableExists(SYSTEM_TABLE) ? read(store, table) : List.of();
    }

    private static List<TableIndex> read(TableStore store, String table) {
        List<TableIndex> out = new ArrayList<>();
        try {
            for (TableEntity e : store.query(SYSTEM_TABLE, TableQuery.where(Filter.partitionKey(table)))) {
                out.add(TableIndex.fromEntity(e));
            }
        } catch (StorageException e) {
            // Dropped since the check by another client.
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
        }
        return List.copyOf(out);
    }

    /** The system table and index tables hold no indexes themselves. */
    static boolean isInternal(String table) {
        return table.equalsIgnoreCase(SYSTEM_TABLE) || INDEX_TABLE.matcher(table).matches();
    }

    /** The name of the table holding an index's rows: {@code uix} and 24 hex digits of a hash of both names. */
    static String indexTableName(String table, String index) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((table.toLowerCase() + "/" + index)
                    .getBytes(StandardCharsets.UTF_8));
            return "uix" + HexFormat.of().formatHex(d).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
