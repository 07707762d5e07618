package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write protocol that keeps indexes from ever losing a match, where the index rows and the entity cannot be
 * written atomically (they live in other tables, other partitions):
 *
 * <ol>
 *   <li><b>announce</b>: before the entity is written, every row its new values need and it did not have is
 *       upserted with {@code Pending=true};</li>
 *   <li>the entity is written;</li>
 *   <li><b>confirm</b>: the rows of the entity as written (read back after a merge, whose result depends on what
 *       others wrote) are upserted with {@code Pending=false}, with the definitions reloaded when older than the
 *       cache time, so an index declared meanwhile is covered;</li>
 *   <li><b>clean up</b> the rows of the old values: a row is deleted only if the entity read <em>after</em> the
 *       row no longer has it, and only under the row's ETag, so a writer that confirmed it meanwhile wins.</li>
 * </ol>
 *
 * The last writer of an entity confirms its row after its write, and a clean-up can only delete a row whose
 * ETag it read before that confirmation while seeing another value: so the row of the final value survives.
 * A crash leaves at worst pending or stale rows pointing at entities that do not match them; queries check
 * every candidate against its entity, {@code verify-index} reports them and {@code rebuild-index} removes them.
 */
final class IndexMaintainer {
    private static final Logger LOG = LoggerFactory.getLogger(IndexMaintainer.class);

    private final TableStore base;
    private final IndexCatalog catalog;

    IndexMaintainer(TableStore base, IndexCatalog catalog) {
        this.base = base;
        this.catalog = catalog;
    }

    IndexCatalog catalog() {
        return catalog;
    }

    /** The entity as it is now, or null. */
    TableEntity read(String table, String partitionKey, String rowKey) {
        try {
            return base.getEntity(table, partitionKey, rowKey, null);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** Upserts, pending, the rows of {@code next} that {@code previous} did not have. */
    void announce(Collection<IndexRow> next, Collection<IndexRow> previous) {
        Set<IndexRow> had = new HashSet<>(previous);
        for (IndexRow r : next) {
            if (!had.contains(r)) {
                put(r, true);
            }
        }
    }

    /**
     * Upserts, confirmed, the rows of the entity as written.
     *
     * @return the rows confirmed
     */
    Set<IndexRow> confirm(String table, TableEntity written) {
        Set<IndexRow> rows = new LinkedHashSet<>(IndexRow.of(catalog.of(table), written));
        for (IndexRow r : rows) {
            put(r, false);
        }
        return rows;
    }

    /** Deletes each candidate row its entity no longer has (see the class comment); failures leave it stale. */
    void cleanUp(String table, Collection<IndexRow> candidates, Set<IndexRow> keep) {
        for (IndexRow r : candidates) {
            if (keep.contains(r)) {
                continue;
            }
            try {
                removeIfStale(table, r);
            } catch (RuntimeException e) {
                LOG.debug("index row {} of {} left for rebuild-index: {}", r.rowKey(), r.indexTable(), e.toString());
            }
        }
    }

    /** Deletes the row if the entity, read after the row, does not have it; true if deleted. */
    boolean removeIfStale(String table, IndexRow r) {
        TableEntity row;
        try {
            row = base.getEntity(r.indexTable(), r.partitionKey(), r.rowKey(), null);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
        TableEntity now = read(table, r.basePartitionKey(), r.baseRowKey());
        List<TableIndex> indexes = catalog.of(table);
        if (IndexRow.of(indexes, now).contains(r)) {
            return false;
        }
        try {
            return base.deleteEntity(r.indexTable(), r.partitionKey(), r.rowKey(), row.etag());
        } catch (StorageException e) {
            if (e.code() == ErrorCode.PRECONDITION_FAILED || e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** Upserts one row; an index dropped meanwhile (its table gone) is skipped. */
    void put(IndexRow r, boolean pending) {
        try {
            base.upsertEntity(r.indexTable(), r.toEntity(pending), UpdateMode.REPLACE);
        } catch (StorageException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            IndexCatalog.invalidateAll();
        }
    }
}
