package io.unistore.ops;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.Util;

/**
 * The first rows of a Parquet file, decoded from the first pages of its first row group: per column, ranged reads
 * of its chunk's dictionary page and first data pages (one read for the whole row group when it spans at most
 * {@link #WHOLE_GROUP} bytes), never the rest of the file.
 *
 * <p>Why not Parquet's own reader: {@code parquet-hadoop} needs Hadoop's jars at run time, and {@code
 * parquet-column}, which decodes pages without Hadoop, shares packages with {@code parquet-common} and {@code
 * parquet-encoding}, which a named module (this one) cannot read together. So the decoding is here, for what a
 * sample needs: columns without repetition (nested in optional groups too), data pages v1 and v2, the PLAIN,
 * dictionary, run-length (booleans), DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and
 * BYTE_STREAM_SPLIT encodings (every value encoding of the format in use), codecs uncompressed, Snappy,
 * gzip, zstd and LZ4 raw (aircompressor). A column outside that is left out of the sample, named with why.
 */
final class ParquetSample {
    /** The most bytes read for one column's first pages. */
    static final int MAX_COLUMN_BYTES = 8 << 20;
    /** A first row group up to this size is read in one request for every column. */
    static final int WHOLE_GROUP = 1 << 20;
    private static final int BLOCK = 64 << 10;
    private static final int MAX_TEXT = 1_000;

    private ParquetSample() {
    }

    /**
     * @param rows the first rows, column name to value (numbers, booleans, text; dates and times as ISO text;
     *        binary as hex), only the sampled columns
     * @param notSampled the columns left out, with why
     */
    record Result(List<Map<String, Object>> rows, Map<String, String> notSampled) {
    }

    /** One leaf column of the schema. */
    private record Leaf(String name, SchemaElement element, int maxDefinition, int maxRepetition) {
    }

    /** A column this reader cannot sample, with why. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    static Result read(RangedContent content, FileMetaData meta, int wanted) {
        List<Leaf> leaves = new ArrayList<>();
        List<SchemaElement> schema = meta.getSchema();
        int[] next = {1};
        for (int i = 0; i < schema.get(0).getNum_children(); i++) {
            leaves(schema, next, "", 0, 0, leaves);
        }
        Map<String, String> notSampled = new LinkedHashMap<>();
        List<RowGroup> groups = meta.getRow_groups();
        if (wanted <= 0 || groups == null || groups.isEmpty() || groups.get(0).getNum_rows() == 0) {
            return new Result(List.of(), notSampled);
        }
        RowGroup group = groups.get(0);
        int rows = (int) Math.min(wanted, group.getNum_rows());
        Fetch fetch = fetcher(content, group);
        Map<String, Object[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < leaves.size(); c++) {
            Leaf leaf = leaves.get(c);
            try {
                if (leaf.maxRepetition() > 0) {
                    throw new Unsupported("repeated values are not sampled");
                }
                if (group.getColumns() == null || c >= group.getColumns().size()
                        || group.getColumns().get(c).getMeta_data() == null) {
                    throw new Unsupported("its chunk has no metadata in the footer");
                }
                columns.put(leaf.name(), column(fetch, group.getColumns().get(c), leaf, rows));
            } catch (Unsupported e) {
                notSampled.put(leaf.name(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                notSampled.put(leaf.name(), "cannot be decoded (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < rows && !columns.isEmpty(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (var e : columns.entrySet()) {
                row.put(e.getKey(), e.getValue()[r]);
            }
            out.add(row);
        }
        return new Result(out, notSampled);
    }

    private static void leaves(List<SchemaElement> schema, int[] next, String parent, int def, int rep,
                               List<Leaf> out) {
        SchemaElement e = schema.get(next[0]++);
        String name = parent.isEmpty() ? e.getName() : parent + "." + e.getName();
        FieldRepetitionType r = e.isSetRepetition_type() ? e.getRepetition_type() : FieldRepetitionType.REQUIRED;
        int d = def + (r == FieldRepetitionType.REQUIRED ? 0 : 1);
        int p = rep + (r == FieldRepetitionType.REPEATED ? 1 : 0);
        if (e.isSetNum_children() && e.getNum_children() > 0) {
            for (int i = 0; i < e.getNum_children(); i++) {
                leaves(schema, next, name, d, p, out);
            }
        } else {
            out.add(new Leaf(name, e, d, p));
        }
    }

    /** Reads bytes of the file: from one read of the first row group when it is small, else from the store. */
    private interface Fetch {
        byte[] read(long offset, int length);
    }

