package io.unistore.ops;

import io.unistore.table.TableEntity;
import java.util.List;

/**
 * What {@link ParallelTableQuery#run} returned.
 *
 * @param entities every match, in (PartitionKey, RowKey) order: the serial query's result
 * @param cuts the PartitionKeys that cut the table into the ranges queried at once
 * @param probes the one-entity queries that found the cuts
 * @param durationMillis how long it took, probes included
 */
public record ParallelQueryResult(List<TableEntity> entities, List<String> cuts, int probes, long durationMillis) {
    public ParallelQueryResult {
        entities = List.copyOf(entities);
        cuts = List.copyOf(cuts);
    }

    /** The plan text: {@code parallel N ranges}. */
    public String plan() {
        return "parallel " + (cuts.size() + 1) + " ranges";
    }
}
