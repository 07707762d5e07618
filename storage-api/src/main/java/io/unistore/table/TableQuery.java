package io.unistore.table;

import io.unistore.ListOptions;
import io.unistore.Nullable;
import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import io.unistore.spi.NameRules;
import java.util.List;
import org.immutables.value.Value;

/**
 * A query over a table. Results come in (PartitionKey, RowKey) order. Immutable; start from {@link #all()},
 * {@link #where(String)} or {@link #builder()}.
 */
@Value.Immutable
@OptionsStyle
public interface TableQuery extends WithTableQuery {

    /** Entities per page when none is given. */
    int DEFAULT_PAGE_SIZE = ListOptions.DEFAULT_PAGE_SIZE;

    /** Which entities, or null for all. */
    @Nullable
    Filter filter();

    /** The properties to return, or null for all (keys, ETag and timestamp always come back). */
    @Nullable
    List<String> select();

    /** The most entities to return in total across pages, or null for no limit. */
    @Nullable
    Integer top();

    /** Entities per page asked of the provider (a hint; at most the account's max page size). */
    @Value.Default
    default int pageSize() {
        return DEFAULT_PAGE_SIZE;
    }

    /** Where to resume, from a previous page, or null. */
    @Nullable
    String continuationToken();

    /**
     * @throws StorageException INVALID_ARGUMENT for a negative top, a page size below 1, a selected name that is
     *         no property name or a filter nested deeper than {@link Filter#MAX_DEPTH}
     */
    @Value.Check
    default void check() {
        FilterDepth.check(filter());
        if (select() != null) {
            select().forEach(name -> NameRules.selected("select", name));
        }
        if (top() != null && top() < 0) {
            throw StorageException.invalidArgument("top", "must not be negative, was " + top());
        }
        if (pageSize() < 1) {
            throw StorageException.invalidArgument("pageSize", "must be at least 1, was " + pageSize());
        }
    }

    /** Every entity. */
    static TableQuery all() {
        return Defaults.QUERY;
    }

    /** Entities matching a filter. */
    static TableQuery where(Filter filter) {
        return all().withFilter(filter);
    }

    /** Entities matching OData filter text, e.g. {@code PartitionKey eq 'p1' and Age gt 30}. */
    static TableQuery where(String odataFilter) {
        return all().withFilter(Filter.parse(odataFilter));
    }

    /** A builder starting from a query of every entity. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TableQuery}. */
    final class Builder extends ImmutableTableQuery.Builder {
    }
}
