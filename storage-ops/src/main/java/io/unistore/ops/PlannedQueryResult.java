package io.unistore.ops;

import io.unistore.table.TableEntity;
import java.util.List;

/**
 * One page of a query run by {@link TableIndexes#query}, with the plan it used.
 *
 * @param plan {@code index NAME} or {@code scan}
 * @param entities the matching entities of this page, in (PartitionKey, RowKey) order
 * @param continuationToken where the next page starts, or null after the last
 * @param entitiesRead what the query read: index rows plus base entities for an index plan; for a scan the
 *        entities returned (the service examined every entity of the table, or of the partition the filter names)
 */
public record PlannedQueryResult(String plan, List<TableEntity> entities, String continuationToken,
                                 long entitiesRead) {
    public PlannedQueryResult {
        entities = List.copyOf(entities);
    }
}
