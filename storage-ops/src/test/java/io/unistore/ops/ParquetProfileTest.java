package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.blob.ReadOptions;
import io.unistore.tck.ErrorAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet files written by Parquet's own writer, described from their footer through a store: exact row count,
 * row groups, every column's types, null counts and min/max, with two small ranged reads however large the file.
 */
class ParquetProfileTest {
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message sale {
              required int64 id;
              optional binary customer (STRING);
              optional double amount;
              required boolean paid;
              optional int64 at (TIMESTAMP(MICROS,true));
              optional group address { optional binary city (STRING); }
            }""");

    @TempDir
    Path dir;

    /** Rows in row groups of about {@code groupBytes}: every 7th customer is null, amounts are i * 1.5. */
    static Path write(Path file, int rows, int groupBytes) throws IOException {
        Random random = new Random(7);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                .withConf(new PlainParquetConfiguration()).withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withRowGroupSize((long) groupBytes).withPageSize(64 * 1024).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
            for (int i = 0; i < rows; i++) {
                Group g = f.newGroup().append("id", (long) i).append("amount", i * 1.5).append("paid", i % 2 == 0)
                        .append("at", 1_700_000_000_000_000L + i);
                if (i % 7 != 0) {
                    g.append("customer", "c" + (10_000 + random.nextInt(90_000)));
                }
                g.addGroup("address").append("city", i % 3 == 0 ? "Lyon" : "Paris");
                w.write(g);
            }
        }
        return file;
    }

    /**
     * Writes the fixture the MCP server's describe-blob tests read ({@code sales.parquet}, 5,000 rows in row
     * groups of about 32 KiB): run with the test class path, the target file as the argument.
     */
    public static void main(String[] args) throws IOException {
        Files.deleteIfExists(Path.of(args[0]));
        write(Path.of(args[0]), 5_000, 32 << 10);
    }

    @Test
    void theFooterTellsRowsTypesAndStatisticsWithTwoSmallReads() throws IOException {
        Path file = write(dir.resolve("sales.parquet"), 60_000, 256 << 10);
        try (StorageAccount account = Backends.local()) {
            account.blobs().createContainer("data");
            account.blobs().upload("data", "sales.parquet", file, io.unistore.blob.UploadOptions.defaults());
            RangedContent content = RangedContent.ofBlob(account.blobs(), "data", "sales.parquet",
                    ReadOptions.defaults());
            ParquetProfile.Result r = ParquetProfile.of(content, "blob");
            assertThat(r.rows()).isEqualTo(60_000);
            assertThat(r.rowGroups()).isGreaterThan(1);
            assertThat(r.createdBy()).startsWith("parquet-mr");
            assertThat(r.columns()).extracting(ParquetProfile.Column::name).containsExactly("id", "customer",
                    "amount", "paid", "at", "address.city");
            ParquetProfile.Column id = r.columns().get(0);
            assertThat(id.type()).isEqualTo("int64");
            assertThat(id.repetition()).isEqualTo("required");
            assertThat(id.min()).isEqualTo("0");
            assertThat(id.max()).isEqualTo("59999");
            assertThat(id.nulls()).isZero();
            ParquetProfile.Column customer = r.columns().get(1);
            assertThat(customer.type()).isEqualTo("string");
            assertThat(customer.physicalType()).isEqualTo("BYTE_ARRAY");
            assertThat(customer.nulls()).isEqualTo((60_000 + 6) / 7);
            assertThat(customer.min()).startsWith("c1");
            assertThat(customer.max()).startsWith("c9");
            assertThat(r.columns().get(2).max()).isEqualTo(String.valueOf(59_999 * 1.5));
            assertThat(r.columns().get(3).type()).isEqualTo("boolean");
            assertThat(r.columns().get(4).type()).isEqualTo("timestamp(micros,utc)");
            assertThat(r.columns().get(5).min()).isEqualTo("Lyon");
            assertThat(r.columns().get(5).max()).isEqualTo("Paris");
            // Two ranged reads of the end: the tail, then the footer; nothing of the data pages.
            assertThat(content.requests()).isEqualTo(2);
            assertThat(content.bytesRead()).isEqualTo(r.bytesRead()).isLessThan(Files.size(file) / 100);
        }
    }

    @Test
    void otherContentIsRefusedNamingTheField() throws IOException {
        try (StorageAccount account = Backends.local()) {
            account.blobs().createContainer("data");
            account.blobs().upload("data", "a.csv", "id,name\n1,x\n".getBytes());
            account.blobs().upload("data", "tiny", new byte[3]);
            byte[] lying = new byte[64];
            System.arraycopy("PAR1".getBytes(), 0, lying, 0, 4);
            lying[56] = (byte) 0xff; // footer length far past the start
            lying[57] = (byte) 0xff;
            System.arraycopy("PAR1".getBytes(), 0, lying, 60, 4);
            account.blobs().upload("data", "lying.parquet", lying);
            for (String blob : new String[] {"a.csv", "tiny", "lying.parquet"}) {
                RangedContent c = RangedContent.ofBlob(account.blobs(), "data", blob, ReadOptions.defaults());
                assertThat(ErrorAssertions.assertFails(ErrorCode.INVALID_ARGUMENT, () -> ParquetProfile.of(c,
                        "blob")).getMessage()).as(blob).contains("blob").contains("not a readable Parquet file");
            }
        }
    }
}
