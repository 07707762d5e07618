package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds anomalies in a table, naming the entities: per numeric property robust outliers ({@link RobustStats}),
 * rare values of categorical string properties, values whose type differs from the property's usual one,
 * entities lacking a property nearly all others have, and on {@code Timestamp} (or other date-time properties)
 * gaps and write-rate changes ({@link TimeAnomalies}). Reads up to {@code maxEntities} entities in key order.
 */
public final class TableAnomalies {
    /** A property must occur this often to be judged; fewer values say nothing robust. */
    static final int MIN_VALUES = 20;

    private TableAnomalies() {
    }

    /**
     * Scans the table.
     *
     * @param maxEntities the most entities to read, 1 to 1,000,000
     * @param timeProperties the date-time series to check for gaps and rate changes ({@code Timestamp}: the
     *        service's write time)
     * @param minGap the shortest pause reported as a gap
     */
    public static AnomalyReport detect(StorageAccount account, String table, int maxEntities,
                                       List<String> timeProperties, Duration minGap) {
        if (maxEntities < 1 || maxEntities > 1_000_000) {
            throw StorageException.invalidArgument("maxEntities", "must be 1 to 1000000, was " + maxEntities);
        }
        if (minGap == null || minGap.isNegative()) {
            throw StorageException.invalidArgument("minGap", "must be zero or more");
        }
        List<TableEntity> rows = new ArrayList<>();
        boolean truncated = false;
        for (TableEntity e : account.tables().query(table, TableQuery.all().withPageSize(1000))) {
            if (rows.size() == maxEntities) {
                truncated = true;
                break;
            }
            rows.add(e);
        }
        List<Anomaly> out = new ArrayList<>();
        Map<String, Map<PropertyType, List<TableEntity>>> byType = new LinkedHashMap<>();
        for (TableEntity e : rows) {
            for (String name : e.propertyNames()) {
                byType.computeIfAbsent(name, k -> new EnumMap<>(PropertyType.class))
                        .computeIfAbsent(e.typeOf(name), k -> new ArrayList<>()).add(e);
            }
        }
        byType.forEach((name, types) -> {
            missing(name, types, rows, out);
            typeInconsistency(name, types, out);
            numeric(name, types, out);
            rare(name, types.getOrDefault(PropertyType.STRING, List.of()), out);
        });
        for (String time : timeProperties == null ? List.of(TableEntity.TIMESTAMP) : timeProperties) {
            List<TimeAnomalies.Point> points = new ArrayList<>();
            for (TableEntity e : rows) {
                Instant t = time.equals(TableEntity.TIMESTAMP) ? e.timestamp()
                        : e.get(time) instanceof Instant i ? i : null;
                if (t != null) {
                    points.add(new TimeAnomalies.Point(t, key(e)));
                }
            }
            out.addAll(TimeAnomalies.find(time, points, minGap));
        }
        return new AnomalyReport(table, rows.size(), truncated, out);
    }

    static String key(TableEntity e) {
        return e.partitionKey() + "/" + e.rowKey();
    }

    private static int count(Map<PropertyType, List<TableEntity>> types) {
        return types.values().stream().mapToInt(List::size).sum();
    }

    private static void missing(String name, Map<PropertyType, List<TableEntity>> types, List<TableEntity> rows,
                                List<Anomaly> out) {
        int have = count(types);
        int lack = rows.size() - have;
        if (have >= MIN_VALUES && lack > 0 && have >= 0.95 * rows.size()) {
            List<String> keys = rows.stream().filter(e -> !e.has(name)).map(TableAnomalies::key).toList();
            out.add(new Anomaly("missing-property", name, lack + " entities lack '" + name + "', which "
                    + have + " of " + rows.size() + " have", keys, lack, TableKeyAdvisor.evidence("present", have,
                    "missing", lack, "share", TableKeyAdvisor.round(have / (double) rows.size()))));
        }
    }

    private static void typeInconsistency(String name, Map<PropertyType, List<TableEntity>> types,
                                          List<Anomaly> out) {
        int total = count(types);
        PropertyType dominant = types.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingInt(List::size))).map(Map.Entry::getKey).orElse(null);
        if (dominant == null || types.size() < 2 || total < MIN_VALUES) {
            return;
        }
        int main = types.get(dominant).size();
        if (main < 0.9 * total) {
            return;
        }
        types.forEach((type, entities) -> {
            if (type != dominant) {
                out.add(new Anomaly("type-inconsistency", name, entities.size() + " entities hold '" + name
                        + "' as " + type + " where " + main + " of " + total + " hold it as " + dominant,
                        entities.stream().map(TableAnomalies::key).toList(), entities.size(),
                        TableKeyAdvisor.evidence("type", type.name(), "dominantType", dominant.name(),
                                "dominantCount", main, "count", entities.size())));
            }
        });
    }

    private static void numeric(String name, Map<PropertyType, List<TableEntity>> types, List<Anomaly> out) {
        List<TableEntity> numbers = new ArrayList<>();
        for (PropertyType t : List.of(PropertyType.INT32, PropertyType.INT64, PropertyType.DOUBLE)) {
            numbers.addAll(types.getOrDefault(t, List.of()));
        }
        if (numbers.size() < MIN_VALUES) {
            return;
        }
        double[] v = numbers.stream().mapToDouble(e -> ((Number) e.get(name)).doubleValue())
                .filter(Double::isFinite).toArray();
        RobustStats s = RobustStats.of(v, 0);
        List<String> keys = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (TableEntity e : numbers) {
            double x = ((Number) e.get(name)).doubleValue();
            if (Double.isFinite(x) && s.outlier(x)) {
                keys.add(key(e));
                values.add(x);
            }
        }
        // Values off a spread that is mostly zero are only anomalies when rare.
        if (!keys.isEmpty() && keys.size() <= Math.max(3, 0.01 * numbers.size())) {
            out.add(new Anomaly("numeric-outlier", name, keys.size() + " value(s) of '" + name + "' lie far out: "
                    + values.subList(0, Math.min(5, values.size())) + " against a median of " + s.median()
                    + " (MAD " + s.mad() + ", quartiles " + s.q1() + " and " + s.q3() + ")", keys, keys.size(),
                    TableKeyAdvisor.evidence("median", s.median(), "mad", s.mad(), "q1", s.q1(), "q3", s.q3(),
                            "values", values.subList(0, Math.min(20, values.size())), "rule",
                            "robust z > 3.5 and beyond 3 IQR")));
        }
    }

    private static void rare(String name, List<TableEntity> strings, List<Anomaly> out) {
        if (strings.size() < 50) {
            return;
        }
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        for (TableEntity e : strings) {
            byValue.computeIfAbsent(e.getString(name), k -> new ArrayList<>()).add(key(e));
        }
        if (byValue.size() > 50 || byValue.size() * 10 > strings.size()) {
            return;
        }
        double[] counts = byValue.values().stream().mapToDouble(List::size).sorted().toArray();
        double median = RobustStats.quantile(counts, 0.5);
        double limit = Math.max(2, 0.005 * strings.size());
        byValue.forEach((value, keys) -> {
            if (keys.size() <= limit && keys.size() * 20 <= median) {
                out.add(new Anomaly("rare-value", name, "'" + name + "' = '" + value + "' occurs " + keys.size()
                        + " time(s) where its " + byValue.size() + " values occur " + median + " times at the median",
                        keys, keys.size(), TableKeyAdvisor.evidence("value", value, "count", keys.size(),
                        "medianCount", median, "distinctValues", byValue.size())));
            }
        });
    }
}
