package io.unistore.internal;

import static io.unistore.internal.OptionRules.required;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.NamingRules;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.spi.NameRules;
import io.unistore.spi.TableBackend;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.BulkWriteResult;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.TableSchema;
import io.unistore.table.TableStore;
import io.unistore.table.TransactionFailedException;
import io.unistore.table.UpdateMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one implementation of {@link TableStore}: table names, keys and property names are checked by the
 * account's naming rules, transactions by their shape and the declared limit, page sizes and {@code top}
 * clamped to the declared limit, before the backend is called.
 */
final class RuledTableStore implements TableStore {
    private final TableBackend backend;
    private final Capabilities capabilities;
    private final NamingRules names;
    private final Guard guard;

    RuledTableStore(TableBackend backend, Capabilities capabilities, Guard guard) {
        this.backend = backend;
        this.capabilities = capabilities;
        this.names = capabilities.naming();
        this.guard = guard;
    }

    @Override
    public void createTable(String table) {
        names.table(table);
        guard.run(() -> backend.createTable(table));
    }

    @Override
    public boolean deleteTable(String table) {
        names.table(table);
        return guard.call(() -> backend.deleteTable(table));
    }

    @Override
    public boolean tableExists(String table) {
        names.table(table);
        return guard.call(() -> backend.tableExists(table));
    }

    @Override
    public PagedIterable<TableInfo> listTables(ListOptions options) {
        ListOptions clamped = Paging.clamp(options == null ? ListOptions.defaults() : options, capabilities);
        return guard.pages(() -> backend.listTables(clamped));
    }

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        names.table(table);
        keys(partitionKey, rowKey);
        select(select);
        return guard.call(() -> backend.getEntity(table, partitionKey, rowKey, select));
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        names.table(table);
        entity(entity);
        return guard.call(() -> backend.insertEntity(table, entity));
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        names.table(table);
        entity(entity);
        required("mode", mode);
        return guard.call(() -> backend.upsertEntity(table, entity, mode));
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        names.table(table);
        entity(entity);
        required("mode", mode);
        NameRules.headerValue("ifMatch", ifMatch);
        return guard.call(() -> backend.updateEntity(table, entity, mode, ifMatch));
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        names.table(table);
        keys(partitionKey, rowKey);
        // An ETag travels in the If-Match header: HTTP clients refuse a malformed one with a stack trace.
        NameRules.headerValue("ifMatch", ifMatch);
        return guard.call(() -> backend.deleteEntity(table, partitionKey, rowKey, ifMatch));
    }

    @Override
    public PagedIterable<TableEntity> query(String table, TableQuery query) {
        names.table(table);
        required("query", query);
        select(query.select());
        int max = capabilities.limits().maxPageSize();
        int pageSize = Math.min(query.pageSize(), query.top() == null ? max : Math.max(1, Math.min(query.top(), max)));
        TableQuery clamped = pageSize == query.pageSize() ? query : query.withPageSize(pageSize);
        PagedIterable<TableEntity> pages = guard.pages(() -> backend.query(table, clamped));
        return query.top() == null ? pages : pages.limit(query.top());
    }

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        capabilities.require(Capability.TABLE_TRANSACTIONS, "submitTransaction");
        names.table(table);
        checkTransaction(actions);
        return guard.call(() -> backend.submitTransaction(table, actions));
    }

    /** A transaction of {@link #bulkWrite}, whose results are not kept: the backend may skip learning ETags. */
    private void submitTransactionWithoutEtags(String table, List<TableAction> actions) {
        capabilities.require(Capability.TABLE_TRANSACTIONS, "submitTransaction");
        names.table(table);
        checkTransaction(actions);
        guard.run(() -> backend.submitTransactionWithoutEtags(table, actions));
    }

    @Override
    public BulkWriteResult bulkWrite(String table, Iterable<TableAction> actions, BulkWriteOptions options) {
        names.table(table);
        required("actions", actions);
        return BulkWriter.write(this, table, actions, options, this::submitTransactionWithoutEtags);
    }

    @Override
    public TableSchema inferSchema(String table, int sampleSize) {
        names.table(table);
        return SchemaInference.infer(this, table, sampleSize);
    }

    /** One partition, each entity once, at most the declared number of actions, every entity valid. */
    private void checkTransaction(List<TableAction> actions) {
        if (actions == null || actions.isEmpty()) {
            throw StorageException.invalidArgument("actions", "a transaction needs at least one action");
        }
        int max = capabilities.limits().maxTransactionActions();
        if (actions.size() > max) {
            throw StorageException.invalidArgument("actions", "a transaction holds at most " + max
                    + " actions, was " + actions.size() + " (bulkWrite splits larger inputs)");
        }
        String partition = actions.get(0).partitionKey();
        Set<String> rowKeys = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            TableAction a = required("actions[" + i + "]", actions.get(i));
            if (!a.partitionKey().equals(partition)) {
                throw StorageException.invalidArgument("actions", "a transaction works on one partition; action "
                        + i + " is in '" + a.partitionKey() + "', action 0 in '" + partition + "'");
            }
            if (!rowKeys.add(a.rowKey())) {
                throw StorageException.invalidArgument("actions", "a transaction may touch an entity once; action "
                        + i + " repeats RowKey '" + a.rowKey() + "'");
            }
            try {
                if (a.type() == TableAction.Type.DELETE) {
                    keys(a.partitionKey(), a.rowKey());
                } else {
                    entity(a.entity());
                }
            } catch (StorageException e) {
                throw new TransactionFailedException(e.code(), "action " + i + ": " + e.getMessage(), i);
            }
        }
    }

    private void entity(TableEntity entity) {
        required("entity", entity);
        keys(entity.partitionKey(), entity.rowKey());
        for (String name : entity.propertyNames()) {
            names.propertyName(name);
        }
    }

    private void keys(String partitionKey, String rowKey) {
        names.key("PartitionKey", partitionKey);
        names.key("RowKey", rowKey);
    }

    private void select(List<String> select) {
        if (select != null) {
            for (String name : select) {
                names.propertyName(name);
            }
        }
    }

    @Override
    public String toString() {
        return "TableStore(" + backend + ")";
    }
}
