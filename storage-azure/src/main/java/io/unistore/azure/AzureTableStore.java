package io.unistore.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.ListTablesOptions;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.azure.data.tables.models.TableItem;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.spi.ContinuationTokens;
import io.unistore.spi.TableBackend;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Azure Table Storage as a {@link TableBackend}. Transactions are in {@link TableTransactions}. */
final class AzureTableStore implements TableBackend {
    private final TableServiceClient service;
    private final ClientCache<TableClient> tables;

    AzureTableStore(TableServiceClient service) {
        this.service = service;
        this.tables = new ClientCache<>(service::getTableClient);
    }

    TableClient table(String table) {
        return tables.get(table);
    }

    @Override
    public void createTable(String table) {
        AzureErrors.run("create of table " + table, () -> service.createTable(table));
    }

    @Override
    public boolean deleteTable(String table) {
        TableClient t = table(table);
        try {
            // The SDK answers a missing table with a 404 response instead of an exception.
            return t.deleteTableWithResponse(null, Context.NONE).getStatusCode() != 404;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("delete of table " + table, e);
        }
    }

    @Override
    public boolean tableExists(String table) {
        return AzureErrors.call("existence check of table " + table, () -> {
            ListTablesOptions o = new ListTablesOptions().setFilter("TableName eq '" + table + "'").setTop(1);
            return service.listTables(o, null, Context.NONE).iterableByPage().iterator().next().getValue().stream()
                    .anyMatch(t -> t.getName().equals(table));
        });
    }

    @Override
    public PagedIterable<TableInfo> listTables(ListOptions options) {
        String prefix = options.prefix();
        return PagedIterable.of((token, size) -> {
            try {
                ListTablesOptions o = new ListTablesOptions().setTop(size).setFilter(prefixFilter(prefix));
                PagedResponse<TableItem> page = service.listTables(o, null, Context.NONE)
                        .iterableByPage(ContinuationTokens.decode(token), size).iterator().next();
                List<TableInfo> items = page.getValue().stream().map(TableItem::getName)
                        .filter(n -> prefix == null || n.startsWith(prefix)).map(TableInfo::new).toList();
                return new Page<>(items, ContinuationTokens.encode(page.getContinuationToken()));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("listing of tables", e);
            }
        }, options.continuationToken(), options.pageSize());
    }

