package io.unistore.ops;

import java.util.List;
import java.util.Map;

/**
 * One anomaly found in a table or a container.
 *
 * @param kind {@code numeric-outlier}, {@code rare-value}, {@code type-inconsistency}, {@code missing-property},
 *        {@code time-gap}, {@code rate-change} (tables); {@code size-outlier}, {@code age-outlier},
 *        {@code rate-change} (blobs)
 * @param property the property (or blob attribute: {@code size}, {@code lastModified}) it concerns
 * @param reason why, with the figures
 * @param items the entities ({@code PartitionKey/RowKey}) or blobs concerned (at most {@value #MAX_ITEMS})
 * @param itemCount how many there are in all
 * @param evidence the statistics behind it
 */
public record Anomaly(String kind, String property, String reason, List<String> items, int itemCount,
                      Map<String, Object> evidence) {
    /** The most items an anomaly names. */
    public static final int MAX_ITEMS = 100;

    public Anomaly {
        items = List.copyOf(items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items);
        evidence = Map.copyOf(evidence);
    }
}
