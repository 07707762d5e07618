package io.unistore.ops;

import java.util.List;

/**
 * What {@link TableIndexes#verify} found: the rows the index should hold (from every entity of the table) against
 * those it holds.
 *
 * @param index the index
 * @param entities entities of the table read
 * @param expectedRows rows the entities need
 * @param rows rows the index holds
 * @param missing needed rows it lacks (a query could miss their entities): writes not made through the layer
 * @param stale rows no entity needs (harmless to queries, which check every candidate): a crash between the
 *        steps of a write, or a write not made through the layer
 * @param pending rows still marked pending (a write in flight, or one a crash interrupted)
 * @param missingSamples up to 20 missing rows, as {@code PartitionKey/RowKey} of their entity
 * @param staleSamples up to 20 stale rows, as {@code PartitionKey/RowKey} of the entity they point at
 */
public record IndexVerification(String index, long entities, long expectedRows, long rows, long missing, long stale,
                                long pending, List<String> missingSamples, List<String> staleSamples) {
    public IndexVerification {
        missingSamples = List.copyOf(missingSamples);
        staleSamples = List.copyOf(staleSamples);
    }

    /** Whether the index holds exactly the rows its table needs (pending rows that are needed are fine). */
    public boolean consistent() {
        return missing == 0 && stale == 0;
    }
}
