package io.unistore.ops;

import io.unistore.blob.BlobStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a CSV import reads from. An import reads its source twice (validate everything, then write), so a
 * source opens a fresh reader each time. Text is UTF-8 (a leading byte-order mark is skipped).
 */
@FunctionalInterface
public interface CsvSource {
    /** Opens the CSV text from its beginning. */
    Reader open() throws IOException;

    /** A local file. */
    static CsvSource file(Path path) {
        return () -> Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }

    /** CSV text in memory. */
    static CsvSource text(String csv) {
        return () -> new StringReader(csv);
    }

    /** A blob. */
    static CsvSource blob(BlobStore store, String container, String blob) {
        return () -> new InputStreamReader(store.openInputStream(container, blob), StandardCharsets.UTF_8);
    }
}
