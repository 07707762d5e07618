package io.unistore.ops;

import java.util.Arrays;

/**
 * Robust summary of a sample for outlier tests: median and MAD (median absolute deviation), and the quartiles.
 * A value is an outlier when both rules agree: its robust z-score {@code 0.6745 |x - median| / MAD} exceeds 3.5
 * (Iglewicz and Hoaglin) and it lies beyond 3 IQR from the quartiles (Tukey's far-out fences). Requiring both
 * keeps a clean sample of any size free of findings, while planted values far out are caught by both.
 */
record RobustStats(double median, double mad, double q1, double q3) {
    static final double Z = 3.5;
    static final double FENCE = 3.0;

    /**
     * The summary of a sample measured to {@code resolution} (0 for continuous values): MAD and IQR are at least
     * that, and a MAD of 0 (over half the values equal) falls back to 1.2533 times the mean absolute deviation,
     * as Iglewicz and Hoaglin advise, so ties alone make no outlier.
     */
    static RobustStats of(double[] values, double resolution) {
        double[] v = values.clone();
        Arrays.sort(v);
        double median = quantile(v, 0.5);
        double[] dev = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - median);
            sum += dev[i];
        }
        Arrays.sort(dev);
        double mad = quantile(dev, 0.5);
        if (mad == 0 && v.length > 0) {
            mad = 1.2533 * sum / v.length / 1.4826;
        }
        double q1 = quantile(v, 0.25);
        double q3 = quantile(v, 0.75);
        double widen = Math.max(0, resolution - (q3 - q1)) / 2;
        return new RobustStats(median, Math.max(mad, resolution), q1 - widen, q3 + widen);
    }

    /** Linear interpolation between closest ranks of a sorted array. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    double iqr() {
        return q3 - q1;
    }

    /** The robust z-score (infinite for a value off a sample whose MAD is 0). */
    double z(double x) {
        double d = Math.abs(x - median);
        return mad == 0 ? (d == 0 ? 0 : Double.POSITIVE_INFINITY) : 0.6745 * d / mad;
    }

    boolean beyondFences(double x) {
        double iqr = iqr();
        return x < q1 - FENCE * iqr || x > q3 + FENCE * iqr;
    }

    boolean outlier(double x) {
        return z(x) > Z && beyondFences(x);
    }
}
