package io.unistore.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders in interleaved rounds — A, B, C, then C, B, A, then A, B, C... — so a change of machine load
 * hits all of them alike, and the order inside a round favours none. Warm-up rounds run the same way and are
 * dropped.
 */
public final class Interleaved {
    private Interleaved() {
    }

    /**
     * Measures {@code contenders} in {@code warmup + rounds} rounds and keeps the last {@code rounds}.
     *
     * @return one series per contender, in the order given
     */
    public static List<Series> run(Log log, String what, int warmup, int rounds, List<Contender> contenders)
            throws Exception {
        Map<Contender, List<Double>> samples = new LinkedHashMap<>();
        Map<Contender, Map<String, List<Double>>> extras = new LinkedHashMap<>();
        contenders.forEach(c -> {
            samples.put(c, new ArrayList<>());
            extras.put(c, new LinkedHashMap<>());
        });
        for (int round = 0; round < warmup + rounds; round++) {
            List<Contender> order = new ArrayList<>(contenders);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            boolean measured = round >= warmup;
            for (Contender c : order) {
                Trial t = c.run().call();
                log.detail("%s [%s] %s: %s", what, measured ? "round " + (round - warmup + 1) : "warm-up",
                        c.label(), Log.number(t.value()));
                if (measured) {
                    samples.get(c).add(t.value());
                    t.extras().forEach((k, v) -> extras.get(c).computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
        }
        List<Series> out = new ArrayList<>();
        for (Contender c : contenders) {
            out.add(new Series(c.label(), c.unistore(), samples.get(c), extras.get(c)));
        }
        return out;
    }
}
