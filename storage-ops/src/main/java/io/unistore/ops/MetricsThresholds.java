package io.unistore.ops;

import io.unistore.StorageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits {@link StorageMetrics} checks each measured item against; a crossed one is reported as an {@link Alert}
 * in {@link MetricsResult#alerts()}. A limit of -1 is not checked. Limits are per item: a container's objects and
 * bytes, a table's entities (as objects), a share's files (as objects), bytes and quota use, a queue's depth and
 * the age of its oldest message.
 *
 * @param maxObjects most objects (blobs, entities or files) one item may hold
 * @param maxBytes most bytes one container or share may hold
 * @param maxShareUsedPercent most percent of its quota a share may use (0 to 100)
 * @param maxQueueDepth most approximate messages a queue may hold
 * @param maxQueueAgeSeconds oldest age, in seconds, the message at the head of a queue may have
 */
public record MetricsThresholds(long maxObjects, long maxBytes, double maxShareUsedPercent, long maxQueueDepth,
                                long maxQueueAgeSeconds) {
    /** No limit. */
    public static final MetricsThresholds NONE = new MetricsThresholds(-1, -1, -1, -1, -1);

    public MetricsThresholds {
        atLeast("maxObjects", maxObjects);
        atLeast("maxBytes", maxBytes);
        atLeast("maxQueueDepth", maxQueueDepth);
        atLeast("maxQueueAgeSeconds", maxQueueAgeSeconds);
        if (maxShareUsedPercent != -1 && !(maxShareUsedPercent >= 0 && maxShareUsedPercent <= 100)) {
            throw StorageException.invalidArgument("maxShareUsedPercent", "must be between 0 and 100 (or -1: none), "
                    + "was " + maxShareUsedPercent);
        }
    }

    private static void atLeast(String field, long value) {
        if (value < -1) {
            throw StorageException.invalidArgument(field, "must be at least 0 (or -1: none), was " + value);
        }
    }

    public MetricsThresholds withMaxObjects(long v) {
        return new MetricsThresholds(v, maxBytes, maxShareUsedPercent, maxQueueDepth, maxQueueAgeSeconds);
    }

    public MetricsThresholds withMaxBytes(long v) {
        return new MetricsThresholds(maxObjects, v, maxShareUsedPercent, maxQueueDepth, maxQueueAgeSeconds);
    }

    public MetricsThresholds withMaxShareUsedPercent(double v) {
        return new MetricsThresholds(maxObjects, maxBytes, v, maxQueueDepth, maxQueueAgeSeconds);
    }

    public MetricsThresholds withMaxQueueDepth(long v) {
        return new MetricsThresholds(maxObjects, maxBytes, maxShareUsedPercent, v, maxQueueAgeSeconds);
    }

    public MetricsThresholds withMaxQueueAgeSeconds(long v) {
        return new MetricsThresholds(maxObjects, maxBytes, maxShareUsedPercent, maxQueueDepth, v);
    }

    /**
     * One crossed limit.
     *
     * @param threshold the limit's name ({@code maxBytes}...)
     * @param limit its value
     * @param measured the value measured
     * @param scope the item, as {@code kind:name} ({@code container:logs})
     */
    public record Alert(String threshold, double limit, double measured, String scope) {
    }

    /** The limits the result's items cross, in the order of the result. */
    List<Alert> check(List<ContainerMetrics> containers, List<TableMetrics> tables, List<QueueMetrics> queues,
                      List<ShareMetrics> shares) {
        List<Alert> alerts = new ArrayList<>();
        for (ContainerMetrics c : containers) {
            over(alerts, "maxObjects", maxObjects, c.objects(), "container:" + c.name());
            over(alerts, "maxBytes", maxBytes, c.bytes(), "container:" + c.name());
        }
        tables.forEach(t -> over(alerts, "maxObjects", maxObjects, t.entities(), "table:" + t.name()));
        for (QueueMetrics q : queues) {
            over(alerts, "maxQueueDepth", maxQueueDepth, q.approximateMessages(), "queue:" + q.name());
            over(alerts, "maxQueueAgeSeconds", maxQueueAgeSeconds, q.oldestMessageAgeSeconds(), "queue:" + q.name());
        }
        for (ShareMetrics s : shares) {
            over(alerts, "maxObjects", maxObjects, s.files(), "share:" + s.name());
            over(alerts, "maxBytes", maxBytes, s.bytes(), "share:" + s.name());
            if (s.usedPercent() >= 0) {
                over(alerts, "maxShareUsedPercent", maxShareUsedPercent, s.usedPercent(), "share:" + s.name());
            }
        }
        return alerts;
    }

    private static void over(List<Alert> alerts, String name, double limit, double measured, String scope) {
        if (limit >= 0 && measured > limit) {
            alerts.add(new Alert(name, limit, measured, scope));
        }
    }
}
