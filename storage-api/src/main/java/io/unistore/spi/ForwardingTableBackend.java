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
import java.util.Objects;

/**
 * A {@link TableBackend} that forwards every call, optional ones included, to another: the base of a layer's
 * table store. Override what the layer changes.
 */
public class ForwardingTableBackend implements TableBackend {
    private final TableBackend delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingTableBackend(TableBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store below. */
    protected TableBackend delegate() {
        return delegate;
    }

    @Override
    public void createTable(String table) {
        delegate.createTable(table);
    }

    @Override
    public boolean deleteTable(String table) {
        return delegate.deleteTable(table);
    }

    @Override
    public boolean tableExists(String table) {
        return delegate.tableExists(table);
    }

    @Override
    public PagedIterable<TableInfo> listTables(ListOptions options) {
        return delegate.listTables(options);
    }

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        return delegate.getEntity(table, partitionKey, rowKey, select);
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        return delegate.insertEntity(table, entity);
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        return delegate.upsertEntity(table, entity, mode);
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        return delegate.updateEntity(table, entity, mode, ifMatch);
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        return delegate.deleteEntity(table, partitionKey, rowKey, ifMatch);
    }

    @Override
    public PagedIterable<TableEntity> query(String table, TableQuery query) {
        return delegate.query(table, query);
    }

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        return delegate.submitTransaction(table, actions);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + delegate + ")";
    }
}
