package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The first pass of a CSV import: reads the header (and type row), decides each column's type, and checks every
 * row, remembering the lines of bad ones. Its {@link #entities} then reads the text again and yields the good
 * rows as entities.
 */
final class CsvValidation {
    /** Inferred types, tried in this order; a column fitting none of them is STRING. */
    private static final List<PropertyType> INFERABLE = List.of(PropertyType.BOOLEAN, PropertyType.INT32,
            PropertyType.INT64, PropertyType.DOUBLE, PropertyType.GUID, PropertyType.DATETIME);

    /** One CSV record and the line it starts on. */
    record Row(long line, CSVRecord record) {
    }

    private final CsvImportOptions options;
    private List<CsvColumn> columns;
    private int headerRows;
    private final Set<Long> badLines = new HashSet<>();
    private final List<CsvResult.BadRow> badRows = new ArrayList<>();
    private long badCount;
    private long rows;

    private CsvValidation(CsvImportOptions options) {
        this.options = options;
    }

    static CsvValidation run(Reader reader, CsvImportOptions options) throws IOException {
        CsvValidation v = new CsvValidation(options);
        v.validate(reader);
        return v;
    }

    private void validate(Reader reader) throws IOException {
        try (CSVParser parser = TableCsv.FORMAT.parse(reader)) {
            Iterator<Row> it = rows(parser);
            List<CsvColumn> header = header(it);
            boolean typed = header.stream().anyMatch(c -> c.type() != null && !c.isSystem());
            List<EnumSet<PropertyType>> candidates = new ArrayList<>();
            if (typed) {
                columns = header.stream().map(c -> c.type() == null ? new CsvColumn(c.name(), PropertyType.STRING) : c)
                        .toList();
            } else if (options.typeRow()) {
                columns = typeRow(header, it);
            } else {
                columns = header;
                header.forEach(c -> candidates.add(EnumSet.copyOf(INFERABLE)));
            }
            checkHeader();
            Map<String, Long> keys = new HashMap<>();
            while (it.hasNext()) {
                Row row = it.next();
                rows++;
                String problem = check(row, candidates, keys);
                if (problem != null) {
                    bad(row.line, problem);
                }
            }
            if (!candidates.isEmpty()) {
                List<CsvColumn> inferred = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    CsvColumn c = columns.get(i);
                    inferred.add(c.type() != null ? c : new CsvColumn(c.name(), candidates.get(i).stream().findFirst()
                            .orElse(PropertyType.STRING)));
                }
                columns = inferred;
            }
        }
    }

    private List<CsvColumn> header(Iterator<Row> it) {
        if (!it.hasNext()) {
            throw StorageException.invalidArgument("csv", "is empty: the first row must be the header");
        }
        CSVRecord record = it.next().record;
        List<CsvColumn> header = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String cell = record.get(i);
            if (i == 0 && cell != null && cell.startsWith("\uFEFF")) {
                cell = cell.substring(1);
            }
            header.add(CsvColumn.parseHeader(cell, i));
        }
        headerRows = 1;
        return header;
    }

    private List<CsvColumn> typeRow(List<CsvColumn> header, Iterator<Row> it) {
        if (!it.hasNext()) {
            throw StorageException.invalidArgument("csv", "has no type row (line 2)");
        }
        CSVRecord types = it.next().record;
        headerRows = 2;
        if (types.size() != header.size()) {
            throw StorageException.invalidArgument("csv type row", "has " + types.size() + " cells, the header "
                    + header.size());
        }
        List<CsvColumn> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            CsvColumn c = header.get(i);
            if (c.isSystem()) {
                out.add(c);
                continue;
            }
            try {
                out.add(new CsvColumn(c.name(), PropertyType.parse(types.get(i) == null ? "" : types.get(i).trim())));
            } catch (StorageException e) {
                throw StorageException.invalidArgument("csv type row, column " + (i + 1) + " (" + c.name() + ")",
                        e.getMessage());
            }
        }
        return out;
    }

    private void checkHeader() {
        if (columns.stream().noneMatch(CsvColumn::isPartitionKey) || columns.stream().noneMatch(CsvColumn::isRowKey)) {
            throw StorageException.invalidArgument("csv header", "needs PartitionKey and RowKey columns");
        }
        Set<String> seen = new HashSet<>();
        for (CsvColumn c : columns) {
            String id = c.isSystem() ? c.name() : c.name() + "@" + c.type();
            if (!seen.add(id)) {
                throw StorageException.invalidArgument("csv header", "has column " + c.header() + " twice");
            }
        }
    }

    /** What is wrong with a row, or null. */
    private String check(Row row, List<EnumSet<PropertyType>> candidates, Map<String, Long> keys) {
        CSVRecord r = row.record;
        if (r.size() != columns.size()) {
            return "has " + r.size() + " cells, the header has " + columns.size();
        }
        String pk = null;
        String rk = null;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            CsvColumn c = columns.get(i);
            String v = r.get(i);
            if (c.isPartitionKey()) {
                pk = v;
            } else if (c.isRowKey()) {
                rk = v;
            } else if (v != null && !c.isTimestamp()) {
                if (!names.add(c.name())) {
                    return "property " + c.name() + " has values in two columns";
                }
                if (c.type() != null) {
                    try {
                        ValueText.parse(v, c.type());
                    } catch (IllegalArgumentException e) {
                        return "column " + c.header() + ": " + e.getMessage();
                    }
                } else {
                    candidates.get(i).removeIf(t -> !fits(v, t));
                }
            }
        }
        if (pk == null || rk == null) {
            return (pk == null ? "PartitionKey" : "RowKey") + " is empty (write \"\" for an empty key)";
        }
        Long first = keys.putIfAbsent(pk + '\u0000' + rk, row.line);
        if (first != null) {
            return "keys " + pk + "/" + rk + " were already on line " + first;
        }
        return null;
    }

    private static boolean fits(String v, PropertyType t) {
        try {
            ValueText.parse(v, t);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void bad(long line, String message) {
        badLines.add(line);
        badCount++;
        if (badRows.size() < options.maxReported()) {
            badRows.add(new CsvResult.BadRow(line, message));
        }
    }

    /** The good rows as entities, read again from the start of the text. */
    Stream<TableEntity> entities(Reader reader) throws IOException {
        CSVParser parser = TableCsv.FORMAT.parse(reader);
        Iterator<Row> it = rows(parser);
        for (int i = 0; i < headerRows && it.hasNext(); i++) {
            it.next();
        }
        Iterator<TableEntity> out = new Iterator<>() {
            private TableEntity next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    Row row = it.next();
                    if (!badLines.contains(row.line)) {
                        next = entity(row.record);
                    }
                }
                return next != null;
            }

            @Override
            public TableEntity next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TableEntity e = next;
                next = null;
                return e;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(out, 0), false).onClose(() -> {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private TableEntity entity(CSVRecord r) {
        String pk = null;
        String rk = null;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isPartitionKey()) {
                pk = r.get(i);
            } else if (columns.get(i).isRowKey()) {
                rk = r.get(i);
            }
        }
        TableEntity.Builder b = TableEntity.builder(pk, rk);
        for (int i = 0; i < columns.size(); i++) {
            CsvColumn c = columns.get(i);
            String v = r.get(i);
            if (v != null && !c.isSystem()) {
                b.put(c.name(), ValueText.parse(v, c.type()));
            }
        }
        return b.build();
    }

    /** Records with the line each starts on. */
    private static Iterator<Row> rows(CSVParser parser) {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private long nextLine = 1;

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // The wrapper's message is its cause's toString(), class name first: say the cause's own.
                    Throwable why = e.getCause() != null ? e.getCause() : e;
                    throw StorageException.invalidArgument("csv", "cannot be parsed after line " + nextLine + ": "
                            + why.getMessage());
                }
            }

            @Override
            public Row next() {
                long line = nextLine;
                CSVRecord record = records.next();
                nextLine = parser.getCurrentLineNumber() + 1;
                return new Row(line, record);
            }
        };
    }

    List<String> headers() {
        return columns.stream().map(CsvColumn::header).toList();
    }

    List<CsvResult.BadRow> badRows() {
        return badRows;
    }

    long badCount() {
        return badCount;
    }

    long rows() {
        return rows;
    }
}
