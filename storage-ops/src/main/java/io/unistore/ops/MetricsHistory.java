package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics history: each {@link StorageMetrics} run written as rows of a table in any account (one row per
 * run and measured item), read back by {@link StorageAnalytics}.
 *
 * <p>Row layout: PartitionKey the {@code source} (a label of the measured account, e.g. its name in the MCP
 * config); RowKey the run's instant as 19-digit epoch milliseconds, then {@code .kind.name} (kind {@code container},
 * {@code table}, {@code queue} or {@code share}), so a range of time is a RowKey range. Properties: {@code Kind},
 * {@code Name}, {@code MeasuredAt}, {@code Objects} (blobs, entities, messages or files), {@code Bytes} (containers
 * and shares), {@code Estimated}, and per tier of a container {@code TierObjects_HOT} and {@code TierBytes_HOT}.
 */
public final class MetricsHistory {
    /** The table name used when none is given. */
    public static final String DEFAULT_TABLE = "unistoremetrics";
    static final String TIER_OBJECTS = "TierObjects_";
    static final String TIER_BYTES = "TierBytes_";

    private MetricsHistory() {
    }

    /** One measured item of one run, as stored. */
    public record Sample(Instant measuredAt, String kind, String name, long objects, long bytes,
                         Map<String, ContainerMetrics.Counts> byTier) {
        public Sample {
            byTier = Map.copyOf(byTier);
        }
    }

    /**
     * Writes one row per measured item of the result (an interrupted result is refused: its figures are partial).
     * The table is created when missing.
     *
     * @return the rows written
     * @throws StorageException INVALID_ARGUMENT naming {@code source} or {@code table}, or when interrupted
     */
    public static int record(StorageAccount history, String table, String source, MetricsResult result) {
        checkSource(source);
        String t = table == null ? DEFAULT_TABLE : table;
        if (result.interrupted()) {
            throw StorageException.invalidArgument("record", "an interrupted run has partial figures and is not "
                    + "recorded");
        }
        List<TableEntity> rows = new ArrayList<>();
        Instant at = result.measuredAt();
        for (ContainerMetrics c : result.containers()) {
            TableEntity.Builder b = row(source, at, "container", c.name(), c.objects(), c.bytes())
                    .put("Estimated", c.estimated());
            c.byTier().forEach((tier, n) -> b.put(TIER_OBJECTS + tier, n.objects()).put(TIER_BYTES + tier, n.bytes()));
            rows.add(b.build());
        }
        result.tables().forEach(m -> rows.add(row(source, at, "table", m.name(), m.entities(), 0).build()));
        result.queues().forEach(m -> rows.add(row(source, at, "queue", m.name(), m.approximateMessages(), 0)
                .put("OldestMessageAgeSeconds", m.oldestMessageAgeSeconds()).build()));
        result.shares().forEach(m -> rows.add(row(source, at, "share", m.name(), m.files(), m.bytes())
                .put("UsedPercent", m.usedPercent()).build()));
        if (rows.isEmpty()) {
            return 0;
        }
        history.tables().createTableIfNotExists(t);
        for (TableEntity row : rows) {
            history.tables().upsertEntity(t, row, UpdateMode.REPLACE);
        }
        return rows.size();
    }

    /**
     * The samples of a source between two instants (inclusive; null: unbounded), oldest first.
     *
     * @throws StorageException NOT_FOUND when the table does not exist
     */
    public static List<Sample> read(StorageAccount history, String table, String source, Instant from, Instant to) {
        checkSource(source);
        String t = table == null ? DEFAULT_TABLE : table;
        if (!history.tables().tableExists(t)) {
            throw StorageException.notFound("metrics history table '" + t + "' (record a run first: "
                    + "get-storage-metrics with record: true)");
        }
        StringBuilder f = new StringBuilder("PartitionKey eq '" + source.replace("'", "''") + "'");
        if (from != null) {
            f.append(" and RowKey ge '").append(millis(from)).append("'");
        }
        if (to != null) {
            f.append(" and RowKey lt '").append(millis(to.plusMillis(1))).append("'");
        }
        List<Sample> samples = new ArrayList<>();
        for (TableEntity e : history.tables().query(t, TableQuery.where(Filter.parse(f.toString())))) {
            Map<String, ContainerMetrics.Counts> tiers = new LinkedHashMap<>();
            for (String p : e.propertyNames()) {
                if (p.startsWith(TIER_OBJECTS)) {
                    String tier = p.substring(TIER_OBJECTS.length());
                    tiers.put(tier, new ContainerMetrics.Counts(number(e, p), number(e, TIER_BYTES + tier)));
                }
            }
            samples.add(new Sample(e.getDateTime("MeasuredAt"), e.getString("Kind"), e.getString("Name"),
                    number(e, "Objects"), number(e, "Bytes"), tiers));
        }
        return samples;
    }

    private static TableEntity.Builder row(String source, Instant at, String kind, String name, long objects,
                                           long bytes) {
        return TableEntity.builder(source, millis(at) + "." + kind + "." + name).put("Kind", kind).put("Name", name)
                .put("MeasuredAt", at).put("Objects", objects).put("Bytes", bytes);
    }

    private static String millis(Instant at) {
        return String.format("%019d", at.toEpochMilli());
    }

    private static long number(TableEntity e, String p) {
        Object v = e.get(p);
        return v instanceof Number n ? n.longValue() : 0;
    }

    static void checkSource(String source) {
        if (source == null || source.isBlank()) {
            throw StorageException.invalidArgument("source", "is required (a label of the measured account)");
        }
        if (source.length() > 200 || !source.chars().allMatch(c -> c > 0x1f && c != 0x7f && "/\\#?".indexOf(c) < 0)) {
            throw StorageException.invalidArgument("source", "must be 1-200 characters without / \\ # ? or control "
                    + "characters");
        }
    }
}
