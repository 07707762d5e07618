package io.unistore.ops;

import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A secondary index of a table, as stored in the account's system table {@value IndexCatalog#SYSTEM_TABLE}.
 *
 * @param table the indexed table
 * @param name the index's name (unique per table)
 * @param properties the indexed properties, in key order
 * @param indexTable the table holding its rows
 * @param state {@code building} until the first build finished (writers keep it, queries do not use it), then
 *        {@code ready}
 * @param created when it was declared
 * @param rebuildCursor the base key a running or interrupted rebuild reached ({@code PartitionKey/RowKey}; keys
 *        hold no {@code /}), or null
 */
public record TableIndex(String table, String name, List<String> properties, String indexTable, String state,
                         Instant created, String rebuildCursor) {
    /** The state of an index whose first build has not finished. */
    public static final String BUILDING = "building";
    /** The state of an index queries use. */
    public static final String READY = "ready";

    public TableIndex {
        properties = List.copyOf(properties);
    }

    /** Whether queries may use it. */
    public boolean ready() {
        return READY.equals(state);
    }

    TableIndex withState(String value) {
        return new TableIndex(table, name, properties, indexTable, value, created, rebuildCursor);
    }

    TableIndex withCursor(String value) {
        return new TableIndex(table, name, properties, indexTable, state, created, value);
    }

    TableEntity toEntity() {
        TableEntity.Builder b = TableEntity.builder(table, name).put("Properties", String.join(",", properties))
                .put("IndexTable", indexTable).put("State", state).put("Created", created);
        if (rebuildCursor != null) {
            b.put("RebuildCursor", rebuildCursor);
        }
        return b.build();
    }

    static TableIndex fromEntity(TableEntity e) {
        return new TableIndex(e.partitionKey(), e.rowKey(), Arrays.asList(e.getString("Properties").split(",")),
                e.getString("IndexTable"), e.getString("State"), e.getDateTime("Created"),
                e.getString("RebuildCursor") == null || e.getString("RebuildCursor").isEmpty() ? null
                        : e.getString("RebuildCursor"));
    }
}
