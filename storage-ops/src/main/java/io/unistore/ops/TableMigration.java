package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;

/**
 * {@code migrate-table-data} and {@code transform-table-schema}: copies a table to any other TableStore (same
 * account, another account, another provider), optionally through a {@link SchemaTransform}, or transforms a
 * table in place.
 *
 * <ul>
 *   <li><b>Streaming, batched per partition.</b> Entities are read page by page in (PartitionKey, RowKey)
 *       order, transformed, and grouped into transactions of one target partition (up to the target's
 *       {@code maxTransactionActions}; single upserts where it has no transactions); {@code parallelism}
 *       batches are written at once. Writes are upserts that replace ({@code UPSERT_REPLACE}); in place, updates
 *       conditional on the ETag read, so a concurrent change fails the batch instead of being overwritten.</li>
 *   <li><b>Resumable.</b> With a checkpoint file, the key of the last entity of every batch whose predecessors
 *       are all written is appended to it; a later run reads only entities after that key. At most
 *       {@code 2 × parallelism} batches can be written but not yet recorded when a run dies: a resuming run
 *       reads those entities back from the target and skips the ones already identical, so nothing is written
 *       twice. In place, each batch is journaled with the ETags it was read with before it is written, and a
 *       resumed run leaves alone the entities whose ETag has changed since: a transform is never applied twice.
 *       A migration resumed past its last key also copies again the entities before it whose Timestamp says
 *       they changed after the first run started (and differ from the target).</li>
 *   <li><b>Verified.</b> Afterwards the count and {@link EntityHash content hash} of the filtered, transformed
 *       source are compared with the whole target table ({@link TableVerification}); a target that held other
 *       entities before therefore does not verify.</li>
 *   <li><b>Stops on the first failure.</b> A transform error or a batch failing after its retries stops the
 *       run (the checkpoint stays before it); fix and run again to resume.</li>
 * </ul>
 */
public final class TableMigration {
    static final String MIGRATE_TOOL = "migrate-table-data";
    static final String TRANSFORM_TOOL = "transform-table-schema";

    private TableMigration() {
    }

    /**
     * Copies (and transforms) a table into another.
     *
     * @throws StorageException NOT_FOUND if the source table is missing; INVALID_ARGUMENT for a table copied
     *         onto itself or a checkpoint of another job
     */
    public static MigrateTableResult migrate(StorageAccount source, StorageAccount target,
                                             MigrateTableOptions options) {
        if (ObjectCopier.sameAccount(source, target) && options.sourceTable().equals(options.targetTable())) {
            throw StorageException.invalidArgument("targetTable", "is the source table; use transformInPlace "
                    + "to change a table where it is");
        }
        return new TableCopyRun(source, target, options, false, MIGRATE_TOOL).run();
    }

    /**
     * Transforms a table where it is. Entities the transform leaves unchanged are not written; a {@code where}
     * step selects the entities to transform (the others stay as they are).
     *
     * @throws StorageException NOT_FOUND if the table is missing
     */
    public static MigrateTableResult transformInPlace(StorageAccount account, TransformTableOptions options) {
        return new TableCopyRun(account, account, options.asMigration(), true, TRANSFORM_TOOL).run();
    }

    /**
     * Compares the count and content hash of a (filtered, transformed) source table with a whole target table.
     */
    public static TableVerification verify(TableStore source, String sourceTable, Filter filter,
                                           SchemaTransform transform, TableStore target, String targetTable) {
        EntityHash.Accumulator expected = new EntityHash.Accumulator();
        TableQuery query = filter == null ? TableQuery.all() : TableQuery.where(filter);
        SchemaTransform t = transform == null ? SchemaTransform.identity() : transform;
        for (TableEntity e : source.query(sourceTable, query)) {
            TableEntity out = t.apply(e);
            if (out != null) {
                expected.add(out);
            }
        }
        EntityHash.Accumulator actual = hashTable(target, targetTable);
        return new TableVerification(expected.count(), expected.hex(), actual.count(), actual.hex());
    }

    /** The count and content hash of a whole table. */
    public static EntityHash.Accumulator hashTable(TableStore store, String table) {
        EntityHash.Accumulator acc = new EntityHash.Accumulator();
        for (TableEntity e : store.query(table, TableQuery.all())) {
            acc.add(e);
        }
        return acc;
    }
}
