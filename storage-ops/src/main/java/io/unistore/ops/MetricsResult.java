package io.unistore.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@link StorageMetrics#collect}.
 *
 * @param measuredAt the instant ages were measured from
 * @param containers per container (in name order)
 * @param tables per table
 * @param queues per queue
 * @param shares per file share
 * @param samplePercent the share of top-level prefixes listed (100: everything)
 * @param errorBound how the estimates' bounds were computed, or null when nothing was sampled
 * @param interrupted whether the walk was stopped (cancelled) before the end: the figures are partial
 * @param duration how long it took
 * @param alerts the thresholds of the options the items cross (empty when none)
 */
public record MetricsResult(Instant measuredAt, List<ContainerMetrics> containers, List<TableMetrics> tables,
                            List<QueueMetrics> queues, List<ShareMetrics> shares, int samplePercent, String errorBound,
                            boolean interrupted, Duration duration,
                            List<MetricsThresholds.Alert> alerts) {
    public MetricsResult {
        alerts = List.copyOf(alerts);
    }

    /** Objects in every container. */
    public long totalObjects() {
        return containers.stream().mapToLong(ContainerMetrics::objects).sum();
    }

    /** Bytes in every container. */
    public long totalBytes() {
        return containers.stream().mapToLong(ContainerMetrics::bytes).sum();
    }
}
