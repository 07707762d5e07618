package io.unistore.bench;

import java.util.Map;

/**
 * What one run of one contender measured.
 *
 * @param value the figure's value (a time or a rate, in the figure's unit)
 * @param extras side measurements (e.g. peak heap), by name
 */
public record Trial(double value, Map<String, Double> extras) {
    public static Trial of(double value) {
        return new Trial(value, Map.of());
    }
}
