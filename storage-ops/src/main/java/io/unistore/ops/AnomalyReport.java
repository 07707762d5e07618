package io.unistore.ops;

import java.util.List;

/**
 * What {@link TableAnomalies#detect} or {@link BlobAnomalies#detect} found.
 *
 * @param source the table, or the container
 * @param scanned entities or blobs read
 * @param truncated whether it stopped at the item limit before the end
 * @param anomalies what was found; empty on clean data
 */
public record AnomalyReport(String source, long scanned, boolean truncated, List<Anomaly> anomalies) {
    public AnomalyReport {
        anomalies = List.copyOf(anomalies);
    }
}
