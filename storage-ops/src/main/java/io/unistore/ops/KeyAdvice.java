package io.unistore.ops;

import java.util.List;

/**
 * What {@link TableKeyAdvisor#advise} found.
 *
 * @param table the table
 * @param sampledEntities entities read
 * @param partitions distinct PartitionKeys among them
 * @param largestPartitionShare the share of the sample in its largest partition (0 to 1)
 * @param recommendations the advice, most severe first; empty when nothing calls for a change
 */
public record KeyAdvice(String table, int sampledEntities, int partitions, double largestPartitionShare,
                        List<Recommendation> recommendations) {
    public KeyAdvice {
        recommendations = List.copyOf(recommendations);
    }
}
