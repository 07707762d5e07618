package io.unistore.ops;

import java.time.Instant;
import java.util.List;

/**
 * What {@link StorageAnalytics#analyze} read from the history: growth per series and a forecast.
 *
 * @param source the label the runs were recorded under
 * @param from the first run read, or null when none
 * @param to the last run read, or null when none
 * @param runs distinct runs (instants) read
 * @param series growth per measured item (containers also per tier, plus the total of the containers)
 * @param forecasts bytes forecasts of the containers' total and of each container, or empty
 * @param forecastRefused why there is no forecast (too few runs), or null
 */
public record AnalyticsReport(String source, Instant from, Instant to, int runs, List<Series> series,
                              List<Forecast> forecasts, String forecastRefused) {

    /**
     * The history of one item.
     *
     * @param kind {@code container}, {@code table}, {@code queue}, {@code share}, or {@code total} (every container)
     * @param name the item ({@code (all)} for the total)
     * @param tier a tier of a container, or null for all tiers
     * @param first the first sample
     * @param last the last sample
     * @param objectsPerDay (last - first) objects / days between them (0 with one sample)
     * @param bytesPerDay the same for bytes
     * @param daily one line per UTC day with a sample
     * @param weekly one line per ISO week (from Monday, UTC) with a sample
     */
    public record Series(String kind, String name, String tier, Point first, Point last, double objectsPerDay,
                         double bytesPerDay, List<Period> daily, List<Period> weekly) {
    }

    /** One sample of a series. */
    public record Point(Instant at, long objects, long bytes) {
    }

    /**
     * A day or week: its last sample, and the change from the last sample before it (the first sample of the range
     * for the first period), so the changes add up to last - first.
     */
    public record Period(Instant start, Instant lastAt, long objects, long bytes, long objectsChange,
                         long bytesChange) {
    }

    /**
     * A least-squares line through (days since the first run, bytes), extended to {@code at}.
     *
     * @param kind {@code total} or {@code container}
     * @param name the container, or {@code (all)}
     * @param points samples fitted
     * @param bytesPerDay the line's slope
     * @param at the instant forecast
     * @param bytes the line's value there
     * @param low bytes - the 95% prediction half-width (not below 0)
     * @param high bytes + the half-width
     * @param residualStdError s, from the residuals
     * @param method how the interval was computed
     */
    public record Forecast(String kind, String name, int points, double bytesPerDay, Instant at, long bytes, long low,
                           long high, double residualStdError, String method) {
    }
}
