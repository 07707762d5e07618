package io.unistore.ops;

import io.unistore.blob.BlobProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Counts the blobs of one container as a listing streams past, in memory bounded by the options (prefix groups,
 * top N), never by the number of blobs. A sampled blob counts with a weight (1 / sampling probability), so the
 * totals are Horvitz-Thompson estimates.
 */
final class BlobTally {
    /** Upper bounds (exclusive, in days) of the age buckets; the last bucket is open. */
    static final int[] AGE_LIMITS = {7, 30, 90, 180, 365};
    static final String NO_TIER = "NONE";
    static final String ROOT = "(root)";
    static final String OTHER = "(other)";

    private final String container;
    private final Instant now;
    private final int prefixDepth;
    private final int maxPrefixes;
    private final int topN;
    private double objects;
    private double bytes;
    private final Map<String, double[]> byTier = new TreeMap<>();
    private final Map<String, double[]> byPrefix = new TreeMap<>();
    private boolean prefixesTruncated;
    private final Map<String, double[][]> ageByTier = new TreeMap<>();
    private final PriorityQueue<ContainerMetrics.Item> largest =
            new PriorityQueue<>(Comparator.comparingLong(ContainerMetrics.Item::size)
                    .thenComparing(ContainerMetrics.Item::name, Comparator.reverseOrder()));

    BlobTally(String container, Instant now, int prefixDepth, int maxPrefixes, int topN) {
        this.container = container;
        this.now = now;
        this.prefixDepth = prefixDepth;
        this.maxPrefixes = maxPrefixes;
        this.topN = topN;
    }

    /** Counts one blob, weighing it {@code weight} (1 unless sampled). */
    void add(BlobProperties p, double weight) {
        objects += weight;
        bytes += weight * p.size();
        String tier = p.tier() == null ? NO_TIER : p.tier().name();
        add(byTier.computeIfAbsent(tier, t -> new double[2]), weight, p.size());
        if (prefixDepth > 0) {
            String group = prefix(p.name());
            double[] counts = byPrefix.get(group);
            if (counts == null && byPrefix.size() >= maxPrefixes) {
                prefixesTruncated = true;
                counts = byPrefix.computeIfAbsent(OTHER, g -> new double[2]);
            } else if (counts == null) {
                counts = byPrefix.computeIfAbsent(group, g -> new double[2]);
            }
            add(counts, weight, p.size());
        }
        double[][] ages = ageByTier.computeIfAbsent(tier, t -> new double[AGE_LIMITS.length + 1][2]);
        add(ages[bucket(p.lastModified())], weight, p.size());
        if (topN > 0) {
            largest.add(new ContainerMetrics.Item(p.name(), p.size(), tier, p.lastModified()));
            if (largest.size() > topN) {
                largest.poll();
            }
        }
    }

    private static void add(double[] counts, double weight, long size) {
        counts[0] += weight;
        counts[1] += weight * size;
    }

    private String prefix(String name) {
        int end = -1;
        for (int level = 0; level < prefixDepth; level++) {
            int slash = name.indexOf('/', end + 1);
            if (slash < 0) {
                return level == 0 ? ROOT : name.substring(0, end + 1);
            }
            end = slash;
        }
        return name.substring(0, end + 1);
    }

    /** The age bucket of a blob last modified then (an unknown time counts as new). */
    int bucket(Instant lastModified) {
        long days = lastModified == null ? 0 : Math.max(0, Duration.between(lastModified, now).toDays());
        for (int i = 0; i < AGE_LIMITS.length; i++) {
            if (days < AGE_LIMITS[i]) {
                return i;
            }
        }
        return AGE_LIMITS.length;
    }

    ContainerMetrics result(boolean estimated, long objectsBound, long bytesBound) {
        Map<String, ContainerMetrics.Counts> tiers = counts(byTier);
        Map<String, ContainerMetrics.Counts> prefixes = counts(byPrefix);
        Map<String, List<ContainerMetrics.AgeBucket>> agesByTier = new LinkedHashMap<>();
        double[][] all = new double[AGE_LIMITS.length + 1][2];
        ageByTier.forEach((tier, ages) -> {
            agesByTier.put(tier, buckets(ages));
            for (int i = 0; i < ages.length; i++) {
                all[i][0] += ages[i][0];
                all[i][1] += ages[i][1];
            }
        });
        List<ContainerMetrics.Item> top = new ArrayList<>(largest);
        top.sort(Comparator.comparingLong(ContainerMetrics.Item::size).reversed()
                .thenComparing(ContainerMetrics.Item::name));
        return new ContainerMetrics(container, Math.round(objects), Math.round(bytes), tiers, prefixes,
                prefixesTruncated, buckets(all), agesByTier, top, estimated, objectsBound, bytesBound);
    }

    private static Map<String, ContainerMetrics.Counts> counts(Map<String, double[]> map) {
        Map<String, ContainerMetrics.Counts> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, new ContainerMetrics.Counts(Math.round(v[0]), Math.round(v[1]))));
        return out;
    }

    private static List<ContainerMetrics.AgeBucket> buckets(double[][] ages) {
        List<ContainerMetrics.AgeBucket> out = new ArrayList<>();
        for (int i = 0; i < ages.length; i++) {
            int min = i == 0 ? 0 : AGE_LIMITS[i - 1];
            int max = i < AGE_LIMITS.length ? AGE_LIMITS[i] : -1;
            out.add(new ContainerMetrics.AgeBucket(min, max, Math.round(ages[i][0]), Math.round(ages[i][1])));
        }
        return out;
    }
}