    private static Fetch fetcher(RangedContent content, RowGroup group) {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (ColumnChunk chunk : group.getColumns()) {
            ColumnMetaData m = chunk.getMeta_data();
            if (m != null) {
                start = Math.min(start, chunkStart(m));
                end = Math.max(end, chunkStart(m) + m.getTotal_compressed_size());
            }
        }
        if (start < end && end - start <= WHOLE_GROUP && end <= content.size()) {
            long from = start;
            byte[] whole = content.read(start, end - start);
            return (offset, length) -> {
                long at = offset - from;
                if (at < 0 || at + length > whole.length) {
                    throw new IllegalStateException("a page lies outside its row group");
                }
                return java.util.Arrays.copyOfRange(whole, (int) at, (int) at + length);
            };
        }
        return content::read;
    }

    private static long chunkStart(ColumnMetaData m) {
        return m.isSetDictionary_page_offset() && m.getDictionary_page_offset() > 0
                ? Math.min(m.getDictionary_page_offset(), m.getData_page_offset()) : m.getData_page_offset();
    }

    /** The first {@code rows} values of one column (null where the row has none). */
    private static Object[] column(Fetch fetch, ColumnChunk chunk, Leaf leaf, int rows) throws IOException {
        ColumnMetaData m = chunk.getMeta_data();
        if (chunk.isSetFile_path()) {
            throw new Unsupported("its chunk lives in another file (" + chunk.getFile_path() + ")");
        }
        long start = chunkStart(m);
        ChunkStream in = new ChunkStream(fetch, start, start + m.getTotal_compressed_size());
        Object[] out = new Object[rows];
        Object[] dictionary = null;
        int have = 0;
        while (have < rows) {
            PageHeader h = Util.readPageHeader(in);
            if (h.getCompressed_page_size() < 0 || h.getUncompressed_page_size() < 0) {
                throw new IllegalStateException("a page has a negative size");
            }
            byte[] body = in.take(h.getCompressed_page_size());
            switch (h.getType()) {
                case DICTIONARY_PAGE -> {
                    var d = h.getDictionary_page_header();
                    byte[] page = decompress(m.getCodec(), body, 0, body.length, h.getUncompressed_page_size());
                    dictionary = plain(page, new int[] {0}, d.getNum_values(), leaf);
                }
                case DATA_PAGE -> have = dataPage(h.getData_page_header(), m.getCodec(), body,
                        h.getUncompressed_page_size(), leaf, dictionary, out, have);
                case DATA_PAGE_V2 -> have = dataPageV2(h.getData_page_header_v2(), m.getCodec(), body,
                        h.getUncompressed_page_size(), leaf, dictionary, out, have);
                default -> {
                    // index pages carry no values
                }
            }
        }
        return out;
    }

