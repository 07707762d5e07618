package io.unistore.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Gaps and write-rate changes in a series of instants (entities' {@code Timestamp} or a date-time property, blobs'
 * last-modified times). A gap is a pause longer than both {@code minGap} and 5 times the 99th percentile of the
 * pauses. For rates the span is cut into equal buckets (about 40 items each, 5 to 50 buckets): a bucket holding
 * more than 3 times the median count (and 4 standard deviations of a Poisson count above it) is a burst, one
 * holding under a quarter of it a drop; buckets a gap overlaps are left out of both.
 */
final class TimeAnomalies {
    record Point(Instant at, String item) {
    }

    private TimeAnomalies() {
    }

    static List<Anomaly> find(String property, List<Point> points, Duration minGap) {
        List<Anomaly> out = new ArrayList<>();
        if (points.size() < 20) {
            return out;
        }
        List<Point> p = new ArrayList<>(points);
        p.sort(Comparator.comparing(Point::at));
        double[] gaps = new double[p.size() - 1];
        for (int i = 1; i < p.size(); i++) {
            gaps[i - 1] = Duration.between(p.get(i - 1).at(), p.get(i).at()).toNanos() / 1e9;
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double p99 = RobustStats.quantile(sorted, 0.99);
        double threshold = Math.max(minGap.toNanos() / 1e9, 5 * p99);
        List<double[]> gapSpans = new ArrayList<>();
        double t0 = seconds(p.get(0).at());
        for (int i = 0; i < gaps.length; i++) {
            if (gaps[i] > threshold) {
                gapSpans.add(new double[] {seconds(p.get(i).at()) - t0, seconds(p.get(i + 1).at()) - t0});
                out.add(new Anomaly("time-gap", property, "no write for " + Duration.ofMillis((long) (gaps[i] * 1000))
                        + " between " + p.get(i).at() + " and " + p.get(i + 1).at() + " (99% of pauses are under "
                        + TableKeyAdvisor.round(p99) + " s)", List.of(p.get(i).item(), p.get(i + 1).item()), 2,
                        TableKeyAdvisor.evidence("gapSeconds", TableKeyAdvisor.round(gaps[i]), "p99PauseSeconds",
                                TableKeyAdvisor.round(p99), "thresholdSeconds", TableKeyAdvisor.round(threshold),
                                "from", p.get(i).at().toString(), "to", p.get(i + 1).at().toString())));
            }
        }
        rates(property, p, t0, gapSpans, out);
        return out;
    }

    private static void rates(String property, List<Point> p, double t0, List<double[]> gapSpans,
                              List<Anomaly> out) {
        double span = seconds(p.get(p.size() - 1).at()) - t0;
        int buckets = Math.max(5, Math.min(50, p.size() / 40));
        if (span <= 0 || p.size() < 200) {
            return;
        }
        double width = span / buckets;
        List<List<String>> items = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            items.add(new ArrayList<>());
        }
        for (Point x : p) {
            int b = (int) Math.min(buckets - 1, (seconds(x.at()) - t0) / width);
            items.get(b).add(x.item());
        }
        List<Integer> clear = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (!overlapsGap(b * width, (b + 1) * width, gapSpans)) {
                clear.add(b);
            }
        }
        double[] counts = clear.stream().mapToDouble(b -> items.get(b).size()).sorted().toArray();
        double median = RobustStats.quantile(counts, 0.5);
        if (median < 5) {
            return;
        }
        for (int b : clear) {
            int c = items.get(b).size();
            Instant from = Instant.ofEpochSecond(0, (long) ((t0 + b * width) * 1e9));
            Instant to = Instant.ofEpochSecond(0, (long) ((t0 + (b + 1) * width) * 1e9));
            boolean burst = c > 3 * median && c - median > 4 * Math.sqrt(median);
            boolean drop = c < median / 4;
            if (burst || drop) {
                out.add(new Anomaly("rate-change", property, (burst ? "burst: " : "drop: ") + c + " writes between "
                        + from + " and " + to + " against a median of " + median + " per bucket of that length",
                        items.get(b), c, TableKeyAdvisor.evidence("direction", burst ? "increase" : "decrease",
                        "count", c, "medianCount", median, "bucketSeconds", TableKeyAdvisor.round(width),
                        "from", from.toString(), "to", to.toString())));
            }
        }
    }

    private static boolean overlapsGap(double from, double to, List<double[]> gaps) {
        for (double[] g : gaps) {
            if (from < g[1] && to > g[0]) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