    /** Names starting with the prefix, as a range on TableName (the service has no startswith). */
    private static String prefixFilter(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        String escaped = prefix.replace("'", "''");
        char last = prefix.charAt(prefix.length() - 1);
        if (last == Character.MAX_VALUE) {
            return "TableName ge '" + escaped + "'";
        }
        String upper = (prefix.substring(0, prefix.length() - 1) + (char) (last + 1)).replace("'", "''");
        return "TableName ge '" + escaped + "' and TableName lt '" + upper + "'";
    }

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        TableClient t = table(table);
        return AzureErrors.call("read of entity (" + partitionKey + ", " + rowKey + ") of table " + table, () -> {
            TableEntity e = TableEntities.fromSdk(t.getEntityWithResponse(partitionKey, rowKey, withKeys(select),
                    null, Context.NONE).getValue());
            return select == null ? e : e.select(select);
        });
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        TableClient t = table(table);
        com.azure.data.tables.models.TableEntity sdk = TableEntities.toSdk(entity);
        Tries tries = new Tries();
        try {
            return etag(t.createEntityWithResponse(sdk, null, tries.context()));
        } catch (RuntimeException e) {
            StorageException failure = AzureErrors.translate("insert into table " + table, e);
            if (failure.code() == ErrorCode.ALREADY_EXISTS && tries.ambiguous()) {
                // A try cut off after Azure may have inserted: if the entity is exactly this one, it was ours.
                String[] etags = AppliedWrites.etagsIfApplied(t, List.of(TableAction.insert(entity)));
                if (etags != null) {
                    return etags[0];
                }
            }
            throw failure;
        }
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        TableClient t = table(table);
        com.azure.data.tables.models.TableEntity sdk = TableEntities.toSdk(entity);
        return AzureErrors.call("upsert into table " + table, () ->
                etag(t.upsertEntityWithResponse(sdk, mode(mode), null, Context.NONE)));
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        TableClient t = table(table);
        com.azure.data.tables.models.TableEntity sdk = TableEntities.withEtag(TableEntities.toSdk(entity), ifMatch);
        return AzureErrors.call("update in table " + table, () ->
                etag(t.updateEntityWithResponse(sdk, mode(mode), conditional(ifMatch), null, Context.NONE)));
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        TableClient t = table(table);
        com.azure.data.tables.models.TableEntity keys = TableEntities.withEtag(TableEntities.toSdk(
                TableEntity.of(partitionKey, rowKey)), ifMatch);
        String what = "delete of entity (" + partitionKey + ", " + rowKey + ") of table " + table;
        try {
            int status = t.deleteEntityWithResponse(keys, conditional(ifMatch), null, Context.NONE).getStatusCode();
            if (status == 404) {
                if (conditional(ifMatch)) {
                    throw new StorageException(ErrorCode.NOT_FOUND, what + " failed: the entity does not exist, "
                            + "so it cannot have ETag " + ifMatch, null, 404, "ResourceNotFound", null);
                }
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e) && !conditional(ifMatch)) {
                return false;
            }
            throw AzureErrors.translate(what, e);
        }
    }

    @Override
    public PagedIterable<TableEntity> query(String table, TableQuery query) {
        TableClient t = table(table);
        String serverFilter = ODataFilters.serverFilter(query.filter());
        List<String> select = query.select();
        List<String> asked = select;
        if (select != null && query.filter() != null) {
            Set<String> both = new LinkedHashSet<>(select);
            both.addAll(ODataFilters.properties(query.filter()));
            asked = new ArrayList<>(both);
        }
        List<String> selectFinal = withKeys(asked);
        PagedIterable<TableEntity> paged = PagedIterable.of((token, size) -> {
            try {
                ListEntitiesOptions o = new ListEntitiesOptions().setFilter(serverFilter).setSelect(selectFinal)
                        .setTop(size);
                PagedResponse<com.azure.data.tables.models.TableEntity> page = t.listEntities(o, null, Context.NONE)
                        .iterableByPage(ContinuationTokens.decode(token), size).iterator().next();
                List<TableEntity> items = new ArrayList<>();
                for (com.azure.data.tables.models.TableEntity sdk : page.getValue()) {
                    TableEntity e = TableEntities.fromSdk(sdk);
                    if (query.filter() == null || query.filter().test(e)) {
                        items.add(select == null ? e : e.select(select));
                    }
                }
                return new Page<>(items, ContinuationTokens.encode(page.getContinuationToken()));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("query of table " + table, e);
            }
        }, query.continuationToken(), query.pageSize());
        return query.top() == null ? paged : paged.limit(query.top());
    }

    /** A {@code $select} returns only what it names: keys and timestamp are always needed. */
    private static List<String> withKeys(List<String> select) {
        if (select == null) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>(List.of(TableEntity.PARTITION_KEY, TableEntity.ROW_KEY,
                TableEntity.TIMESTAMP));
        all.addAll(select);
        return new ArrayList<>(all);
    }

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        return TableTransactions.submit(table(table), table, actions, true);
    }

    @Override
    public void submitTransactionWithoutEtags(String table, List<TableAction> actions) {
        TableTransactions.submit(table(table), table, actions, false);
    }

    static TableEntityUpdateMode mode(UpdateMode mode) {
        return mode == UpdateMode.REPLACE ? TableEntityUpdateMode.REPLACE : TableEntityUpdateMode.MERGE;
    }

    /** Whether an ifMatch names a real ETag (null and "*" mean any). */
    static boolean conditional(String ifMatch) {
        return ifMatch != null && !ifMatch.equals("*");
    }

    private static String etag(Response<?> r) {
        return normalizeEtag(r.getHeaders().getValue("ETag"));
    }

    /**
     * An ETag as conditions need it. Azurite answers some writes with the closing quote missing
     * ({@code W/"datetime'...'}); a weak ETag always ends with one, so it is put back.
     */
    static String normalizeEtag(String etag) {
        if (etag != null && etag.startsWith("W/\"") && !etag.endsWith("\"")) {
            return etag + "\"";
        }
        return etag;
    }
}
