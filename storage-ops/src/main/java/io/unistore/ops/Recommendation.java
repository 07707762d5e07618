package io.unistore.ops;

import java.util.Map;

/**
 * One piece of advice about a table's design, with the evidence it rests on and what to change.
 *
 * @param kind what was found: {@code hot-partition}, {@code few-partitions}, {@code monotonic-partition-key},
 *        {@code monotonic-row-key}, {@code mixed-types}, {@code filtered-property}
 * @param severity {@code high}, {@code medium} or {@code low}
 * @param message the finding in a sentence
 * @param evidence the figures it rests on
 * @param change what to change
 */
public record Recommendation(String kind, String severity, String message, Map<String, Object> evidence,
                             String change) {
    public Recommendation {
        evidence = Map.copyOf(evidence);
    }
}
