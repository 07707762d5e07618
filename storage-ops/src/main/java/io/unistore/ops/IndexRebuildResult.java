package io.unistore.ops;

/**
 * What {@link TableIndexes#rebuild} did.
 *
 * @param index the index
 * @param entities entities of the table read
 * @param added rows written (missing, or pending ones confirmed)
 * @param removed stale rows deleted
 * @param resumedAfter the base key an interrupted rebuild had reached ({@code PartitionKey/RowKey}), or null
 * @param complete false when it was interrupted (run it again to resume)
 * @param durationMillis how long it took
 */
public record IndexRebuildResult(String index, long entities, long added, long removed, String resumedAfter,
                                 boolean complete, long durationMillis) {
}
