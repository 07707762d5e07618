package io.unistore.table;

import io.unistore.NameRule;
import io.unistore.StorageException;
import java.util.List;

/**
 * A query over a table. Results come in (PartitionKey, RowKey) order.
 *
 * @param filter which entities, or null for all
 * @param select the properties to return, or null for all (keys, ETag and timestamp always come back)
 * @param top the most entities to return in total across pages, or null for no limit
 * @param pageSize entities per page asked of the provider (a hint; Azure's maximum is 1000)
 * @param continuationToken where to resume, from a previous page, or null
 */
public record TableQuery(Filter filter, List<String> select, Integer top, int pageSize, String continuationToken) {
    private static final NameRule SELECTABLE = NameRule.csharpIdentifier(255);


    public static final int DEFAULT_PAGE_SIZE = 1000;

    /**
     * @throws StorageException INVALID_ARGUMENT for a negative top, a page size below 1 or a filter nested deeper
     *         than {@link Filter#MAX_DEPTH}
     */
    public TableQuery {
        FilterDepth.check(filter);
        select = select == null ? null : List.copyOf(select);
        if (select != null) {
            // The widest rule of any table service (Azure's); a provider checks its own when it writes.
            select.forEach(name -> SELECTABLE.check("select", name));
        }
        if (top != null && top < 0) {
            throw StorageException.invalidArgument("top", "must not be negative, was " + top);
        }
        if (pageSize < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize);
        }
    }

    /** Every entity. */
    public static TableQuery all() {
        return new TableQuery(null, null, null, DEFAULT_PAGE_SIZE, null);
    }

    /** Entities matching a filter. */
    public static TableQuery where(Filter filter) {
        return all().withFilter(filter);
    }

    /** Entities matching OData filter text, e.g. {@code PartitionKey eq 'p1' and Age gt 30}. */
    public static TableQuery where(String odataFilter) {
        return all().withFilter(Filter.parse(odataFilter));
    }

    public TableQuery withFilter(Filter v) {
        return new TableQuery(v, select, top, pageSize, continuationToken);
    }

    public TableQuery withSelect(List<String> v) {
        return new TableQuery(filter, v, top, pageSize, continuationToken);
    }

    public TableQuery withSelect(String... v) {
        return withSelect(List.of(v));
    }

    public TableQuery withTop(Integer v) {
        return new TableQuery(filter, select, v, pageSize, continuationToken);
    }

    public TableQuery withPageSize(int v) {
        return new TableQuery(filter, select, top, v, continuationToken);
    }

    public TableQuery withContinuationToken(String v) {
        return new TableQuery(filter, select, top, pageSize, v);
    }
}
