package io.unistore.ops;

import io.unistore.StorageException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structure of tabular content from a bounded prefix of it: CSV or TSV (commons-csv), NDJSON, or a JSON array
 * of objects (Jackson's streaming parser, which stops cleanly where the prefix cuts the array). Columns with
 * inferred types, a few sample rows, and the row count: exact when the prefix is the whole content, otherwise
 * estimated from the bytes per row of the rows read.
 */
public final class DataProfile {
    /** Sample rows kept. */
    public static final int SAMPLE_ROWS = 5;
    private static final JsonMapper JSON = Json.MAPPER;
    /** Reads one element at a time from an array, so the tokens after it are expected. */
    private static final JsonMapper ELEMENTS = Json.MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private DataProfile() {
    }

    /** The formats described. */
    public enum Format { CSV, TSV, NDJSON, JSON }

    /**
     * One column: its name, the type its values share ({@code integer}, {@code number}, {@code boolean},
     * {@code date}, {@code datetime}, {@code string}, and for JSON {@code object} and {@code array}; {@code null}
     * when every value was empty) and how many rows read lacked a value.
     */
    public record Column(String name, String type, long empty) {
    }

    /**
     * What was found.
     *
     * @param rowsRead rows parsed from the prefix
     * @param rowCount the exact count when the whole content was read, else -1
     * @param rowEstimate the count, or its estimate from the bytes per row read
     * @param bytesRead bytes of content the profile was made from
     * @param complete whether that was the whole content
     */
    public record Result(Format format, List<Column> columns, List<Map<String, Object>> sample, long rowsRead,
                         long rowCount, long rowEstimate, long bytesRead, boolean complete) {
    }

    /** The format a name or content type suggests, or null. */
    public static Format guess(String name, String contentType) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl") || t.contains("ndjson") || t.contains("jsonl")) {
            return Format.NDJSON;
        }
        if (n.endsWith(".json") || t.contains("json")) {
            return Format.JSON;
        }
        if (n.endsWith(".tsv") || t.contains("tab-separated")) {
            return Format.TSV;
        }
        if (n.endsWith(".csv") || t.contains("csv")) {
            return Format.CSV;
        }
        return null;
    }

    /**
     * Profiles {@code prefix}, the first bytes of content of {@code size} bytes in all. A last line or element the
     * prefix cuts is left out.
     *
     * @throws StorageException INVALID_ARGUMENT (naming {@code field}) when the content is not that format
     */
    public static Result of(byte[] prefix, long size, Format format, String field) {
        boolean complete = prefix.length >= size;
        String text = decode(prefix, complete, field);
        Rows rows = switch (format) {
            case CSV, TSV -> csv(text, complete, format == Format.TSV ? '\t' : ',', field);
            case NDJSON -> ndjson(text, complete, field);
            case JSON -> json(text, complete, field);
        };
        long count = rows.count;
        long estimate = complete || rows.consumedChars == 0 ? count
                : Math.round(count * ((double) size / utf8Length(text, rows.consumedChars)));
        List<Column> columns = new ArrayList<>();
        rows.types.forEach((name, type) -> columns.add(new Column(name, type.name, count - type.present)));
        return new Result(format, columns, rows.sample, count, complete ? count : -1, estimate, prefix.length,
                complete);
    }

    private static long utf8Length(String text, int chars) {
        return Math.max(1, text.substring(0, chars).getBytes(StandardCharsets.UTF_8).length);
    }

    private static String decode(byte[] prefix, boolean complete, String field) {
        int end = prefix.length;
        if (!complete) {
            while (end > 0 && (prefix[end - 1] & 0xC0) == 0x80) {
                end--; // drop a character the prefix cuts
            }
            if (end > 0 && (prefix[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(prefix, 0, end))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw StorageException.invalidArgument(field, "is not UTF-8 text; only CSV, TSV, NDJSON and JSON are "
                    + "described");
        }
    }

    /** Rows read: count, the chars they span, column types in first-seen order, the sample. */
    private static final class Rows {
        long count;
        int consumedChars;
        final Map<String, ColumnType> types = new LinkedHashMap<>();
        final List<Map<String, Object>> sample = new ArrayList<>();

        void add(Map<String, Object> row) {
            count++;
            row.forEach((k, v) -> {
                ColumnType t = types.computeIfAbsent(k, x -> new ColumnType());
                t.see(v);
            });
            if (sample.size() < SAMPLE_ROWS) {
                Map<String, Object> plain = new LinkedHashMap<>();
                row.forEach((k, v) -> plain.put(k, v instanceof JsonNode n ? JSON.convertValue(n, Object.class) : v));
                sample.add(plain);
            }
        }
    }

    /** The type a column's values share so far. */
    private static final class ColumnType {
        String name;
        long present;

        void see(Object v) {
            String t = typeOf(v);
            if (t == null) {
                return;
            }
            present++;
            if (name == null || name.equals(t)) {
                name = t;
            } else if (numeric(name) && numeric(t)) {
                name = "number";
            } else if (dated(name) && dated(t)) {
                name = "datetime";
            } else {
                name = "string";
            }
        }

        private static boolean numeric(String t) {
            return t.equals("integer") || t.equals("number");
        }

        private static boolean dated(String t) {
            return t.equals("date") || t.equals("datetime");
        }
    }

    static String typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNode n) {
            if (n.isNull()) {
                return null;
            }
            if (n.isIntegralNumber()) {
                return "integer";
            }
            if (n.isNumber()) {
                return "number";
            }
            if (n.isBoolean()) {
                return "boolean";
            }
            if (n.isObject()) {
                return "object";
            }
            if (n.isArray()) {
                return "array";
            }
            return textType(n.asString());
        }
        return textType(v.toString());
    }

    /** The type a text cell reads as. */
    static String textType(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return "boolean";
        }
        if (t.matches("[+-]?\\d{1,18}")) {
            return "integer";
        }
        if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return "number";
        }
        if (t.length() == 10 && parses(() -> LocalDate.parse(t))) {
            return "date";
        }
        if (t.length() >= 16 && t.length() <= 40 && parses(() -> OffsetDateTime.parse(t))) {
            return "datetime";
        }
        return "string";
    }

    private static boolean parses(Runnable r) {
        try {
            r.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Rows csv(String text, boolean complete, char delimiter, String field) {
        String body = complete ? text : text.substring(0, text.lastIndexOf('\n') + 1);
        Rows rows = new Rows();
        CSVFormat f = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(body)).setFormat(f).get()) {
            List<String> header = p.getHeaderNames();
            for (CSVRecord r : p) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String name = header.get(i).isEmpty() ? "column" + (i + 1) : header.get(i);
                    row.put(name, i < r.size() ? r.get(i) : null);
                }
                rows.add(row);
                rows.consumedChars = (int) Math.min(body.length(), r.getCharacterPosition());
            }
            rows.consumedChars = body.length();
        } catch (IOException | RuntimeException e) {
            if (!complete && rows.count > 0) {
                return rows; // the prefix cuts a quoted cell: the rows before it stand
            }
            throw StorageException.invalidArgument(field, "is not readable as " + (delimiter == '\t' ? "TSV" : "CSV")
                    + ": " + e.getMessage());
        }
        return rows;
    }

    private static Rows ndjson(String text, boolean complete, String field) {
        Rows rows = new Rows();
        int from = 0;
        int line = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            if (nl < 0 && !complete) {
                break; // the prefix cuts this line
            }
            int end = nl < 0 ? text.length() : nl;
            line++;
            String s = text.substring(from, end).trim();
            from = end + 1;
            if (s.isEmpty()) {
                continue;
            }
            rows.add(object(parse(s, field + ", line " + line), field + ", line " + line));
            rows.consumedChars = Math.min(from, text.length());
        }
        return rows;
    }

    private static JsonNode parse(String s, String where) {
        try {
            return JSON.readTree(s);
        } catch (JacksonException e) {
            throw StorageException.invalidArgument(where, "is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> object(JsonNode n, String where) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (n.isObject()) {
            n.properties().forEach(e -> row.put(e.getKey(), e.getValue()));
        } else {
            row.put("value", n);
        }
        return row;
    }

    /** A JSON array of rows, or one object (one row); elements after the prefix's cut are left out. */
    private static Rows json(String text, boolean complete, String field) {
        Rows rows = new Rows();
        try (JsonParser p = ELEMENTS.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                rows.add(object(ELEMENTS.readTree(p), field));
                rows.consumedChars = text.length();
                return rows;
            }
            if (first != JsonToken.START_ARRAY) {
                throw StorageException.invalidArgument(field, "is not a JSON array or object");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode n = ELEMENTS.readTree(p);
                rows.add(object(n, field));
                rows.consumedChars = (int) Math.min(text.length(), p.currentLocation().getCharOffset());
            }
            rows.consumedChars = text.length();
        } catch (JacksonException e) {
            if (complete || rows.count == 0) {
                throw StorageException.invalidArgument(field, "is not JSON: " + e.getOriginalMessage());
            }
            // the prefix ends inside an element: the rows before it stand
        }
        return rows;
    }
}
