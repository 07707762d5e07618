package io.unistore.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One contender of a figure: its value in every measured round (in round order, so rounds of two series pair
 * up), plus side measurements per round such as peak heap.
 *
 * @param label what ran, e.g. "Unistore" or "raw SDK (defaults)"
 * @param unistore whether this is Unistore's own contender (the one compared with the others)
 * @param samples the figure's value in each round
 * @param extras side measurements by name (e.g. "peak heap MiB"), one value per round
 */
public record Series(String label, boolean unistore, List<Double> samples, Map<String, List<Double>> extras) {
    public Series {
        samples = List.copyOf(samples);
        extras = new LinkedHashMap<>(extras);
    }

    public double median() {
        return Stats.median(samples);
    }
}
