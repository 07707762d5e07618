package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the {@link MetricsHistory} back: growth per day and per week of each container (and tier), table, queue and
 * share over a range of time, and a forecast of bytes by a least-squares line ({@link LinearFit}).
 */
public final class StorageAnalytics {
    static final String METHOD = "ordinary least squares of bytes on days since the first run; 95% prediction "
            + "interval = 1.96 * s * sqrt(1 + 1/n + (x - mean x)^2 / Sxx), s = sqrt(sum of squared residuals / (n - 2))";
    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private StorageAnalytics() {
    }

    /**
     * Analyses the recorded runs. Fewer than {@link LinearFit#MIN_POINTS} runs give growth but no forecast
     * ({@code forecastRefused} says why).
     *
     * @throws StorageException NOT_FOUND when the history table does not exist
     */
    public static AnalyticsReport analyze(StorageAccount history, AnalyticsOptions o) {
        List<MetricsHistory.Sample> samples = MetricsHistory.read(history, o.table(), o.source(), o.from(), o.to())
                .stream().filter(s -> o.container() == null || (s.kind().equals("container")
                        && s.name().equals(o.container()))).toList();
        TreeSet<Instant> runs = new TreeSet<>();
        samples.forEach(s -> runs.add(s.measuredAt()));
        // key: kind, name, tier -> time -> point
        Map<List<String>, TreeMap<Instant, AnalyticsReport.Point>> byKey = new TreeMap<>(StorageAnalytics::compare);
        for (MetricsHistory.Sample s : samples) {
            put(byKey, s.kind(), s.name(), null, s.measuredAt(), s.objects(), s.bytes());
            if (s.kind().equals("container")) {
                s.byTier().forEach((tier, n) -> put(byKey, "container", s.name(), tier, s.measuredAt(), n.objects(),
                        n.bytes()));
                TreeMap<Instant, AnalyticsReport.Point> total = byKey.computeIfAbsent(key("total", "(all)", null),
                        k -> new TreeMap<>());
                total.merge(s.measuredAt(), new AnalyticsReport.Point(s.measuredAt(), s.objects(), s.bytes()),
                        (a, b) -> new AnalyticsReport.Point(a.at(), a.objects() + b.objects(), a.bytes() + b.bytes()));
            }
        }
        List<AnalyticsReport.Series> series = new ArrayList<>();
        byKey.forEach((k, points) -> series.add(series(k, new ArrayList<>(points.values()))));
        List<AnalyticsReport.Forecast> forecasts = new ArrayList<>();
        String refused = null;
        if (o.forecastDays() > 0 && !runs.isEmpty()) {
            try {
                for (Map.Entry<List<String>, TreeMap<Instant, AnalyticsReport.Point>> e : byKey.entrySet()) {
                    List<String> k = e.getKey();
                    if (k.get(2) == null && (k.get(0).equals("total") || k.get(0).equals("container"))) {
                        forecasts.add(forecast(k.get(0), k.get(1), new ArrayList<>(e.getValue().values()),
                                runs.last().plus(Duration.ofDays(o.forecastDays()))));
                    }
                }
            } catch (StorageException e) {
                forecasts.clear();
                refused = e.getMessage();
            }
        } else if (o.forecastDays() > 0) {
            refused = "no runs recorded in the range";
        }
        return new AnalyticsReport(o.source(), runs.isEmpty() ? null : runs.first(),
                runs.isEmpty() ? null : runs.last(), runs.size(), series, forecasts, refused);
    }

    /**
     * A least-squares forecast of the points' bytes at an instant.
     *
     * @throws StorageException PRECONDITION_FAILED with fewer than {@link LinearFit#MIN_POINTS} points
     */
    static AnalyticsReport.Forecast forecast(String kind, String name, List<AnalyticsReport.Point> points, Instant at) {
        Instant origin = points.isEmpty() ? at : points.get(0).at();
        double[] x = points.stream().mapToDouble(p -> days(origin, p.at())).toArray();
        double[] y = points.stream().mapToDouble(AnalyticsReport.Point::bytes).toArray();
        LinearFit fit = LinearFit.of(x, y);
        double x0 = days(origin, at);
        double value = fit.at(x0);
        double half = fit.halfWidth(x0);
        return new AnalyticsReport.Forecast(kind, name, fit.points(), fit.slope(), at, Math.round(value),
                Math.max(0, Math.round(value - half)), Math.round(value + half), fit.residualStdError(), METHOD);
    }

    private static AnalyticsReport.Series series(List<String> key, List<AnalyticsReport.Point> points) {
        AnalyticsReport.Point first = points.get(0);
        AnalyticsReport.Point last = points.get(points.size() - 1);
        double days = days(first.at(), last.at());
        return new AnalyticsReport.Series(key.get(0), key.get(1), key.get(2), first, last,
                days == 0 ? 0 : (last.objects() - first.objects()) / days,
                days == 0 ? 0 : (last.bytes() - first.bytes()) / days,
                periods(points, at -> at.truncatedTo(ChronoUnit.DAYS)),
                periods(points, at -> LocalDate.ofInstant(at, ZoneOffset.UTC)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC)
                        .toInstant()));
    }

    /** The last point of each period, with its change from the last point before the period. */
    private static List<AnalyticsReport.Period> periods(List<AnalyticsReport.Point> points,
                                                        Function<Instant, Instant> periodStart) {
        List<AnalyticsReport.Period> out = new ArrayList<>();
        AnalyticsReport.Point before = points.get(0);
        for (int i = 0; i < points.size(); i++) {
            AnalyticsReport.Point p = points.get(i);
            Instant start = periodStart.apply(p.at());
            boolean lastOfPeriod = i == points.size() - 1 || !periodStart.apply(points.get(i + 1).at()).equals(start);
            if (lastOfPeriod) {
                out.add(new AnalyticsReport.Period(start, p.at(), p.objects(), p.bytes(),
                        p.objects() - before.objects(), p.bytes() - before.bytes()));
                before = p;
            }
        }
        return out;
    }

    private static void put(Map<List<String>, TreeMap<Instant, AnalyticsReport.Point>> byKey, String kind,
                            String name, String tier, Instant at, long objects, long bytes) {
        byKey.computeIfAbsent(key(kind, name, tier), k -> new TreeMap<>())
                .put(at, new AnalyticsReport.Point(at, objects, bytes));
    }

    private static List<String> key(String kind, String name, String tier) {
        List<String> k = new ArrayList<>(3);
        k.add(kind);
        k.add(name);
        k.add(tier);
        return k;
    }

    /** Total first, then by kind, name, and tier (all tiers first). */
    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < 3; i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? -1 : 1;
                }
                continue;
            }
            int c = i == 0 ? Boolean.compare(!x.equals("total"), !y.equals("total")) : 0;
            c = c != 0 ? c : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static double days(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / MILLIS_PER_DAY;
    }
}
