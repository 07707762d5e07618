package io.unistore.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Order statistics of a few samples: the median (robust to a noisy round), the smallest and the largest. */
public final class Stats {
    private Stats() {
    }

    /** The median; NaN when there is no sample. */
    public static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = sorted(samples);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    public static double min(List<Double> samples) {
        return samples.isEmpty() ? Double.NaN : sorted(samples).get(0);
    }

    public static double max(List<Double> samples) {
        return samples.isEmpty() ? Double.NaN : sorted(samples).get(samples.size() - 1);
    }

    /** Element-wise {@code a[i] / b[i]}: the ratio within each round, where both ran under the same load. */
    public static List<Double> ratios(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return r;
    }

    private static List<Double> sorted(List<Double> samples) {
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        return s;
    }
}
