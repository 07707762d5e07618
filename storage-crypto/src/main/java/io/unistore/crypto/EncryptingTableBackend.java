package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.spi.ForwardingTableBackend;
import io.unistore.spi.TableBackend;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.util.List;

/**
 * Chosen table properties encrypted on the client, each value on its own ({@link SealedProperty}): written
 * sealed, read back as the value and type written. A query filtering on an encrypted property is refused (the
 * service only sees ciphertext, which no comparison can use).
 */
final class EncryptingTableBackend extends ForwardingTableBackend {
    private final KeySource keys;
    private final EncryptedProperties properties;
    private final boolean requireEncryption;

    EncryptingTableBackend(TableBackend delegate, KeySource keys, EncryptedProperties properties,
                           boolean requireEncryption) {
        super(delegate);
        this.keys = keys;
        this.properties = properties;
        this.requireEncryption = requireEncryption;
    }

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        TableEntity stored = super.getEntity(table, partitionKey, rowKey, select);
        return stored == null ? null : open(table, stored);
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        return super.insertEntity(table, seal(table, entity));
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        return super.upsertEntity(table, seal(table, entity), mode);
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        return super.updateEntity(table, seal(table, entity), mode, ifMatch);
    }

    @Override
    public PagedIterable<TableEntity> query(String table, TableQuery query) {
        refuseFilterOnEncrypted(table, query.filter());
        return super.query(table, query).map(e -> open(table, e));
    }

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        return super.submitTransaction(table, actions.stream().map(a -> a.type() == TableAction.Type.DELETE ? a
                : new TableAction(a.type(), seal(table, a.entity()), a.ifMatch())).toList());
    }

    private TableEntity seal(String table, TableEntity entity) {
        TableEntity.Builder b = null;
        for (String name : entity.propertyNames()) {
            if (properties.encrypted(table, name)) {
                b = b == null ? entity.toBuilder() : b;
                b.put(name, SealedProperty.seal(entity.get(name), entity.typeOf(name), keys, table,
                        entity.partitionKey(), entity.rowKey(), name));
            }
        }
        return b == null ? entity : b.build();
    }

    private TableEntity open(String table, TableEntity stored) {
        TableEntity.Builder b = null;
        for (String name : stored.propertyNames()) {
            if (!properties.encrypted(table, name)) {
                continue;
            }
            Object value = stored.get(name);
            if (SealedProperty.sealed(value)) {
                b = b == null ? stored.toBuilder() : b;
                b.put(name, SealedProperty.open((String) value, keys, table, stored.partitionKey(), stored.rowKey(),
                        name));
            } else if (requireEncryption) {
                throw new StorageException(ErrorCode.PERMISSION_DENIED, "property " + name + " of entity ("
                        + stored.partitionKey() + ", " + stored.rowKey() + ") in table " + table + " is not "
                        + "encrypted, and the encryption layer requires encryption (encryption.required=true)");
            }
        }
        return b == null ? stored : b.build();
    }

    private void refuseFilterOnEncrypted(String table, Filter filter) {
        if (filter instanceof Filter.Comparison c && properties.encrypted(table, c.property())) {
            throw StorageException.invalidArgument("filter", "compares property " + c.property() + " of table "
                    + table + ", which the encryption layer encrypts: the service sees only ciphertext, so it "
                    + "cannot filter on it (filter on other properties and test it after reading)");
        } else if (filter instanceof Filter.And a) {
            refuseFilterOnEncrypted(table, a.left());
            refuseFilterOnEncrypted(table, a.right());
        } else if (filter instanceof Filter.Or o) {
            refuseFilterOnEncrypted(table, o.left());
            refuseFilterOnEncrypted(table, o.right());
        } else if (filter instanceof Filter.Not n) {
            refuseFilterOnEncrypted(table, n.operand());
        }
    }
}
