package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Instant;

/**
 * Options of {@link StorageAnalytics#analyze}: which recorded runs to read and how far to forecast.
 *
 * @param table the history table ({@link MetricsHistory#DEFAULT_TABLE} when null)
 * @param source the label the runs were recorded under
 * @param from the first instant read (inclusive), or null for the oldest run
 * @param to the last instant read (inclusive), or null for the newest run
 * @param container only this container, or null for every container
 * @param forecastDays how many days after the last run the forecast is for (0: no forecast; at most 3650)
 */
public record AnalyticsOptions(String table, String source, Instant from, Instant to, String container,
                               int forecastDays) {
    public AnalyticsOptions {
        MetricsHistory.checkSource(source);
        if (forecastDays < 0 || forecastDays > 3650) {
            throw StorageException.invalidArgument("forecastDays", "must be between 0 and 3650, was " + forecastDays);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw StorageException.invalidArgument("from", "must not be after 'to'");
        }
    }

    /** Every run of a source in the default table, forecast 30 days ahead. */
    public static AnalyticsOptions of(String source) {
        return new AnalyticsOptions(null, source, null, null, null, 30);
    }

    public AnalyticsOptions withTable(String v) {
        return new AnalyticsOptions(v, source, from, to, container, forecastDays);
    }

    public AnalyticsOptions withRange(Instant fromV, Instant toV) {
        return new AnalyticsOptions(table, source, fromV, toV, container, forecastDays);
    }

    public AnalyticsOptions withContainer(String v) {
        return new AnalyticsOptions(table, source, from, to, v, forecastDays);
    }

    public AnalyticsOptions withForecastDays(int v) {
        return new AnalyticsOptions(table, source, from, to, container, v);
    }
}
