package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.List;

/**
 * A CSV import found bad rows and, not asked to skip them, wrote nothing. {@link #badRows()} lists them with
 * their line numbers.
 */
public class CsvImportException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final transient List<CsvResult.BadRow> badRows;
    private final long badRowCount;

    public CsvImportException(List<CsvResult.BadRow> badRows, long badRowCount) {
        super(ErrorCode.INVALID_ARGUMENT, "csv: " + badRowCount + " bad row(s), nothing written: "
                + String.join("; ", badRows.stream().limit(5).map(CsvResult.BadRow::toString).toList())
                + (badRowCount > 5 ? "; ..." : ""));
        this.badRows = List.copyOf(badRows);
        this.badRowCount = badRowCount;
    }

    /** The bad rows (up to the report limit). */
    public List<CsvResult.BadRow> badRows() {
        return badRows;
    }

    /** How many rows were bad in all. */
    public long badRowCount() {
        return badRowCount;
    }
}
