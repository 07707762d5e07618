package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Advice on a table's keys from a sample spread over its key space ({@link KeyRanges} finds where to start
 * reading): partition cardinality and skew, keys that grow with time (every write appends to one partition or
 * one end of it), properties whose type varies, and properties queries filter on (from filters given, such as an
 * audit log's).
 */
public final class TableKeyAdvisor {
    private static final int STARTS = 8;

    private TableKeyAdvisor() {
    }

    /**
     * Advises on a table.
     *
     * @param sampleSize entities to read, 1 to 100,000
     * @param queryFilters OData filters the table's queries use (may be empty)
     */
    public static KeyAdvice advise(StorageAccount account, String table, int sampleSize, List<String> queryFilters) {
        if (sampleSize < 1 || sampleSize > 100_000) {
            throw StorageException.invalidArgument("sampleSize", "must be 1 to 100000, was " + sampleSize);
        }
        List<TableEntity> sample = sample(account, table, sampleSize);
        List<Recommendation> out = new ArrayList<>();
        Map<String, Integer> perPartition = new HashMap<>();
        sample.forEach(e -> perPartition.merge(e.partitionKey(), 1, Integer::sum));
        Map.Entry<String, Integer> top = perPartition.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElse(null);
        double share = top == null ? 0 : top.getValue() / (double) sample.size();
        if (top != null && sample.size() >= 100 && perPartition.size() > 1 && share >= 0.5) {
            out.add(new Recommendation("hot-partition", "high", "partition '" + top.getKey() + "' holds "
                    + pct(share) + " of the sampled entities: its reads and writes share one partition's throughput",
                    evidence("sampled", sample.size(), "partitions", perPartition.size(), "largestPartition",
                            top.getKey(), "largestPartitionEntities", top.getValue(), "share", round(share)),
                    "spread it: prefix the PartitionKey with a bucket (e.g. hash(RowKey) mod 16) or use a more "
                            + "selective property as the PartitionKey"));
        }
        if (sample.size() >= 1000 && perPartition.size() < 10) {
            out.add(new Recommendation("few-partitions", perPartition.size() == 1 ? "high" : "medium",
                    "only " + perPartition.size() + " partition(s) among " + sample.size() + " sampled entities: "
                            + "writes and queries cannot spread over partitions",
                    evidence("sampled", sample.size(), "partitions", perPartition.size()),
                    "choose a PartitionKey with many values that queries still name (tenant, device, day+bucket)"));
        }
        monotonic(sample, perPartition.size()).forEach(out::add);
        mixedTypes(account, table, sample).forEach(out::add);
        filtered(queryFilters, sample.size()).forEach(out::add);
        out.sort(Comparator.comparingInt(r -> List.of("high", "medium", "low").indexOf(r.severity())));
        return new KeyAdvice(table, sample.size(), perPartition.size(), round(share), out);
    }

    /** Up to {@code size} entities read from several places of the key space, in key order. */
    static List<TableEntity> sample(StorageAccount account, String table, int size) {
        List<String> cuts = new KeyRanges().split(account.tables(), table, STARTS, 3 * STARTS + 30);
        List<String> starts = new ArrayList<>();
        starts.add(null);
        starts.addAll(cuts);
        List<TableEntity> out = new ArrayList<>();
        int each = Math.max(1, size / starts.size());
        for (int i = 0; i < starts.size() && out.size() < size; i++) {
            int want = i == starts.size() - 1 ? size - out.size() : Math.min(each, size - out.size());
            Filter f = null;
            if (starts.get(i) != null) {
                f = Filter.ge(TableEntity.PARTITION_KEY, starts.get(i));
            }
            if (i + 1 < starts.size()) {
                Filter lt = Filter.lt(TableEntity.PARTITION_KEY, starts.get(i + 1));
                f = f == null ? lt : f.and(lt);
            }
            for (TableEntity e : account.tables().query(table, TableQuery.all().withFilter(f).withTop(want)
                    .withPageSize(Math.min(1000, want)))) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Recommendation> monotonic(List<TableEntity> sample, int partitions) {
        List<TableEntity> byTime = sample.stream().filter(e -> e.timestamp() != null)
                .sorted(Comparator.comparing(TableEntity::timestamp)).toList();
        List<Recommendation> out = new ArrayList<>();
        if (byTime.size() < 50) {
            return out;
        }
        int pkSteps = 0;
        int pkUp = 0;
        Map<String, TableEntity> lastInPartition = new HashMap<>();
        int rkSteps = 0;
        int rkUp = 0;
        for (int i = 0; i < byTime.size(); i++) {
            TableEntity e = byTime.get(i);
            if (i > 0) {
                int c = e.partitionKey().compareTo(byTime.get(i - 1).partitionKey());
                if (c != 0) {
                    pkSteps++;
                    if (c > 0) {
                        pkUp++;
                    }
                }
            }
            TableEntity prev = lastInPartition.put(e.partitionKey(), e);
            if (prev != null && !prev.timestamp().equals(e.timestamp())) {
                rkSteps++;
                if (e.rowKey().compareTo(prev.rowKey()) > 0) {
                    rkUp++;
                }
            }
        }
        if (partitions >= 3 && pkSteps >= 10 && pkUp >= 0.95 * pkSteps) {
            out.add(new Recommendation("monotonic-partition-key", "high", "PartitionKeys grow with write time ("
                    + pct(pkUp / (double) pkSteps) + " of partition changes in write order go up): every new write "
                    + "lands in the newest partition", evidence("partitionChanges", pkSteps, "increasing", pkUp,
                    "newestPartition", byTime.get(byTime.size() - 1).partitionKey()),
                    "do not key partitions by time alone: prefix a bucket (e.g. hash(id) mod 16) to the time"));
        }
        if (rkSteps >= 20 && rkUp >= 0.95 * rkSteps) {
            out.add(new Recommendation("monotonic-row-key", partitions < 10 ? "medium" : "low", "RowKeys grow with "
                    + "write time within partitions (" + pct(rkUp / (double) rkSteps) + "): writes append to the end "
                    + "of " + (partitions < 10 ? "few partitions" : "each partition"), evidence("steps", rkSteps,
                    "increasing", rkUp, "partitions", partitions),
                    "if newest-first reads matter, use a reversed time (max - ticks) as RowKey; spread appends over "
                            + "more partitions"));
        }
        return out;
    }

    private static List<Recommendation> mixedTypes(StorageAccount account, String table, List<TableEntity> sample) {
        List<Recommendation> out = new ArrayList<>();
        TableSchema schema = account.tables().inferSchema(table, Math.max(1, Math.min(sample.size(), 1000)));
        for (TableSchema.PropertySchema p : schema.properties()) {
            if (p.mixedTypes()) {
                Map<String, Object> types = new LinkedHashMap<>();
                p.types().forEach((t, n) -> types.put(t.name(), n));
                out.add(new Recommendation("mixed-types", "medium", "property '" + p.name() + "' has several types "
                        + types + ": filters compare only values of the literal's type, so some entities never match",
                        evidence("property", p.name(), "types", types, "dominantType", p.dominantType().name()),
                        "cast it to " + p.dominantType().name() + " with transform-table-schema "
                                + "({\"op\":\"cast\",\"property\":\"" + p.name() + "\",\"type\":\""
                                + p.dominantType().name() + "\"})"));
            }
        }
        return out;
    }

    private static List<Recommendation> filtered(List<String> filters, int sampled) {
        List<Recommendation> out = new ArrayList<>();
        if (filters == null || filters.isEmpty()) {
            return out;
        }
        Map<String, Integer> uses = new LinkedHashMap<>();
        Map<String, Integer> equalities = new HashMap<>();
        int withPartition = 0;
        for (int i = 0; i < filters.size(); i++) {
            Filter f;
            try {
                f = Filter.parse(filters.get(i));
            } catch (StorageException e) {
                throw StorageException.invalidArgument("queryFilters[" + i + "]", e.getMessage());
            }
            Map<String, Filter.Operator> terms = new LinkedHashMap<>();
            terms(f, terms);
            if (terms.containsKey(TableEntity.PARTITION_KEY) && terms.get(TableEntity.PARTITION_KEY)
                    == Filter.Operator.EQ) {
                withPartition++;
            }
            for (Map.Entry<String, Filter.Operator> t : terms.entrySet()) {
                if (!Set.of(TableEntity.PARTITION_KEY, TableEntity.ROW_KEY, TableEntity.TIMESTAMP)
                        .contains(t.getKey())) {
                    uses.merge(t.getKey(), 1, Integer::sum);
                    if (t.getValue() == Filter.Operator.EQ) {
                        equalities.merge(t.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        int n = filters.size();
        for (Map.Entry<String, Integer> u : uses.entrySet()) {
            double share = u.getValue() / (double) n;
            if (u.getValue() >= 2 && share >= 0.2) {
                int eq = equalities.getOrDefault(u.getKey(), 0);
                boolean asKey = eq >= 0.8 * n && withPartition < 0.2 * n;
                out.add(new Recommendation("filtered-property", share >= 0.5 ? "high" : "medium", pct(share)
                        + " of the queries filter on '" + u.getKey() + "', which is no key: each scans the table",
                        evidence("queries", n, "filteringOnIt", u.getValue(), "equalities", eq,
                                "namingAPartition", withPartition, "sampledEntities", sampled),
                        asKey ? "make '" + u.getKey() + "' (part of) the PartitionKey, since nearly every query "
                                + "names one value of it; or create-index on it"
                                : "create-index on '" + u.getKey() + "' so these queries read only their matches"));
            }
        }
        return out;
    }

    private static void terms(Filter f, Map<String, Filter.Operator> out) {
        if (f instanceof Filter.Comparison c) {
            out.putIfAbsent(c.property(), c.operator());
        } else if (f instanceof Filter.And a) {
            terms(a.left(), out);
            terms(a.right(), out);
        } else if (f instanceof Filter.Or o) {
            terms(o.left(), out);
            terms(o.right(), out);
        } else if (f instanceof Filter.Not x) {
            terms(x.operand(), out);
        }
    }

    static Map<String, Object> evidence(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String pct(double share) {
        return Math.round(share * 100) + "%";
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
