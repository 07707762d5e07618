package io.unistore.azure;

import com.azure.core.util.Context;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tells whether table writes that failed after an ambiguous try (see {@link Tries}) were in fact applied by that
 * try: a retried insert answered "already exists", a retried transaction answered "already exists" or "condition
 * not met". The table is read, and the call counts as done only when every entity is exactly as the call would
 * have left it (inserted and replaced entities equal to what was sent, merged properties present with the values
 * sent, deleted entities absent). Anything else is a real conflict and is reported as such. (Another client
 * writing the very same values in that instant cannot be told apart, and leaves the same state.)
 */
final class AppliedWrites {
    private AppliedWrites() {
    }

    /**
     * The ETags of the actions' entities (null for deletes) when the table holds what they would have written, or
     * null when it does not. All actions share one partition.
     */
    static String[] etagsIfApplied(TableClient client, List<TableAction> actions) {
        Map<String, TableEntity> stored = read(client, actions);
        String[] etags = new String[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            TableAction a = actions.get(i);
            TableEntity s = stored.get(a.rowKey());
            if (!holds(a, s)) {
                return null;
            }
            etags[i] = s == null ? null : AzureTableStore.normalizeEtag(s.etag());
        }
        return etags;
    }

    /** Whether the stored entity (null: absent) is what the action leaves. */
    static boolean holds(TableAction a, TableEntity stored) {
        return switch (a.type()) {
            case DELETE -> stored == null;
            case INSERT, UPSERT_REPLACE, UPDATE_REPLACE -> stored != null
                    && stored.propertyNames().equals(a.entity().propertyNames()) && sameValues(a.entity(), stored);
            case UPSERT_MERGE, UPDATE_MERGE -> stored != null && sameValues(a.entity(), stored);
        };
    }

    /** Every property of {@code sent} has the same value in {@code stored}, as Azure keeps it. */
    private static boolean sameValues(TableEntity sent, TableEntity stored) {
        for (Map.Entry<String, Object> p : sent.properties().entrySet()) {
            Object mine = p.getValue();
            Object theirs = stored.properties().get(p.getKey());
            if (mine instanceof Instant i) {
                mine = TableEntities.to100ns(i);
            }
            if (mine instanceof byte[] a && theirs instanceof byte[] b) {
                if (!java.util.Arrays.equals(a, b)) {
                    return false;
                }
            } else if (mine instanceof Double a && theirs instanceof Double b) {
                if (Double.compare(a, b) != 0 && !(a == 0.0 && b == 0.0)) {
                    return false;
                }
            } else if (!Objects.equals(mine, theirs)) {
                return false;
            }
        }
        return true;
    }

    /** The actions' entities as stored, by RowKey: one query over their RowKey range. */
    private static Map<String, TableEntity> read(TableClient client, List<TableAction> actions) {
        String min = null;
        String max = null;
        for (TableAction a : actions) {
            min = min == null || a.rowKey().compareTo(min) < 0 ? a.rowKey() : min;
            max = max == null || a.rowKey().compareTo(max) > 0 ? a.rowKey() : max;
        }
        String filter = "PartitionKey eq " + quote(actions.get(0).partitionKey()) + " and RowKey ge " + quote(min)
                + " and RowKey le " + quote(max);
        Map<String, TableEntity> out = new HashMap<>();
        for (com.azure.data.tables.models.TableEntity e : client.listEntities(new ListEntitiesOptions()
                .setFilter(filter), null, Context.NONE)) {
            out.put(e.getRowKey(), TableEntities.fromSdk(e));
        }
        return out;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
