package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.Filter;
import java.util.List;

/**
 * Options of {@link TableCsv#export} ({@code export-table-csv}).
 *
 * @param table the table to export
 * @param filter only entities matching this, or null
 * @param columns the property columns as {@code Name@TYPE}, in order, or null to discover them with a first
 *                pass over the table (a property seen with two types gets a column per type)
 * @param typeRow write bare names in the header and the types in a second row, instead of {@code Name@TYPE}
 * @param includeTimestamp add the service's Timestamp column (imports ignore it)
 * @param progress told how it advances, or null
 */
public record CsvExportOptions(String table, Filter filter, List<String> columns, boolean typeRow,
                               boolean includeTimestamp, ProgressCallback progress) {
    public CsvExportOptions {
        if (table == null || table.isEmpty()) {
            throw StorageException.invalidArgument("table", "is required");
        }
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** Every entity, every property, with a typed header. */
    public static CsvExportOptions of(String table) {
        return new CsvExportOptions(table, null, null, false, false, null);
    }

    public CsvExportOptions withFilter(Filter v) {
        return new CsvExportOptions(table, v, columns, typeRow, includeTimestamp, progress);
    }

    public CsvExportOptions withColumns(List<String> v) {
        return new CsvExportOptions(table, filter, v, typeRow, includeTimestamp, progress);
    }

    public CsvExportOptions withTypeRow(boolean v) {
        return new CsvExportOptions(table, filter, columns, v, includeTimestamp, progress);
    }

    public CsvExportOptions withIncludeTimestamp(boolean v) {
        return new CsvExportOptions(table, filter, columns, typeRow, v, progress);
    }

    public CsvExportOptions withProgress(ProgressCallback v) {
        return new CsvExportOptions(table, filter, columns, typeRow, includeTimestamp, v);
    }
}
