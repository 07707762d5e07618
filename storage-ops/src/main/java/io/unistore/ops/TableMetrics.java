package io.unistore.ops;

import java.util.List;

/**
 * What {@link StorageMetrics} found in one table.
 *
 * @param name the table
 * @param entities entities in it
 * @param partitions distinct partition keys
 * @param largestPartitions the partitions with the most entities, most first
 * @param skew the largest partition's count divided by the mean count per partition (1 = even; 0 when empty)
 */
public record TableMetrics(String name, long entities, long partitions, List<Partition> largestPartitions,
                           double skew) {
    /** One partition and its entity count. */
    public record Partition(String partitionKey, long entities) {
    }
}
