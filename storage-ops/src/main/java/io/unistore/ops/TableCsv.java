package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.BulkWriteResult;
import io.unistore.table.PropertyType;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * {@code export-table-csv} and {@code import-table-csv}, with Apache Commons CSV (RFC 4180, UTF-8).
 *
 * <p>Cells hold the canonical text of each value (storage-ops README: integers in decimal, doubles in Java's
 * round-tripping form with NaN/Infinity, booleans true/false, date-times as ISO-8601 instants, binary as
 * Base64, GUIDs 8-4-4-4-12). Every non-absent value is quoted; an absent property is an empty, unquoted cell,
 * so an empty string ({@code ""}) and a missing property stay distinct. Export streams any number of
 * entities; import validates every row first (types, keys, cell counts, duplicate keys) and writes nothing
 * when a row is bad unless told to skip bad rows.
 */
public final class TableCsv {
    static final String EXPORT_TOOL = "export-table-csv";
    static final String IMPORT_TOOL = "import-table-csv";
    /** Quoted values are data, unquoted empty cells are absent properties. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setNullString("").setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setRecordSeparator("\r\n").get();

    private TableCsv() {
    }

    /**
     * Writes a table as CSV to {@code out} (flushed, not closed).
     *
     * @throws StorageException NOT_FOUND if the table does not exist; INVALID_ARGUMENT for a bad column
     */
    public static CsvResult export(StorageAccount account, CsvExportOptions options, Writer out) {
        TableStore tables = account.tables();
        if (!tables.tableExists(options.table())) {
            throw StorageException.notFound("table " + options.table());
        }
        ProgressMeter meter = new ProgressMeter(EXPORT_TOOL, options.progress(), java.time.Duration.ofMillis(500));
        TableQuery query = (options.filter() == null ? TableQuery.all() : TableQuery.where(options.filter()))
                .withPageSize(1000);
        List<CsvColumn> columns = new ArrayList<>();
        columns.add(new CsvColumn(TableEntity.PARTITION_KEY, PropertyType.STRING));
        columns.add(new CsvColumn(TableEntity.ROW_KEY, PropertyType.STRING));
        if (options.includeTimestamp()) {
            columns.add(new CsvColumn(TableEntity.TIMESTAMP, PropertyType.DATETIME));
        }
        columns.addAll(options.columns() != null ? explicit(options.columns()) : discover(tables, options.table(), query,
                meter));
        meter.phase("writing");
        long rows = 0;
        try {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            if (options.typeRow()) {
                printer.printRecord(columns.stream().map(CsvColumn::name).toList());
                printer.printRecord(columns.stream().map(c -> c.type().name()).toList());
            } else {
                printer.printRecord(columns.stream().map(CsvColumn::header).toList());
            }
            List<String> cells = new ArrayList<>(columns.size());
            for (TableEntity e : tables.query(options.table(), query)) {
                cells.clear();
                for (CsvColumn c : columns) {
                    cells.add(cell(e, c));
                }
                printer.printRecord(cells);
                rows++;
                meter.done();
            }
            printer.flush();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INTERNAL, "writing CSV failed: " + e.getMessage(), e);
        }
        meter.phase("done");
        return new CsvResult(rows, rows, 0, columns.stream().map(CsvColumn::header).toList(), List.of(),
                meter.elapsed());
    }

    /** Writes a table as CSV into a file, replacing it only when complete. */
    public static CsvResult export(StorageAccount account, CsvExportOptions options, Path file) {
        CsvResult[] result = new CsvResult[1];
        io.unistore.spi.AtomicFiles.write(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            result[0] = export(account, options, w);
            w.flush();
        });
        return result[0];
    }

    /**
     * Imports CSV into a table: validates every row, then writes them in bulk.
     *
     * @throws CsvImportException when rows are bad and {@code skipBadRows} is off (nothing is written)
     * @throws StorageException INVALID_ARGUMENT for a bad header; a write failure of the store
     */
    public static CsvResult importCsv(StorageAccount account, CsvImportOptions options, CsvSource source) {
        ProgressMeter meter = new ProgressMeter(IMPORT_TOOL, options.progress(), java.time.Duration.ofMillis(500));
        meter.phase("validating");
        CsvValidation plan = read(source, reader -> CsvValidation.run(reader, options));
        if (plan.badCount() > 0 && !options.skipBadRows()) {
            throw new CsvImportException(plan.badRows(), plan.badCount());
        }
        TableStore tables = account.tables();
        tables.createTableIfNotExists(options.table());
        meter.totals(plan.rows() - plan.badCount(), -1);
        meter.phase("writing");
        BulkWriteResult written = read(source, reader -> {
            try (var entities = plan.entities(reader)) {
                Iterator<TableAction> it = entities.map(e -> {
                    meter.done();
                    return new TableAction(options.write(), e, null);
                }).iterator();
                Iterable<TableAction> actions = () -> it;
                return tables.bulkWrite(options.table(), actions, BulkWriteOptions.defaults().withStopOnError(true));
            }
        });
        if (!written.isComplete()) {
            StorageException e = written.failures().get(0).error();
            throw new StorageException(e.code(), "import into " + options.table() + " failed after "
                    + written.written() + " entities: " + e.getMessage(), e);
        }
        meter.phase("done");
        return new CsvResult(plan.rows(), written.written(), plan.badCount(), plan.headers(), plan.badRows(),
                meter.elapsed());
    }

    private interface ReaderWork<T> {
        T apply(Reader reader) throws IOException;
    }

    private static <T> T read(CsvSource source, ReaderWork<T> work) {
        try (Reader r = source.open()) {
            return work.apply(r);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "csv: cannot read the source: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "csv: cannot read the source: "
                    + e.getCause().getMessage(), e);
        }
    }

    private static List<CsvColumn> explicit(List<String> names) {
        List<CsvColumn> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            CsvColumn c = CsvColumn.parseHeader(names.get(i), i);
            if (c.type() == null) {
                throw StorageException.invalidArgument("columns[" + i + "]", "'" + names.get(i)
                        + "' needs a type: Name@TYPE");
            }
            if (!c.isSystem()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every (property, type) pair the entities have, in order of first appearance. */
    private static List<CsvColumn> discover(TableStore tables, String table, TableQuery query, ProgressMeter meter) {
        meter.phase("discovering columns");
        Set<CsvColumn> seen = new LinkedHashSet<>();
        for (TableEntity e : tables.query(table, query)) {
            for (Map.Entry<String, Object> p : e.properties().entrySet()) {
                seen.add(new CsvColumn(p.getKey(), PropertyType.of(p.getValue())));
            }
        }
        return new ArrayList<>(seen);
    }

    private static String cell(TableEntity e, CsvColumn c) {
        if (c.isPartitionKey()) {
            return e.partitionKey();
        }
        if (c.isRowKey()) {
            return e.rowKey();
        }
        if (c.isTimestamp()) {
            return e.timestamp() == null ? null : e.timestamp().toString();
        }
        Object v = e.get(c.name());
        return v == null || PropertyType.of(v) != c.type() ? null : ValueText.format(v);
    }
}
