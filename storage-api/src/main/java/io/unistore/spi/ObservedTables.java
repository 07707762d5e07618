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

/** The table store of an {@link ObservingLayer}. */
final class ObservedTables extends ForwardingTableBackend {
    private final Observed o;

    ObservedTables(TableBackend delegate, CallObserver observer) {
        super(delegate);
        this.o = new Observed(observer, "table");
    }

    @Override
    public void createTable(String table) {
        o.write("createTable", () -> super.createTable(table), table);
    }

    @Override
    public boolean deleteTable(String table) {
        return o.write("deleteTable", () -> super.deleteTable(table), table);
    }

    @Override
    public boolean tableExists(String table) {
        return o.read("tableExists", () -> super.tableExists(table), table);
    }

    @Override
    public PagedIterable<TableInfo> listTables(ListOptions options) {
        return o.pages("listTables", () -> super.listTables(options));
    }

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        return o.read("getEntity", () -> super.getEntity(table, partitionKey, rowKey, select), table, partitionKey,
                rowKey);
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        return o.write("insertEntity", () -> super.insertEntity(table, entity), table, entity.partitionKey(),
                entity.rowKey());
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        return o.write("upsertEntity", () -> super.upsertEntity(table, entity, mode), table, entity.partitionKey(),
                entity.rowKey());
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        return o.write("updateEntity", () -> super.updateEntity(table, entity, mode, ifMatch), table,
                entity.partitionKey(), entity.rowKey());
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        return o.write("deleteEntity", () -> super.deleteEntity(table, partitionKey, rowKey, ifMatch), table,
                partitionKey, rowKey);
    }

    @Override
    public PagedIterable<TableEntity> query(String table, TableQuery query) {
        return o.pages("query", () -> super.query(table, query), table);
    }

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        // One partition per transaction: the table and that partition name it; each row is in the result.
        String partition = actions.isEmpty() ? "" : actions.get(0).partitionKey();
        return o.write("submitTransaction", () -> super.submitTransaction(table, actions), table, partition);
    }
}