    private static int dataPage(DataPageHeader d, CompressionCodec codec, byte[] body, int uncompressed, Leaf leaf,
                                Object[] dictionary, Object[] out, int have) {
        byte[] page = decompress(codec, body, 0, body.length, uncompressed);
        int n = Math.min(d.getNum_values(), out.length - have);
        int[] pos = {0};
        int[] defs = null;
        if (leaf.maxDefinition() > 0) {
            if (d.getDefinition_level_encoding() != Encoding.RLE) {
                throw new Unsupported("definition levels in " + d.getDefinition_level_encoding());
            }
            int length = ByteBuffer.wrap(page, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            defs = hybrid(page, 4, length, bitWidth(leaf.maxDefinition()), n);
            pos[0] = 4 + length;
        }
        return place(page, pos, d.getEncoding(), defs, n, leaf, dictionary, out, have);
    }

    private static int dataPageV2(DataPageHeaderV2 d, CompressionCodec codec, byte[] body, int uncompressed,
                                  Leaf leaf, Object[] dictionary, Object[] out, int have) {
        int levels = d.getRepetition_levels_byte_length() + d.getDefinition_levels_byte_length();
        int n = Math.min(d.getNum_values(), out.length - have);
        int[] defs = leaf.maxDefinition() == 0 ? null : hybrid(body, d.getRepetition_levels_byte_length(),
                d.getDefinition_levels_byte_length(), bitWidth(leaf.maxDefinition()), n);
        byte[] values = !d.isSetIs_compressed() || d.isIs_compressed()
                ? decompress(codec, body, levels, body.length - levels, uncompressed - levels)
                : java.util.Arrays.copyOfRange(body, levels, body.length);
        return place(values, new int[] {0}, d.getEncoding(), defs, n, leaf, dictionary, out, have);
    }

    /** Decodes the values of {@code n} entries (nulls where the definition level is short) into {@code out}. */
    private static int place(byte[] page, int[] pos, Encoding encoding, int[] defs, int n, Leaf leaf,
                             Object[] dictionary, Object[] out, int have) {
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (defs == null || defs[i] == leaf.maxDefinition()) {
                present++;
            }
        }
        Object[] values = switch (encoding) {
            case PLAIN -> plain(page, pos, present, leaf);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictionary == null) {
                    throw new IllegalStateException("a dictionary-encoded page comes before any dictionary");
                }
                int width = page[pos[0]] & 0xff;
                int[] ids = hybrid(page, pos[0] + 1, page.length - pos[0] - 1, width, present);
                Object[] v = new Object[present];
                for (int i = 0; i < present; i++) {
                    v[i] = dictionary[ids[i]];
                }
                yield v;
            }
            case RLE -> {
                // Version 2 pages keep booleans run-length encoded: a length, then the hybrid runs of width 1.
                if (leaf.element().getType() != org.apache.parquet.format.Type.BOOLEAN) {
                    throw new Unsupported("values encoded RLE are decoded for booleans only");
                }
                int length = ByteBuffer.wrap(page, pos[0], 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                int[] bits = hybrid(page, pos[0] + 4, length, 1, present);
                Object[] v = new Object[present];
                for (int i = 0; i < present; i++) {
                    v[i] = bits[i] == 1;
                }
                yield v;
            }
            case DELTA_BINARY_PACKED -> {
                var type = leaf.element().getType();
                if (type != org.apache.parquet.format.Type.INT32 && type != org.apache.parquet.format.Type.INT64) {
                    throw new IllegalStateException("DELTA_BINARY_PACKED on a " + type + " column");
                }
                long[] raw = deltaBinaryPacked(page, pos, present);
                Object[] v = new Object[present];
                for (int i = 0; i < present; i++) {
                    v[i] = shown(type == org.apache.parquet.format.Type.INT32 ? (Object) (int) raw[i] : raw[i],
                            leaf.element());
                }
                yield v;
            }
            case DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY -> {
                byte[][] raw = deltaBytes(page, pos, encoding == Encoding.DELTA_BYTE_ARRAY, present);
                Object[] v = new Object[present];
                for (int i = 0; i < present; i++) {
                    v[i] = shown(raw[i], leaf.element());
                }
                yield v;
            }
            case BYTE_STREAM_SPLIT -> {
                // Byte k of every value is in stream k: put each value's bytes back together, then read PLAIN.
                int width = switch (leaf.element().getType()) {
                    case FLOAT, INT32 -> 4;
                    case DOUBLE, INT64 -> 8;
                    case FIXED_LEN_BYTE_ARRAY -> leaf.element().getType_length();
                    default -> throw new IllegalStateException("BYTE_STREAM_SPLIT on a " + leaf.element().getType()
                            + " column");
                };
                int streams = (page.length - pos[0]) / width;
                if (width <= 0 || present > streams) {
                    throw new IllegalStateException("the page holds " + streams + " values, not " + present);
                }
                byte[] joined = new byte[present * width];
                for (int i = 0; i < present; i++) {
                    for (int k = 0; k < width; k++) {
                        joined[i * width + k] = page[pos[0] + k * streams + i];
                    }
                }
                yield plain(joined, new int[] {0}, present, leaf);
            }
            default -> throw new Unsupported("values encoded " + encoding + " are not decoded here");
        };
        int next = 0;
        for (int i = 0; i < n; i++) {
            out[have++] = defs == null || defs[i] == leaf.maxDefinition() ? values[next++] : null;
        }
        return have;
    }

    /** The largest value count a delta header may claim (more is a lie: no page holds it). */
    private static final long MAX_DELTA_VALUES = 1 << 24;

    /**
     * The first {@code count} values of a DELTA_BINARY_PACKED stream (a header, then blocks of a zigzag minimum
     * delta, one bit width per miniblock, and the bit-packed miniblocks); {@code pos} ends past the last miniblock
     * read, which is the stream's end when {@code count} is its total.
     */
    static long[] deltaBinaryPacked(byte[] b, int[] pos, int count) {
        long blockSize = uvarint(b, pos);
        long miniblocks = uvarint(b, pos);
        long total = uvarint(b, pos);
        long value = zigzag(uvarint(b, pos));
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || blockSize / miniblocks % 32 != 0 || blockSize > MAX_DELTA_VALUES || total > MAX_DELTA_VALUES) {
            throw new IllegalStateException("bad delta header (block " + blockSize + ", miniblocks " + miniblocks
                    + ", values " + total + ")");
        }
        if (count > total) {
            throw new IllegalStateException("the delta stream holds " + total + " values, not " + count);
        }
        long[] out = new long[count];
        int n = 0;
        if (count > 0) {
            out[n++] = value;
        }
        int perMiniblock = (int) (blockSize / miniblocks);
        while (n < count) {
            long minDelta = zigzag(uvarint(b, pos));
            int[] widths = new int[(int) miniblocks];
            for (int m = 0; m < miniblocks; m++) {
                widths[m] = b[pos[0]++] & 0xff;
                if (widths[m] > 64) {
                    throw new IllegalStateException("a miniblock of " + widths[m] + "-bit deltas");
                }
            }
            for (int m = 0; m < miniblocks && n < count; m++) {
                int start = pos[0];
                for (int j = 0; j < perMiniblock && n < count; j++) {
                    value += minDelta + bitsLong(b, start, (long) j * widths[m], widths[m]);
                    out[n++] = value;
                }
                pos[0] = start + perMiniblock * widths[m] / 8;
            }
        }
        return out;
    }

    /** The first {@code count} values of DELTA_LENGTH_BYTE_ARRAY, or of DELTA_BYTE_ARRAY (prefixes shared). */
    private static byte[][] deltaBytes(byte[] b, int[] pos, boolean prefixed, int count) {
        long[] prefixes = null;
        if (prefixed) {
            prefixes = deltaBinaryPacked(b, pos, totalOf(b, pos[0]));
        }
        long[] lengths = deltaBinaryPacked(b, pos, totalOf(b, pos[0]));
        if (prefixes != null && prefixes.length != lengths.length || count > lengths.length) {
            throw new IllegalStateException("the delta lengths do not match the values");
        }
        byte[][] out = new byte[count][];
        byte[] previous = new byte[0];
        int p = pos[0];
        for (int i = 0; i < count; i++) {
            long length = lengths[i];
            long prefix = prefixes == null ? 0 : prefixes[i];
            if (length < 0 || prefix < 0 || prefix > previous.length || p + length > b.length) {
                throw new IllegalStateException("a value's length " + length + " or prefix " + prefix
                        + " does not fit the page");
            }
            byte[] value = new byte[(int) (prefix + length)];
            System.arraycopy(previous, 0, value, 0, (int) prefix);
            System.arraycopy(b, p, value, (int) prefix, (int) length);
            p += (int) length;
            out[i] = value;
            previous = value;
        }
        pos[0] = p;
        return out;
    }

    /** The value count in the header of the delta stream at {@code at}, read without moving. */
    private static int totalOf(byte[] b, int at) {
        int[] peek = {at};
        uvarint(b, peek);
        uvarint(b, peek);
        long total = uvarint(b, peek);
        if (total > MAX_DELTA_VALUES) {
            throw new IllegalStateException("a delta stream claims " + total + " values");
        }
        return (int) total;
    }

    private static long uvarint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalStateException("a varint longer than 64 bits");
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static long bitsLong(byte[] b, int start, long bit, int width) {
        long v = 0;
        for (int k = 0; k < width; k++) {
            long at = bit + k;
            v |= (long) ((b[start + (int) (at >>> 3)] >> (int) (at & 7)) & 1) << k;
        }
        return v;
    }

    private static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /** The first {@code count} values of Parquet's RLE / bit-packed hybrid encoding. */
    static int[] hybrid(byte[] b, int offset, int length, int width, int count) {
        if (width > 32 || offset < 0 || length < 0 || offset + length > b.length) {
            throw new IllegalStateException("bad run-length data (width " + width + ", " + length + " bytes)");
        }
        int[] out = new int[count];
        int n = 0;
        int p = offset;
        int end = offset + length;
        while (n < count) {
            long header = 0;
            int shift = 0;
            byte x;
            do {
                if (p >= end || shift > 28) {
                    throw new IllegalStateException("run-length data ends early");
                }
                x = b[p++];
                header |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            if ((header & 1) == 0) {
                int bytes = (width + 7) / 8;
                if (p + bytes > end) {
                    throw new IllegalStateException("run-length data ends early");
                }
                int v = 0;
                for (int i = 0; i < bytes; i++) {
                    v |= (b[p + i] & 0xff) << (8 * i);
                }
                p += bytes;
                for (long run = header >>> 1; run > 0 && n < count; run--) {
                    out[n++] = v;
                }
            } else {
                long values = (header >>> 1) * 8;
                long bits = values * width;
                if (p + (bits + 7) / 8 > end && n + values < count) {
                    throw new IllegalStateException("bit-packed data ends early");
                }
                for (long i = 0; i < values && n < count; i++) {
                    out[n++] = bits(b, p, i * width, width, end);
                }
                p += (int) Math.min((bits + 7) / 8, end - p);
            }
        }
        return out;
    }

    private static int bits(byte[] b, int start, long bit, int width, int end) {
        int v = 0;
        for (int k = 0; k < width; k++) {
            long at = bit + k;
            int index = start + (int) (at >>> 3);
            if (index >= end) {
                throw new IllegalStateException("bit-packed data ends early");
            }
            v |= ((b[index] >> (int) (at & 7)) & 1) << k;
        }
        return v;
    }

    /** {@code count} PLAIN values from {@code pos}, shown as the column's logical type says. */
    private static Object[] plain(byte[] b, int[] pos, int count, Leaf leaf) {
        SchemaElement e = leaf.element();
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        Object[] out = new Object[count];
        int p = pos[0];
        for (int i = 0; i < count; i++) {
            Object raw;
            switch (e.getType()) {
                case BOOLEAN -> raw = ((b[pos[0] + i / 8] >> (i % 8)) & 1) == 1;
                case INT32 -> {
                    raw = le.getInt(p);
                    p += 4;
                }
                case INT64 -> {
                    raw = le.getLong(p);
                    p += 8;
                }
                case INT96 -> {
                    long nanos = le.getLong(p);
                    long julianDay = Integer.toUnsignedLong(le.getInt(p + 8));
                    raw = Instant.ofEpochSecond((julianDay - 2_440_588L) * 86_400L, nanos);
                    p += 12;
                }
                case FLOAT -> {
                    raw = le.getFloat(p);
                    p += 4;
                }
                case DOUBLE -> {
                    raw = le.getDouble(p);
                    p += 8;
                }
                case BYTE_ARRAY -> {
                    int length = le.getInt(p);
                    if (length < 0 || p + 4 + length > b.length) {
                        throw new IllegalStateException("a value's length " + length + " passes the page's end");
                    }
                    raw = java.util.Arrays.copyOfRange(b, p + 4, p + 4 + length);
                    p += 4 + length;
                }
                case FIXED_LEN_BYTE_ARRAY -> {
                    int length = e.getType_length();
                    raw = java.util.Arrays.copyOfRange(b, p, p + length);
                    p += length;
                }
                default -> throw new Unsupported("physical type " + e.getType());
            }
            out[i] = shown(raw, e);
        }
        pos[0] = e.getType() == org.apache.parquet.format.Type.BOOLEAN ? pos[0] + (count + 7) / 8 : p;
        return out;
    }

    /** A raw value as the column's logical (or converted) type shows it, JSON-friendly. */
    private static Object shown(Object raw, SchemaElement e) {
        LogicalType l = e.isSetLogicalType() ? e.getLogicalType() : null;
        ConvertedType c = e.isSetConverted_type() ? e.getConverted_type() : null;
        if (raw instanceof byte[] bytes) {
            if (l != null && l.isSetDECIMAL() || c == ConvertedType.DECIMAL) {
                int scale = l != null && l.isSetDECIMAL() ? l.getDECIMAL().getScale() : e.getScale();
                return new BigDecimal(new BigInteger(bytes), scale).toPlainString();
            }
            if (l != null && l.isSetUUID() && bytes.length == 16) {
                ByteBuffer be = ByteBuffer.wrap(bytes);
                return new UUID(be.getLong(), be.getLong()).toString();
            }
            boolean text = l != null && (l.isSetSTRING() || l.isSetENUM() || l.isSetJSON())
                    || c == ConvertedType.UTF8 || c == ConvertedType.ENUM || c == ConvertedType.JSON;
            return text || l == null && c == null ? textOrHex(bytes, text) : hex(bytes);
        }
        if (raw instanceof Integer || raw instanceof Long) {
            long v = ((Number) raw).longValue();
            if (l != null && l.isSetDECIMAL() || c == ConvertedType.DECIMAL) {
                int scale = l != null && l.isSetDECIMAL() ? l.getDECIMAL().getScale() : e.getScale();
                return BigDecimal.valueOf(v, scale).toPlainString();
            }
            if (l != null && l.isSetDATE() || c == ConvertedType.DATE) {
                return LocalDate.ofEpochDay(v).toString();
            }
            if (l != null && l.isSetTIMESTAMP()) {
                return timestamp(v, l.getTIMESTAMP().getUnit(), l.getTIMESTAMP().isIsAdjustedToUTC());
            }
            if (c == ConvertedType.TIMESTAMP_MILLIS || c == ConvertedType.TIMESTAMP_MICROS) {
                return timestamp(v, c == ConvertedType.TIMESTAMP_MILLIS ? TimeUnit.MILLIS(new org.apache.parquet
                        .format.MilliSeconds()) : TimeUnit.MICROS(new org.apache.parquet.format.MicroSeconds()), true);
            }
            if (l != null && l.isSetTIME()) {
                TimeUnit u = l.getTIME().getUnit();
                return LocalTime.ofNanoOfDay(v * (u.isSetMILLIS() ? 1_000_000L : u.isSetMICROS() ? 1_000L : 1L))
                        .toString();
            }
            boolean unsigned = l != null && l.isSetINTEGER() && !l.getINTEGER().isIsSigned()
                    || c == ConvertedType.UINT_32 || c == ConvertedType.UINT_64;
            if (unsigned && raw instanceof Integer i) {
                return Integer.toUnsignedLong(i);
            }
            if (unsigned && v < 0) {
                return Long.toUnsignedString(v);
            }
            return raw;
        }
        if (raw instanceof Float f && !Float.isFinite(f) || raw instanceof Double d && !Double.isFinite(d)) {
            return raw.toString();
        }
        if (raw instanceof Instant i) {
            return i.toString();
        }
        return raw;
    }

    private static String timestamp(long v, TimeUnit unit, boolean utc) {
        Instant at = unit.isSetMILLIS() ? Instant.ofEpochMilli(v)
                : unit.isSetMICROS() ? Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L),
                        Math.floorMod(v, 1_000_000L) * 1_000L)
                : Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        return utc ? at.toString() : at.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
    }

    /** Text when the bytes are UTF-8 (or must be), else hex. */
    private static String textOrHex(byte[] bytes, boolean mustBeText) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
        } catch (CharacterCodingException e) {
            return mustBeText ? new String(bytes, StandardCharsets.UTF_8) : hex(bytes);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < Math.min(bytes.length, 32); i++) {
            sb.append(String.format("%02x", bytes[i]));
        }
        return bytes.length > 32 ? sb + "…" : sb.toString();
    }

    private static byte[] decompress(CompressionCodec codec, byte[] in, int offset, int length, int size) {
        if (size < 0 || size > MAX_COLUMN_BYTES * 4) {
            throw new Unsupported("a page of " + size + " bytes uncompressed is more than a sample reads");
        }
        byte[] out = new byte[size];
        int n = switch (codec) {
            case UNCOMPRESSED -> {
                System.arraycopy(in, offset, out, 0, Math.min(length, size));
                yield Math.min(length, size);
            }
            case SNAPPY -> new SnappyDecompressor().decompress(in, offset, length, out, 0, size);
            case ZSTD -> new ZstdDecompressor().decompress(in, offset, length, out, 0, size);
            case LZ4_RAW -> new Lz4Decompressor().decompress(in, offset, length, out, 0, size);
            case GZIP -> {
                try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, offset, length))) {
                    yield z.readNBytes(out, 0, size);
                } catch (IOException e) {
                    throw new IllegalStateException("gzip: " + e.getMessage(), e);
                }
            }
            default -> throw new Unsupported("codec " + codec + " is not decoded here");
        };
        if (n != size) {
            throw new IllegalStateException("a page gave " + n + " bytes where its header says " + size);
        }
        return out;
    }

    /**
     * A column chunk as a stream, fetched in blocks (or a whole page at once when one is asked for), at most
     * {@link #MAX_COLUMN_BYTES} in all.
     */
    private static final class ChunkStream extends InputStream {
        private final Fetch fetch;
        private final long end;
        private long next;
        private long fetched;
        private byte[] buffer = new byte[0];
        private int at;

        ChunkStream(Fetch fetch, long start, long end) {
            this.fetch = fetch;
            this.next = start;
            this.end = end;
        }

        @Override
        public int read() {
            if (at == buffer.length && !fill(1)) {
                return -1;
            }
            return buffer[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (at == buffer.length && !fill(len)) {
                return -1;
            }
            int n = Math.min(len, buffer.length - at);
            System.arraycopy(buffer, at, b, off, n);
            at += n;
            return n;
        }

        /** The next {@code n} bytes: what is buffered, and the rest in one read. */
        byte[] take(int n) {
            byte[] out = new byte[n];
            int buffered = Math.min(n, buffer.length - at);
            System.arraycopy(buffer, at, out, 0, buffered);
            at += buffered;
            if (buffered < n) {
                int rest = n - buffered;
                if (next + rest > end) {
                    throw new IllegalStateException("the chunk ends inside a page");
                }
                if (fetched + rest > MAX_COLUMN_BYTES) {
                    throw tooLarge();
                }
                byte[] tail = fetch.read(next, rest);
                System.arraycopy(tail, 0, out, buffered, rest);
                fetched += rest;
                next += rest;
            }
            return out;
        }

        private static Unsupported tooLarge() {
            return new Unsupported("its first pages are larger than the " + (MAX_COLUMN_BYTES >> 20)
                    + " MiB a sample reads");
        }

        private boolean fill(int wanted) {
            int n = (int) Math.min(Math.max(wanted, BLOCK), end - next);
            if (n <= 0) {
                return false;
            }
            if (fetched + n > MAX_COLUMN_BYTES) {
                throw tooLarge();
            }
            buffer = fetch.read(next, n);
            fetched += n;
            next += n;
            at = 0;
            return buffer.length > 0;
        }
    }
}
