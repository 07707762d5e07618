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
 */
public record Figure(String section, String name, String unit, boolean lowerIsBetter, List<Series> series,
                     Goal goal, String note) {
    public Figure {
        series = List.copyOf(series);
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

    /** Whether Unistore is slower than this reference (by the median of the per-round ratios). */
    public boolean slowerThan(Series reference) {
        double r = Stats.median(roundRatios(reference));
        return lowerIsBetter ? r > 1 : r < 1;
    }
}
