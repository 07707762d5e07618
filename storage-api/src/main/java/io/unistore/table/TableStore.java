package io.unistore.table;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.Requires;
import io.unistore.StorageException;
import io.unistore.internal.Existence;
import java.util.List;
import java.util.Optional;

/**
 * Tables of typed entities addressed by (PartitionKey, RowKey): Azure Tables, or the local provider.
 *
 * <p>Conventions: {@code create*} fails with ALREADY_EXISTS when the item exists; {@code delete*} returns
 * false when it is absent; every failure is a {@link StorageException}. Table names follow Azure's rules
 * (3-63 letters and digits, starting with a letter); keys are up to 1 KiB with no {@code / \ # ?} or control
 * characters; property names follow the service's rule, {@link io.unistore.Capabilities#propertyNames()} (C#
 * identifiers of any script, up to 255 characters, on Azure and locally). Implementations are thread-safe.
 */
public interface TableStore {

    /**
     * Creates a table.
     *
     * @throws StorageException ALREADY_EXISTS; INVALID_ARGUMENT for a bad name
     */
    void createTable(String table);

    /** Creates the table unless it exists; true if this call created it. */
    default boolean createTableIfNotExists(String table) {
        return Existence.createdUnlessExists(() -> createTable(table));
    }

    /** Deletes a table and its entities; false if it did not exist. */
    boolean deleteTable(String table);

    /** Whether the table exists. */
    boolean tableExists(String table);

    /** Lists tables in name order, paged. */
    PagedIterable<TableInfo> listTables(ListOptions options);

    /** Lists every table. */
    default PagedIterable<TableInfo> listTables() {
        return listTables(ListOptions.defaults());
    }

    /**
     * Reads one entity.
     *
     * @param select the properties to return, or null for all
     * @throws StorageException NOT_FOUND if the table or entity does not exist
     */
    TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select);

    /** Reads one entity with all its properties; NOT_FOUND if absent. */
    default TableEntity getEntity(String table, String partitionKey, String rowKey) {
        return getEntity(table, partitionKey, rowKey, null);
    }

    /** Reads one entity, or empty if it (or the table) does not exist. */
    default Optional<TableEntity> findEntity(String table, String partitionKey, String rowKey) {
        try {
            return Optional.of(getEntity(table, partitionKey, rowKey, null));
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Inserts a new entity.
     *
     * @return the new ETag
     * @throws StorageException ALREADY_EXISTS if an entity with these keys exists; NOT_FOUND if the table does not
     */
    String insertEntity(String table, TableEntity entity);

    /**
     * Inserts the entity, or merges into / replaces the existing one.
     *
     * @return the new ETag
     */
    String upsertEntity(String table, TableEntity entity, UpdateMode mode);

    /**
     * Updates an existing entity.
     *
     * @param ifMatch the ETag it must have, or {@code "*"} / null for any
     * @return the new ETag
     * @throws StorageException NOT_FOUND if absent; PRECONDITION_FAILED if the ETag differs
     */
    String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch);

    /**
     * Deletes an entity.
     *
     * @param ifMatch the ETag it must have, or {@code "*"} / null for any
     * @return false if it did not exist (and no ETag was required)
     * @throws StorageException PRECONDITION_FAILED if the ETag differs; NOT_FOUND if an ETag was given for an
     *         absent entity
     */
    boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch);

    /**
     * Queries entities, paged, in key order.
     *
     * @throws StorageException NOT_FOUND if the table does not exist
     */
    PagedIterable<TableEntity> query(String table, TableQuery query);

    /**
     * Runs actions on one partition atomically: all are written, or none.
     *
     * @throws TransactionFailedException if an action fails (nothing is written)
     * @throws StorageException INVALID_ARGUMENT for more actions than
     *         {@link io.unistore.Capabilities#maxTransactionActions()}, more than one partition, or the same
     *         entity twice
     */
    @Requires(Capability.TABLE_TRANSACTIONS)
    List<TableActionResult> submitTransaction(String table, List<TableAction> actions);

    /**
     * Writes any number of actions: grouped by partition into transactions of the largest allowed size and
     * sent several partitions at once (single calls where the provider has no transactions).
     */
    BulkWriteResult bulkWrite(String table, Iterable<TableAction> actions, BulkWriteOptions options);

    /**
     * Infers the table's schema from its first {@code sampleSize} entities.
     */
    TableSchema inferSchema(String table, int sampleSize);
}
