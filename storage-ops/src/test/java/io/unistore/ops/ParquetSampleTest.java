package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sample rows of Parquet files written by Parquet's own writer (parquet-mr), with each codec, page version and
 * encoding a writer picks by default, read back through a store: the values are the ones written, typed as their
 * logical types say, and only the first pages are read. What the sample does not decode is named, never guessed.
 */
class ParquetSampleTest {
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message sale {
              required int64 id;
              optional binary customer (STRING);
              optional double amount;
              required boolean paid;
              optional int64 at (TIMESTAMP(MICROS,true));
              optional int32 day (DATE);
              optional int32 price (DECIMAL(9,2));
              optional fixed_len_byte_array(12) total (DECIMAL(24,4));
              optional float ratio;
              optional binary raw;
              optional group address { optional binary city (STRING); }
              repeated binary tag (STRING);
            }""");

    @TempDir
    Path dir;

    static Path write(Path file, int rows, CompressionCodecName codec, WriterVersion version, boolean dictionary,
                      int groupBytes) throws IOException {
        return write(file, rows, codec, version, dictionary, false, groupBytes);
    }

    static Path write(Path file, int rows, CompressionCodecName codec, WriterVersion version, boolean dictionary,
                      boolean byteStreamSplit, int groupBytes) throws IOException {
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                .withByteStreamSplitEncoding(byteStreamSplit)
                .withConf(new PlainParquetConfiguration()).withCodecFactory(new Compressors())
                .withCompressionCodec(codec).withWriterVersion(version)
                .withDictionaryEncoding(dictionary).withRowGroupSize((long) groupBytes).withPageSize(64 * 1024)
                .build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
            for (int i = 0; i < rows; i++) {
                Group g = f.newGroup().append("id", (long) i).append("paid", i % 2 == 0)
                        .append("at", 1_700_000_000_000_000L + i).append("day", 19_000 + i % 10)
                        .append("price", 100 * i + 99).append("ratio", i / 4f)
                        .append("raw", Binary.fromConstantByteArray(new byte[] {(byte) 0xff, (byte) i}));
                if (i % 7 != 0) {
                    g.append("customer", "c" + (i % 50));
                    g.append("amount", i * 1.5);
                }
                byte[] total = new byte[12];
                byte[] unscaled = BigInteger.valueOf(-12_345_678L * (i + 1)).toByteArray();
                Arrays.fill(total, 0, 12 - unscaled.length, (byte) 0xff);
                System.arraycopy(unscaled, 0, total, 12 - unscaled.length, unscaled.length);
                g.append("total", Binary.fromConstantByteArray(total));
                Group address = g.addGroup("address");
                if (i % 3 != 1) {
                    address.append("city", i % 3 == 0 ? "Lyon" : "Paris");
                }
                g.append("tag", "t" + i);
                w.write(g);
            }
        }
        return file;
    }

    /**
     * The writer's compression by snappy-java, zstd-jni and the JDK's gzip (parquet-mr's own codecs would need
     * Hadoop's runtime jars), so the pages are compressed by other code than the aircompressor that reads them
     * (LZ4 raw excepted).
     */
    static final class Compressors implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            return new BytesInputCompressor() {
                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    byte[] in = bytes.toByteArray();
                    return BytesInput.from(switch (codec) {
                        case UNCOMPRESSED -> in;
                        case SNAPPY -> org.xerial.snappy.Snappy.compress(in);
                        case ZSTD -> com.github.luben.zstd.Zstd.compress(in);
                        // No other LZ4 library here: aircompressor writes the block, so this checks the framing.
                        case LZ4_RAW -> {
                            var lz4 = new io.airlift.compress.lz4.Lz4Compressor();
                            byte[] out = new byte[lz4.maxCompressedLength(in.length)];
                            int n = lz4.compress(in, 0, in.length, out, 0, out.length);
                            yield Arrays.copyOf(out, n);
                        }
                        case GZIP -> {
                            var out = new java.io.ByteArrayOutputStream();
                            try (var z = new java.util.zip.GZIPOutputStream(out)) {
                                z.write(in);
                            }
                            yield out.toByteArray();
                        }
                        default -> throw new UnsupportedOperationException(codec.name());
                    });
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return codec;
                }

                @Override
                public void release() {
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("the tests only write");
        }

        @Override
        public void release() {
        }
    }

    /** The row written as {@code i}, as the sample shows it (the repeated tag is left out). */
    static Map<String, Object> expected(int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", (long) i);
        row.put("customer", i % 7 == 0 ? null : "c" + (i % 50));
        row.put("amount", i % 7 == 0 ? null : i * 1.5);
        row.put("paid", i % 2 == 0);
        row.put("at", java.time.Instant.ofEpochSecond(1_700_000_000L, i * 1_000L).toString());
        row.put("day", java.time.LocalDate.ofEpochDay(19_000 + i % 10).toString());
        row.put("price", BigDecimal.valueOf(100L * i + 99, 2).toPlainString());
        row.put("total", BigDecimal.valueOf(-12_345_678L * (i + 1), 4).toPlainString());
        row.put("ratio", i / 4f);
        row.put("raw", String.format("0xff%02x", i & 0xff));
        row.put("address.city", i % 3 == 1 ? null : i % 3 == 0 ? "Lyon" : "Paris");
        return row;
    }

    private ParquetProfile.Result describe(Path file, RangedContent[] content, int rows) throws IOException {
        try (StorageAccount account = Backends.local()) {
            account.blobs().createContainer("data");
            account.blobs().upload("data", "f.parquet", file, UploadOptions.defaults());
            content[0] = RangedContent.ofBlob(account.blobs(), "data", "f.parquet", ReadOptions.defaults());
            return ParquetProfile.of(content[0], "blob", rows);
        }
    }

    @ParameterizedTest(name = "{0}, {1}, dictionary {2}")
    @CsvSource({"UNCOMPRESSED, PARQUET_1_0, true", "SNAPPY, PARQUET_1_0, true", "SNAPPY, PARQUET_1_0, false",
            "ZSTD, PARQUET_1_0, true", "ZSTD, PARQUET_2_0, true", "SNAPPY, PARQUET_2_0, true", "GZIP, PARQUET_1_0, true",
            "GZIP, PARQUET_2_0, true", "UNCOMPRESSED, PARQUET_2_0, false", "LZ4_RAW, PARQUET_1_0, true"})
    void theFirstRowsAreTheOnesWritten(CompressionCodecName codec, WriterVersion version, boolean dictionary)
            throws IOException {
        Path file = write(dir.resolve("f.parquet"), 3_000, codec, version, dictionary, 1 << 20);
        RangedContent[] content = new RangedContent[1];
        ParquetProfile.Result r = describe(file, content, 8);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            expected.add(expected(i));
        }
        assertThat(r.notSampled()).containsOnlyKeys("tag");
        assertThat(r.notSampled().get("tag")).contains("repeated");
        assertThat(r.sample()).isEqualTo(expected);
        // The tail, the footer, then the first row group in one read.
        assertThat(content[0].requests()).isEqualTo(3);
    }

    @Test
    void aLargeFileIsSampledFromItsFirstPagesAlone() throws IOException {
        Path file = write(dir.resolve("big.parquet"), 200_000, CompressionCodecName.UNCOMPRESSED,
                WriterVersion.PARQUET_1_0, false, 8 << 20);
        RangedContent[] content = new RangedContent[1];
        ParquetProfile.Result r = describe(file, content, 5);
        assertThat(r.rowGroups()).isGreaterThan(1);
        assertThat(r.sample()).hasSize(5).element(4).isEqualTo(expected(4));
        // A row group past the one-read size: a few blocks per column, a small part of the file.
        assertThat(r.bytesRead()).isLessThan(Files.size(file) / 5);
        assertThat(content[0].requests()).isLessThanOrEqualTo(2 + 2L * SCHEMA.getColumns().size());
    }

    @Test
    void everyEncodingOfVersionTwoPagesIsDecoded() throws IOException {
        // Without a dictionary: integers DELTA_BINARY_PACKED, strings DELTA_BYTE_ARRAY, floating point
        // BYTE_STREAM_SPLIT, booleans RLE; 20,000 rows so the deltas run over several blocks and pages.
        Path file = write(dir.resolve("delta.parquet"), 20_000, CompressionCodecName.SNAPPY,
                WriterVersion.PARQUET_2_0, false, true, 1 << 20);
        ParquetProfile.Result r = describe(file, new RangedContent[1], 2_000);
        assertThat(r.notSampled()).containsOnlyKeys("tag");
        for (int i = 0; i < 2_000; i++) {
            assertThat(r.sample().get(i)).as("row " + i).isEqualTo(expected(i));
        }
    }

    @Test
    void deltaStreamsThatLieAreRefused() {
        // block 128, 4 miniblocks, 3 values, first 1; a delta block of minimum 1 and widths 0: values 1, 2, 3.
        byte[] ok = {(byte) 0x80, 1, 4, 3, 2, 2, 0, 0, 0, 0};
        assertThat(ParquetSample.deltaBinaryPacked(ok, new int[] {0}, 3)).containsExactly(1, 2, 3);
        // A header claiming more values than any page holds, a block size that is not a multiple of 128, a
        // miniblock of 65-bit deltas, more values asked for than the stream holds.
        byte[] huge = {(byte) 0x80, 1, 4, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 2};
        byte[] oddBlock = {100, 4, 3, 2, 2, 0, 0, 0, 0};
        byte[] wide = {(byte) 0x80, 1, 4, 3, 2, 2, 65, 0, 0, 0};
        for (byte[] lie : List.of(huge, oddBlock, wide)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetSample.deltaBinaryPacked(lie,
                    new int[] {0}, 3)).isInstanceOf(IllegalStateException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetSample.deltaBinaryPacked(ok,
                new int[] {0}, 4)).hasMessageContaining("holds 3 values");
    }

    @Test
    void aDamagedPageLeavesItsColumnOutAndTheRestSampled() throws IOException {
        Path file = write(dir.resolve("bad.parquet"), 100, CompressionCodecName.UNCOMPRESSED,
                WriterVersion.PARQUET_1_0, true, 1 << 20);
        byte[] bytes = Files.readAllBytes(file);
        // The first column chunk starts right after the magic: its first page header becomes noise.
        Arrays.fill(bytes, 4, 24, (byte) 0xee);
        Files.write(file, bytes);
        ParquetProfile.Result r = describe(file, new RangedContent[1], 2);
        assertThat(r.rows()).isEqualTo(100);
        assertThat(r.notSampled()).containsKey("id");
        assertThat(r.notSampled().get("id")).startsWith("cannot be decoded");
        assertThat(r.sample()).hasSize(2);
        assertThat(r.sample().get(1)).containsEntry("customer", "c1").doesNotContainKey("id");
    }

    @Test
    void noSampleIsReadUnlessAskedFor() throws IOException {
        Path file = write(dir.resolve("f.parquet"), 100, CompressionCodecName.SNAPPY, WriterVersion.PARQUET_1_0,
                true, 1 << 20);
        RangedContent[] content = new RangedContent[1];
        ParquetProfile.Result r = describe(file, content, 0);
        assertThat(r.sample()).isEmpty();
        assertThat(content[0].requests()).isEqualTo(2);
    }

    @Test
    void runLengthDataIsDecodedAndItsLiesRefused() {
        // An RLE run of 5 × 3 (width 2), then one bit-packed group of 8 values 0..7 (width 3).
        byte[] b = {10, 3, 3, (byte) 0b10001000, (byte) 0b11000110, (byte) 0b11111010};
        assertThat(ParquetSample.hybrid(b, 0, 2, 2, 5)).containsExactly(3, 3, 3, 3, 3);
        assertThat(ParquetSample.hybrid(b, 2, 4, 3, 8)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        // A run claiming two billion values yields only what is asked for.
        byte[] huge = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 1};
        assertThat(ParquetSample.hybrid(huge, 0, huge.length, 1, 4)).containsExactly(1, 1, 1, 1);
        // Data that ends before the values asked for, a varint that never ends, a width past 32.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetSample.hybrid(b, 0, 2, 2, 6))
                .hasMessageContaining("ends early");
        byte[] endless = new byte[64];
        Arrays.fill(endless, (byte) 0x80);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetSample.hybrid(endless, 0, 64, 1, 1))
                .hasMessageContaining("ends early");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParquetSample.hybrid(b, 0, 2, 33, 1))
                .hasMessageContaining("width 33");
    }
}
