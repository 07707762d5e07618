package io.unistore.spi;

import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.util.List;

/**
 * What a provider implements to serve tables. Users call {@link io.unistore.table.TableStore}, which validates
 * table names, keys and property names by the declared {@link NamingRules}, checks capabilities, clamps
 * {@code top} and page sizes to the declared {@link Limits}, and checks transactions (one partition, no entity
 * twice, at most {@link Limits#maxTransactionActions()}) before calling this interface. Semantics are those of
 * the {@code TableStore} method of the same name. Implementations are thread-safe.
 */
public interface TableBackend {

    /** Creates a table; ALREADY_EXISTS if it exists. */
    void createTable(String table);

    /** Deletes a table; false if absent. */
    boolean deleteTable(String table);

    /** Whether the table exists. */
    boolean tableExists(String table);

    /** Tables in name order. */
    PagedIterable<TableInfo> listTables(ListOptions options);

    /** One entity, with only the {@code select}ed properties if not null; NOT_FOUND if absent. */
    TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select);

    /** Inserts; ALREADY_EXISTS if present. Returns the ETag. */
    String insertEntity(String table, TableEntity entity);

    /** Inserts or merges/replaces. Returns the ETag. */
    String upsertEntity(String table, TableEntity entity, UpdateMode mode);

    /** Updates an existing entity under an optional ETag ({@code null} or {@code "*"}: any). */
    String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch);

    /** Deletes; false if absent and no ETag was required. */
    boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch);

    /** Entities in key order; {@code query.top()} and page size are already within the declared limits. */
    PagedIterable<TableEntity> query(String table, TableQuery query);

    /** Runs the actions of one partition atomically. Needs TABLE_TRANSACTIONS. */
    default List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        throw Unsupported.operation("submitTransaction");
    }

    /**
     * Runs the actions of one partition atomically for a caller that does not use the new ETags (a bulk load),
     * so a provider that spends requests to learn them may skip those. Forwarding layers do not pass this on to
     * their delegate: the default goes through {@link #submitTransaction}, so a layer that rewrites, indexes or
     * records writes sees every one of them.
     */
    default void submitTransactionWithoutEtags(String table, List<TableAction> actions) {
        submitTransaction(table, actions);
    }
}
