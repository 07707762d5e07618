package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.TableAction;

/**
 * Options of {@link TableCsv#importCsv} ({@code import-table-csv}). Column types come from the header's
 * {@code Name@TYPE} cells when there are any; else from a second row of type names when {@code typeRow}; else
 * they are inferred from every value of the column (see the storage-ops README).
 *
 * @param table the table to write (created when missing)
 * @param typeRow the second row holds the column types
 * @param skipBadRows write the good rows and report the bad ones; without it one bad row means nothing is
 *                    written
 * @param write how rows are written: UPSERT_REPLACE (default), UPSERT_MERGE or INSERT (existing entities fail)
 * @param maxReported the most bad rows listed in the report
 * @param progress told how it advances, or null
 */
public record CsvImportOptions(String table, boolean typeRow, boolean skipBadRows, TableAction.Type write,
                               int maxReported, ProgressCallback progress) {
    public CsvImportOptions {
        if (table == null || table.isEmpty()) {
            throw StorageException.invalidArgument("table", "is required");
        }
        write = write == null ? TableAction.Type.UPSERT_REPLACE : write;
        if (write != TableAction.Type.UPSERT_REPLACE && write != TableAction.Type.UPSERT_MERGE
                && write != TableAction.Type.INSERT) {
            throw StorageException.invalidArgument("write", "must be UPSERT_REPLACE, UPSERT_MERGE or INSERT");
        }
        if (maxReported < 1) {
            throw StorageException.invalidArgument("maxReported", "must be at least 1");
        }
    }

    /** Imports into a table, all or nothing, replacing existing entities with the same keys. */
    public static CsvImportOptions of(String table) {
        return new CsvImportOptions(table, false, false, TableAction.Type.UPSERT_REPLACE, 100, null);
    }

    public CsvImportOptions withTypeRow(boolean v) {
        return new CsvImportOptions(table, v, skipBadRows, write, maxReported, progress);
    }

    public CsvImportOptions withSkipBadRows(boolean v) {
        return new CsvImportOptions(table, typeRow, v, write, maxReported, progress);
    }

    public CsvImportOptions withWrite(TableAction.Type v) {
        return new CsvImportOptions(table, typeRow, skipBadRows, v, maxReported, progress);
    }

    public CsvImportOptions withMaxReported(int v) {
        return new CsvImportOptions(table, typeRow, skipBadRows, write, v, progress);
    }

    public CsvImportOptions withProgress(ProgressCallback v) {
        return new CsvImportOptions(table, typeRow, skipBadRows, write, maxReported, v);
    }
}
