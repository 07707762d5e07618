package io.unistore.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link StorageMetrics} found in one container. Counts and bytes are exact unless {@code estimated}, when
 * they are estimates from a sample with a 95% error bound.
 *
 * @param name the container
 * @param objects blobs (current versions)
 * @param bytes their total size
 * @param byTier counts per tier name ({@code HOT}, {@code COOL}, {@code COLD}, {@code ARCHIVE}, or {@code NONE}
 *        where the provider reports no tier)
 * @param byPrefix counts per name prefix to the chosen depth ({@code (root)} for names with fewer levels,
 *        {@code (other)} beyond {@code maxPrefixes} groups)
 * @param prefixesTruncated whether some prefixes were counted under {@code (other)}
 * @param ageHistogram counts by time since last modification, youngest first
 * @param ageByTier the same histogram per tier, for cost analysis
 * @param largest the largest blobs, largest first (of the sample when sampled)
 * @param estimated whether the figures are estimates from a sample
 * @param objectsErrorBound the 95% bound (±) of {@code objects}; 0 when exact
 * @param bytesErrorBound the 95% bound (±) of {@code bytes}; 0 when exact
 */
public record ContainerMetrics(String name, long objects, long bytes, Map<String, Counts> byTier,
                               Map<String, Counts> byPrefix, boolean prefixesTruncated, List<AgeBucket> ageHistogram,
                               Map<String, List<AgeBucket>> ageByTier, List<Item> largest, boolean estimated,
                               long objectsErrorBound, long bytesErrorBound) {
    /** A count of objects and their bytes. */
    public record Counts(long objects, long bytes) {
    }

    /**
     * Objects last modified between {@code minDays} (inclusive) and {@code maxDays} (exclusive; -1 for no limit)
     * days ago.
     */
    public record AgeBucket(int minDays, int maxDays, long objects, long bytes) {
    }

    /** One blob of the largest list. */
    public record Item(String name, long size, String tier, Instant lastModified) {
    }
}
