package io.unistore.bench;

import java.util.List;

/**
 * One measured figure: Unistore and its references, run interleaved in the same process run on the same back end.
 *
 * @param section the report section (e.g. "micro-azure")
 * @param name what is measured, e.g. "4 KiB blob put"
 * @param unit the unit of the samples, e.g. "µs/op" or "MB/s"
 * @param lowerIsBetter true for times, false for throughputs
 * @param series Unistore's series first, then the references
 * @param goal the target ratio, or null
 * @param note how it was measured or what to know, or null
 * @param layerCost true when the reference is Unistore itself without a layer (e.g. an MCP tool call against the
 *                  store call it wraps): the figure measures what the layer costs, and being slower is expected
 */
public record Figure(String section, String name, String unit, boolean lowerIsBetter, List<Series> series,
                     Goal goal, String note, boolean layerCost) {
    /** The explanation where no cause was traced. */
    public static final String NOT_PROFILED = "not traced to a cause in this run: look at the per-round range (a "
            + "wide one means the machine's load decided it) before reading more into it.";

    public Figure {
        series = List.copyOf(series);
    }

    /** A figure comparing Unistore with alternatives. */
    public Figure(String section, String name, String unit, boolean lowerIsBetter, List<Series> series, Goal goal,
                  String note) {
        this(section, name, unit, lowerIsBetter, series, goal, note, false);
    }

    /** Unistore's series. */
    public Series unistore() {
        return series.stream().filter(Series::unistore).findFirst().orElse(series.get(0));
    }

    /** The references, in order. */
    public List<Series> references() {
        return series.stream().filter(s -> s != unistore()).toList();
    }

    /** Unistore / reference in each round. */
    public List<Double> roundRatios(Series reference) {
        return Stats.ratios(unistore().samples(), reference.samples());
    }

    /** Whether Unistore is slower than any reference, or misses its goal, in this run. */
    public boolean anySlower() {
        if (goal != null) {
            for (Series r : references()) {
                if (r.label().equals(goal.reference()) && !goal.met(Stats.median(roundRatios(r)))) {
                    return true;
                }
            }
        }
        return references().stream().anyMatch(this::slowerThan);
    }

    /**
     * This figure with {@code why} added to its note when Unistore is slower than a reference here: the cause
     * found by profiling or reading the provider, and the fix.
     */
    public Figure explainIfSlower(String why) {
        if (!anySlower()) {
            return this;
        }
        String text = "**Why slower:** " + why;
        return new Figure(section, name, unit, lowerIsBetter, series, goal, note == null ? text : note + " " + text,
                layerCost);
    }

    /** Whether Unistore is slower than this reference (by the median of the per-round ratios). */
    public boolean slowerThan(Series reference) {
        if (layerCost) {
            return false;
        }
        double r = Stats.median(roundRatios(reference));
        return lowerIsBetter ? r > 1 : r < 1;
    }
}
