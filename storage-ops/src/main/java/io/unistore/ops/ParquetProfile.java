package io.unistore.ops;

import io.unistore.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * The structure of a Parquet file from its footer: two ranged reads at the end (the 8-byte tail with the footer's
 * length and magic, then the footer). The footer holds the exact row count, the row groups, every column's types,
 * and per column chunk the statistics the writer kept (null counts, min and max). A sample of the first rows, when
 * asked for, reads the first pages of the first row group ({@link ParquetSample}) and nothing else. Parsed by
 * {@code parquet-format-structures} (the format's own Thrift classes). Encrypted footers are refused.
 */
public final class ParquetProfile {
    /** The largest footer read (a file with more metadata than this is refused, naming the size). */
    static final int MAX_FOOTER = 16 << 20;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetProfile() {
    }

    /**
     * One leaf column.
     *
     * @param name its dotted path
     * @param type the logical type where one is set (e.g. {@code string}, {@code timestamp(micros,utc)},
     *        {@code decimal(10,2)}), else the physical one in lower case ({@code int64}, {@code double}...)
     * @param physicalType the physical type ({@code INT64}, {@code BYTE_ARRAY}...)
     * @param repetition {@code required}, {@code optional} or {@code repeated}
     * @param nulls nulls counted by the writer over every row group, or -1 where a row group did not count them
     * @param min the smallest value over the row groups' statistics, as text, or null when not kept
     * @param max the largest, likewise
     */
    public record Column(String name, String type, String physicalType, String repetition, long nulls, String min,
                         String max) {
    }

    /**
     * The footer's description.
     *
     * @param rows the exact row count
     * @param rowGroups the number of row groups
     * @param createdBy the writer, as it named itself
     * @param bytesRead bytes read (tail, footer and the sample's pages)
     * @param sample the first rows (column name to value) of the columns that could be sampled; empty when none
     *        was asked for
     * @param notSampled columns left out of the sample, with why (repeated values, an encoding or codec not decoded)
     */
    public record Result(List<Column> columns, long rows, int rowGroups, String createdBy, long bytesRead,
                         List<Map<String, Object>> sample, Map<String, String> notSampled) {
        public Result {
            columns = List.copyOf(columns);
            sample = java.util.Collections.unmodifiableList(new ArrayList<>(sample));
            notSampled = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notSampled));
        }
    }

    /** Whether a name or content type says Parquet. */
    public static boolean looksLike(String name, String contentType) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".parq") || t.contains("parquet");
    }

    /** Reads the footer of {@code content}; INVALID_ARGUMENT naming {@code field} when it is not Parquet. */
    public static Result of(RangedContent content, String field) {
        return of(content, field, 0);
    }

    /**
     * Reads the footer of {@code content} and the first {@code sampleRows} rows (0 for none); INVALID_ARGUMENT
     * naming {@code field} when it is not Parquet. A column the sample cannot decode is named in
     * {@link Result#notSampled()}, never a failure of the whole description.
     */
    public static Result of(RangedContent content, String field, int sampleRows) {
        long before = content.bytesRead();
        long size = content.size();
        if (size < 12) {
            throw notParquet(field, "it has " + size + " bytes, fewer than a Parquet file's 12");
        }
        byte[] tail = content.read(size - 8, 8);
        if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
            if (Arrays.equals(Arrays.copyOfRange(tail, 4, 8), "PARE".getBytes(StandardCharsets.US_ASCII))) {
                throw notParquet(field, "its footer is encrypted");
            }
            throw notParquet(field, "it does not end with the magic PAR1");
        }
        long footerLength = Integer.toUnsignedLong(ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (footerLength > size - 12) {
            throw notParquet(field, "its footer length " + footerLength + " exceeds the file (" + size + " bytes)");
        }
        if (footerLength > MAX_FOOTER) {
            throw StorageException.invalidArgument(field, "its Parquet footer has " + footerLength
                    + " bytes, more than the " + MAX_FOOTER + " read here");
        }
        byte[] footer = content.read(size - 8 - footerLength, footerLength);
        FileMetaData meta;
        try {
            meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
        } catch (IOException | RuntimeException e) {
            throw notParquet(field, "its footer cannot be read (" + e.getMessage() + ")");
        }
        List<Column> columns = new ArrayList<>();
        List<SchemaElement> schema = meta.getSchema();
        if (schema == null || schema.isEmpty()) {
            throw notParquet(field, "its footer has no schema");
        }
        int[] next = {1};
        int children = schema.get(0).isSetNum_children() ? schema.get(0).getNum_children() : 0;
        for (int i = 0; i < children; i++) {
            leaves(schema, next, "", columns);
        }
        List<RowGroup> groups = meta.getRow_groups() == null ? List.of() : meta.getRow_groups();
        List<Column> described = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            described.add(withStatistics(columns.get(c), groups, c));
        }
        ParquetSample.Result sample = ParquetSample.read(content, meta, sampleRows);
        return new Result(described, meta.getNum_rows(), groups.size(), meta.getCreated_by(),
                content.bytesRead() - before, sample.rows(), sample.notSampled());
    }

    /** Walks one schema node (depth first, as the footer lists them), adding its leaves. */
    private static void leaves(List<SchemaElement> schema, int[] next, String parent, List<Column> out) {
        if (next[0] >= schema.size()) {
            throw new IllegalStateException("the schema ends early");
        }
        SchemaElement e = schema.get(next[0]++);
        String name = parent.isEmpty() ? e.getName() : parent + "." + e.getName();
        if (e.isSetNum_children() && e.getNum_children() > 0) {
            for (int i = 0; i < e.getNum_children(); i++) {
                leaves(schema, next, name, out);
            }
            return;
        }
        String physical = e.isSetType() ? e.getType().name() : "GROUP";
        String repetition = e.isSetRepetition_type() ? e.getRepetition_type().name().toLowerCase(Locale.ROOT)
                : FieldRepetitionType.REQUIRED.name().toLowerCase(Locale.ROOT);
        out.add(new Column(name, logical(e, physical), physical, repetition, -1, null, null));
    }

    private static String logical(SchemaElement e, String physical) {
        if (e.isSetLogicalType() && e.getLogicalType().getSetField() != null) {
            var l = e.getLogicalType();
            String kind = l.getSetField().getFieldName().toLowerCase(Locale.ROOT);
            if (l.isSetDECIMAL()) {
                return "decimal(" + l.getDECIMAL().getPrecision() + "," + l.getDECIMAL().getScale() + ")";
            }
            if (l.isSetTIMESTAMP()) {
                return "timestamp(" + l.getTIMESTAMP().getUnit().getSetField().getFieldName().toLowerCase(Locale.ROOT)
                        + (l.getTIMESTAMP().isIsAdjustedToUTC() ? ",utc" : ",local") + ")";
            }
            if (l.isSetINTEGER()) {
                return (l.getINTEGER().isIsSigned() ? "int" : "uint") + l.getINTEGER().getBitWidth();
            }
            return kind;
        }
        if (e.isSetConverted_type()) {
            return e.getConverted_type().name().toLowerCase(Locale.ROOT);
        }
        return physical.toLowerCase(Locale.ROOT);
    }

    /** The column with null counts and min/max over every row group's chunk statistics. */
    private static Column withStatistics(Column c, List<RowGroup> groups, int index) {
        long nulls = 0;
        Object min = null;
        Object max = null;
        boolean minMaxEverywhere = !groups.isEmpty();
        for (RowGroup g : groups) {
            List<ColumnChunk> chunks = g.getColumns();
            ColumnMetaData m = chunks == null || index >= chunks.size() ? null : chunks.get(index).getMeta_data();
            Statistics s = m == null ? null : m.getStatistics();
            if (s == null) {
                nulls = -1;
                minMaxEverywhere = false;
                continue;
            }
            if (nulls >= 0) {
                nulls = s.isSetNull_count() ? nulls + s.getNull_count() : -1;
            }
            if (s.isSetMin_value() && s.isSetMax_value()) {
                Object lo = value(m.getType(), c.type(), s.getMin_value());
                Object hi = value(m.getType(), c.type(), s.getMax_value());
                min = min == null || compare(lo, min) < 0 ? lo : min;
                max = max == null || compare(hi, max) > 0 ? hi : max;
            } else if (m.getNum_values() > (s.isSetNull_count() ? s.getNull_count() : 0)) {
                minMaxEverywhere = false;
            }
        }
        boolean known = minMaxEverywhere && min != null;
        return new Column(c.name(), c.type(), c.physicalType(), c.repetition(), nulls,
                known ? text(min) : null, known ? text(max) : null);
    }

    /** A statistic as a comparable value, or its bytes when the type has no order here. */
    private static Object value(Type physical, String type, byte[] b) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (physical) {
            case BOOLEAN -> b.length > 0 && b[0] != 0;
            case INT32 -> b.length >= 4 ? (Comparable<?>) (long) le.getInt() : null;
            case INT64 -> b.length >= 8 ? le.getLong() : null;
            case FLOAT -> b.length >= 4 ? (double) le.getFloat() : null;
            case DOUBLE -> b.length >= 8 ? le.getDouble() : null;
            case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> type.equals("string") || type.equals("utf8")
                    || type.equals("enum") || type.equals("json")
                    ? new String(b, StandardCharsets.UTF_8) : new Hex(b);
            default -> null;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return 0;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    private static StorageException notParquet(String field, String why) {
        return StorageException.invalidArgument(field, "is not a readable Parquet file: " + why);
    }

    /** Bytes shown as hex, ordered as unsigned bytes (Parquet's order for binary without a logical type). */
    private record Hex(byte[] bytes) implements Comparable<Hex> {
        @Override
        public int compareTo(Hex o) {
            return Arrays.compareUnsigned(bytes, o.bytes);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("0x");
            for (int i = 0; i < Math.min(bytes.length, 32); i++) {
                sb.append(String.format("%02x", bytes[i]));
            }
            return bytes.length > 32 ? sb + "…" : sb.toString();
        }
    }
}
