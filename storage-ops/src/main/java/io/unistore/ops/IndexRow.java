package io.unistore.ops;

import io.unistore.table.TableEntity;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of an index: in table {@code indexTable}, keyed by the encoded values ({@link IndexKeys#valueKey}) and
 * a hash of the base keys, pointing at the base entity.
 */
record IndexRow(String indexTable, String partitionKey, String rowKey, String basePartitionKey,
                String baseRowKey) {
    static final String BASE_PK = "BasePartitionKey";
    static final String BASE_RK = "BaseRowKey";
    /** True from before the base write until after it: a row a crash may have left stale. */
    static final String PENDING = "Pending";

    /** The rows an entity has in the indexes (none for an absent entity). */
    static List<IndexRow> of(List<TableIndex> indexes, TableEntity entity) {
        List<IndexRow> rows = new ArrayList<>();
        if (entity == null) {
            return rows;
        }
        for (TableIndex index : indexes) {
            IndexRow r = of(index, entity);
            if (r != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The row of an entity in one index, or null when it lacks the index's first property. */
    static IndexRow of(TableIndex index, TableEntity entity) {
        List<Object> values = IndexKeys.values(entity, index.properties());
        if (values == null) {
            return null;
        }
        return new IndexRow(index.indexTable(), IndexKeys.valueKey(values),
                IndexKeys.baseKey(entity.partitionKey(), entity.rowKey()), entity.partitionKey(), entity.rowKey());
    }

    static IndexRow fromEntity(String indexTable, TableEntity e) {
        return new IndexRow(indexTable, e.partitionKey(), e.rowKey(), e.getString(BASE_PK), e.getString(BASE_RK));
    }

    TableEntity toEntity(boolean pending) {
        return TableEntity.builder(partitionKey, rowKey).put(BASE_PK, basePartitionKey).put(BASE_RK, baseRowKey)
                .put(PENDING, pending).build();
    }
}
