package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Duration;
import java.time.Instant;

/**
 * Options of {@link StorageMetrics#collect}: what to measure and how finely. With no container, table, queue or
 * share named, the whole account is measured (every store it has).
 *
 * @param container measure only this container, or null
 * @param table measure only this table, or null
 * @param queue measure only this queue, or null
 * @param share measure only this share, or null
 * @param prefix only blobs under this prefix, or null
 * @param prefixDepth how many "/"-separated levels of blob names to group counts by (0: none; at most 8)
 * @param maxPrefixes the most prefix groups kept per container; the rest are counted under {@code (other)}
 * @param topN how many of the largest blobs and fullest partitions to list (at most 1000)
 * @param samplePercent 100 to list everything; below it, only that share of the top-level "/" prefixes of each
 *        container is listed (chosen by a hash of the name) and totals are estimated, with a 95% error bound
 * @param progress told how the walk advances, or null
 * @param progressInterval least time between two progress reports
 * @param now the instant ages are measured from (null: the clock)
 * @param thresholds limits whose crossing the result reports as alerts ({@link MetricsThresholds#NONE} when null)
 */
public record MetricsOptions(String container, String table, String queue, String share, String prefix,
                             int prefixDepth, int maxPrefixes, int topN, int samplePercent, ProgressCallback progress,
                             Duration progressInterval, Instant now, MetricsThresholds thresholds) {
    public MetricsOptions {
        long scopes = java.util.stream.Stream.of(container, table, queue, share).filter(s -> s != null).count();
        if (scopes > 1) {
            throw StorageException.invalidArgument("container/table/queue/share", "name at most one of them");
        }
        if (prefix != null && container == null) {
            throw StorageException.invalidArgument("prefix", "needs a container");
        }
        check("prefixDepth", prefixDepth, 0, 8);
        check("maxPrefixes", maxPrefixes, 1, 100_000);
        check("topN", topN, 0, 1000);
        check("samplePercent", samplePercent, 1, 100);
        progressInterval = progressInterval == null ? Duration.ofMillis(500) : progressInterval;
        thresholds = thresholds == null ? MetricsThresholds.NONE : thresholds;
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw StorageException.invalidArgument(field, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** The whole account: prefixes one level deep, the 10 largest blobs, no sampling. */
    public static MetricsOptions account() {
        return new MetricsOptions(null, null, null, null, null, 1, 1000, 10, 100, null, null, null, null);
    }

    public MetricsOptions withContainer(String v) {
        return new MetricsOptions(v, table, queue, share, prefix, prefixDepth, maxPrefixes, topN, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withTable(String v) {
        return new MetricsOptions(container, v, queue, share, prefix, prefixDepth, maxPrefixes, topN, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withQueue(String v) {
        return new MetricsOptions(container, table, v, share, prefix, prefixDepth, maxPrefixes, topN, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withShare(String v) {
        return new MetricsOptions(container, table, queue, v, prefix, prefixDepth, maxPrefixes, topN, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withPrefix(String v) {
        return new MetricsOptions(container, table, queue, share, v, prefixDepth, maxPrefixes, topN, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withPrefixDepth(int v) {
        return new MetricsOptions(container, table, queue, share, prefix, v, maxPrefixes, topN, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withMaxPrefixes(int v) {
        return new MetricsOptions(container, table, queue, share, prefix, prefixDepth, v, topN, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withTopN(int v) {
        return new MetricsOptions(container, table, queue, share, prefix, prefixDepth, maxPrefixes, v, samplePercent,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withSamplePercent(int v) {
        return new MetricsOptions(container, table, queue, share, prefix, prefixDepth, maxPrefixes, topN, v,
                progress, progressInterval, now, thresholds);
    }

    public MetricsOptions withProgress(ProgressCallback v) {
        return new MetricsOptions(container, table, queue, share, prefix, prefixDepth, maxPrefixes, topN,
                samplePercent, v, progressInterval, now, thresholds);
    }

    public MetricsOptions withProgressInterval(Duration v) {
        return new MetricsOptions(container, table, queue, share, prefix, prefixDepth, maxPrefixes, topN,
                samplePercent, progress, v, now, thresholds);
    }

    public MetricsOptions withNow(Instant v) {
        return new MetricsOptions(container, table, queue, share, prefix, prefixDepth, maxPrefixes, topN,
                samplePercent, progress, progressInterval, v, thresholds);
    }

    public MetricsOptions withThresholds(MetricsThresholds v) {
        return new MetricsOptions(container, table, queue, share, prefix, prefixDepth, maxPrefixes, topN,
                samplePercent, progress, progressInterval, now, v);
    }

    /** Whether the whole account is measured. */
    public boolean wholeAccount() {
        return container == null && table == null && queue == null && share == null;
    }

    Instant clock() {
        return now == null ? Instant.now() : now;
    }
}
