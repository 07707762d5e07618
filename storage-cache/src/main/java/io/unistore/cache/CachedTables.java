package io.unistore.cache;

import io.unistore.spi.ForwardingTableBackend;
import io.unistore.spi.TableBackend;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.util.List;

/** The table store of a {@link CacheLayer}: whole entities by key, dropped by every write to them. */
final class CachedTables extends ForwardingTableBackend {
    private final ReadCache cache;
    private final String account;

    CachedTables(TableBackend delegate, ReadCache cache, String account) {
        super(delegate);
        this.cache = cache;
        this.account = account;
    }

    private ReadCache.Key key(String table, String partitionKey, String rowKey) {
        // The account is part of the key: one layer instance may be stacked on several accounts.
        return new ReadCache.Key(CachedKind.ENTITY, account + "\n" + table, partitionKey, rowKey);
    }

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        if (select != null && !select.isEmpty()) {
            return super.getEntity(table, partitionKey, rowKey, select);
        }
        return cache.get(key(table, partitionKey, rowKey), () -> super.getEntity(table, partitionKey, rowKey, select),
                Weights::entity);
    }

    @Override
    public boolean deleteTable(String table) {
        try {
            return super.deleteTable(table);
        } finally {
            String scope = account + "\n" + table;
            cache.invalidateIf(k -> k.kind() == CachedKind.ENTITY && k.scope().equals(scope));
        }
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        try {
            return super.insertEntity(table, entity);
        } finally {
            cache.invalidate(key(table, entity.partitionKey(), entity.rowKey()));
        }
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        try {
            return super.upsertEntity(table, entity, mode);
        } finally {
            cache.invalidate(key(table, entity.partitionKey(), entity.rowKey()));
        }
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        try {
            return super.updateEntity(table, entity, mode, ifMatch);
        } finally {
            cache.invalidate(key(table, entity.partitionKey(), entity.rowKey()));
        }
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        try {
            return super.deleteEntity(table, partitionKey, rowKey, ifMatch);
        } finally {
            cache.invalidate(key(table, partitionKey, rowKey));
        }
    }

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        try {
            return super.submitTransaction(table, actions);
        } finally {
            actions.forEach(a -> cache.invalidate(key(table, a.partitionKey(), a.rowKey())));
        }
    }
}
