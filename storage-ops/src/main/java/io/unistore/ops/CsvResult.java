package io.unistore.ops;

import java.time.Duration;
import java.util.List;

/**
 * What a CSV import or export did.
 *
 * @param rows data rows read (import) or written (export)
 * @param written entities written (import); rows for an export
 * @param skipped bad rows left out (import with skipBadRows)
 * @param columns the columns as {@code Name@TYPE}
 * @param badRows bad rows with their line numbers (up to the report limit)
 * @param duration how long it took
 */
public record CsvResult(long rows, long written, long skipped, List<String> columns, List<BadRow> badRows,
                        Duration duration) {
    public CsvResult {
        columns = List.copyOf(columns);
        badRows = List.copyOf(badRows);
    }

    /**
     * A row that cannot be imported.
     *
     * @param line the line it starts on (1 is the header)
     * @param message what is wrong, naming the column
     */
    public record BadRow(long line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }
}
