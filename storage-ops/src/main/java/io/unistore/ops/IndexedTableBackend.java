package io.unistore.ops;

import io.unistore.spi.ForwardingTableBackend;
import io.unistore.spi.TableBackend;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table store of the index layer: every write to a table with indexes follows {@link IndexMaintainer}'s
 * protocol; tables without indexes (one cached look-up of the system table per cache time) are passed through.
 */
final class IndexedTableBackend extends ForwardingTableBackend {
    private final IndexMaintainer indexes;
    private final TableStore below;

    /**
     * @param delegate the store below the layer
     * @param below the same store behind the API, for the index machinery shared with {@link TableIndexes}
     */
    IndexedTableBackend(TableBackend delegate, TableStore below, long cacheMillis) {
        super(delegate);
        this.below = below;
        this.indexes = new IndexMaintainer(below, new IndexCatalog(below, cacheMillis));
    }

    @Override
    public boolean deleteTable(String table) {
        if (!IndexCatalog.isInternal(table)) {
            for (TableIndex index : IndexCatalog.load(below, table)) {
                delegate().deleteEntity(IndexCatalog.SYSTEM_TABLE, index.table(), index.name(), null);
                delegate().deleteTable(index.indexTable());
            }
        }
        IndexCatalog.invalidateAll();
        return super.deleteTable(table);
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        List<TableIndex> defs = indexes.catalog().of(table);
        if (defs.isEmpty()) {
            return super.insertEntity(table, entity);
        }
        List<IndexRow> rows = IndexRow.of(defs, entity);
        indexes.announce(rows, List.of());
        String etag;
        try {
            etag = super.insertEntity(table, entity);
        } catch (RuntimeException e) {
            indexes.cleanUp(table, rows, Set.of());
            throw e;
        }
        indexes.confirm(table, entity);
        return etag;
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        return write(table, entity, mode, () -> super.upsertEntity(table, entity, mode));
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        return write(table, entity, mode, () -> super.updateEntity(table, entity, mode, ifMatch));
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        List<TableIndex> defs = indexes.catalog().of(table);
        if (defs.isEmpty()) {
            return super.deleteEntity(table, partitionKey, rowKey, ifMatch);
        }
        TableEntity old = indexes.read(table, partitionKey, rowKey);
        boolean deleted = super.deleteEntity(table, partitionKey, rowKey, ifMatch);
        indexes.cleanUp(table, IndexRow.of(defs, old), Set.of());
        return deleted;
    }

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        List<TableIndex> defs = indexes.catalog().of(table);
        if (defs.isEmpty()) {
            return super.submitTransaction(table, actions);
        }
        List<IndexRow> before = new ArrayList<>();
        List<IndexRow> guessed = new ArrayList<>();
        for (TableAction a : actions) {
            TableEntity old = indexes.read(table, a.partitionKey(), a.rowKey());
            List<IndexRow> oldRows = IndexRow.of(defs, old);
            List<IndexRow> newRows = IndexRow.of(defs, expected(old, a));
            indexes.announce(newRows, oldRows);
            before.addAll(oldRows);
            guessed.addAll(newRows);
        }
        List<TableActionResult> results;
        try {
            results = super.submitTransaction(table, actions);
        } catch (RuntimeException e) {
            indexes.cleanUp(table, guessed, new HashSet<>(before));
            throw e;
        }
        Set<IndexRow> confirmed = new HashSet<>();
        for (TableAction a : actions) {
            TableEntity written = switch (a.type()) {
                case DELETE -> null;
                case INSERT, UPSERT_REPLACE, UPDATE_REPLACE -> a.entity();
                case UPSERT_MERGE, UPDATE_MERGE -> indexes.read(table, a.partitionKey(), a.rowKey());
            };
            if (written != null) {
                confirmed.addAll(indexes.confirm(table, written));
            }
        }
        Set<IndexRow> candidates = new LinkedHashSet<>(before);
        candidates.addAll(guessed);
        indexes.cleanUp(table, candidates, confirmed);
        return results;
    }

    private String write(String table, TableEntity entity, UpdateMode mode, java.util.function.Supplier<String> op) {
        List<TableIndex> defs = indexes.catalog().of(table);
        if (defs.isEmpty()) {
            return op.get();
        }
        TableEntity old = indexes.read(table, entity.partitionKey(), entity.rowKey());
        List<IndexRow> oldRows = IndexRow.of(defs, old);
        List<IndexRow> newRows = IndexRow.of(defs, mode == UpdateMode.MERGE ? merged(old, entity) : entity);
        indexes.announce(newRows, oldRows);
        String etag;
        try {
            etag = op.get();
        } catch (RuntimeException e) {
            indexes.cleanUp(table, newRows, new HashSet<>(oldRows));
            throw e;
        }
        // A merge's result depends on what others wrote meanwhile: confirm what is there now.
        TableEntity written = mode == UpdateMode.MERGE ? indexes.read(table, entity.partitionKey(), entity.rowKey())
                : entity;
        Set<IndexRow> confirmed = written == null ? Set.of() : indexes.confirm(table, written);
        Set<IndexRow> candidates = new LinkedHashSet<>(oldRows);
        candidates.addAll(newRows);
        indexes.cleanUp(table, candidates, confirmed);
        return etag;
    }

    /** What an action leaves, judged from the entity read before it. */
    private static TableEntity expected(TableEntity old, TableAction a) {
        return switch (a.type()) {
            case DELETE -> null;
            case INSERT, UPSERT_REPLACE, UPDATE_REPLACE -> a.entity();
            case UPSERT_MERGE, UPDATE_MERGE -> merged(old, a.entity());
        };
    }

    private static TableEntity merged(TableEntity old, TableEntity change) {
        return old == null ? change : old.toBuilder().putAll(change.properties()).build();
    }
}
