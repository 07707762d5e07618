package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageAccount;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCsvTest {
    private StorageAccount account;

    @BeforeEach
    void setUp() {
        account = Backends.local();
    }

    @AfterEach
    void tearDown() {
        account.close();
    }

    /** Entity i: every type, sparse properties, one property whose type varies, empty strings, odd text. */
    private static TableEntity varied(long i) {
        TableEntity.Builder b = Fixtures.entity("part" + (i % 16), "row" + i, i).toBuilder();
        if (i % 3 == 0) {
            b.remove("Bin").remove("When");
        }
        b.put("Mixed", i % 2 == 0 ? (Object) (int) i : "text " + i);
        if (i % 5 == 0) {
            b.put("Empty", "");
        }
        if (i % 7 == 0) {
            b.put("Quote", "a \"quoted\", multi\r\nline\tvalue ⚡");
        }
        return b.build();
    }

    @Test
    void roundTripsOneHundredThousandEntitiesOfEveryTypeExactly(@TempDir Path tmp) {
        int n = 100_000;
        account.tables().createTable("big");
        Iterable<TableAction> writes = () -> new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public TableAction next() {
                return TableAction.upsert(varied(i++), UpdateMode.REPLACE);
            }
        };
        assertThat(account.tables().bulkWrite("big", writes, BulkWriteOptions.defaults()).written()).isEqualTo(n);

        Path csv = tmp.resolve("big.csv");
        CsvResult exported = TableCsv.export(account, CsvExportOptions.of("big"), csv);
        assertThat(exported.rows()).isEqualTo(n);
        assertThat(exported.columns()).contains("Mixed@INT32", "Mixed@STRING", "Bin@BINARY", "Id@GUID");

        CsvResult imported = TableCsv.importCsv(account, CsvImportOptions.of("copy"), CsvSource.file(csv));
        assertThat(imported.rows()).isEqualTo(n);
        assertThat(imported.written()).isEqualTo(n);
        assertThat(imported.badRows()).isEmpty();

        var original = TableMigration.hashTable(account.tables(), "big");
        var copy = TableMigration.hashTable(account.tables(), "copy");
        assertThat(copy.count()).isEqualTo(n);
        assertThat(copy.hex()).isEqualTo(original.hex());
        assertThat(account.tables().getEntity("copy", "part0", "row0")).isEqualTo(varied(0));
        assertThat(account.tables().getEntity("copy", "part5", "row5").getString("Empty")).isEqualTo("");
        assertThat(account.tables().getEntity("copy", "part1", "row1").has("Empty")).isFalse();
    }

    @Test
    void badRowsAreReportedByLineAndNothingIsWritten() {
        String csv = """
                PartitionKey,RowKey,Age@INT32,Note
                p,1,30,"fine"
                p,2,thirty,"a note spanning
                two lines"
                p,3,31
                p,1,32,"duplicate keys"
                ,5,33,"no partition key"
                p,6,34,"ok"
                """;
        assertThatThrownBy(() -> TableCsv.importCsv(account, CsvImportOptions.of("people"), CsvSource.text(csv)))
                .isInstanceOfSatisfying(CsvImportException.class, e -> {
                    assertThat(e.badRowCount()).isEqualTo(4);
                    assertThat(e.badRows()).extracting(CsvResult.BadRow::line).containsExactly(3L, 5L, 6L, 7L);
                    assertThat(e.badRows().get(0).message()).contains("Age@INT32", "'thirty'", "32-bit integer");
                    assertThat(e.badRows().get(1).message()).contains("3 cells", "header has 4");
                    assertThat(e.badRows().get(2).message()).contains("already on line 2");
                    assertThat(e.badRows().get(3).message()).contains("PartitionKey is empty");
                });
        assertThat(account.tables().tableExists("people")).isFalse();

        CsvResult skipped = TableCsv.importCsv(account, CsvImportOptions.of("people").withSkipBadRows(true),
                CsvSource.text(csv));
        assertThat(skipped.written()).isEqualTo(2);
        assertThat(skipped.skipped()).isEqualTo(4);
        assertThat(Fixtures.entities(account.tables(), "people")).containsOnlyKeys("p/1", "p/6");
        assertThat(account.tables().getEntity("people", "p", "1").getInt("Age")).isEqualTo(30);
    }

    @Test
    void textThatIsNotCsvIsRefusedWithTheParsersReasonAndNoClassName() {
        // Found by the MCP fuzzer: the message began with the parser's exception class.
        String csv = "PartitionKey,RowKey\n\"p\"x,1\n";
        assertThatThrownBy(() -> TableCsv.importCsv(account, CsvImportOptions.of("people"), CsvSource.text(csv)))
                .isInstanceOf(io.unistore.StorageException.class)
                .hasMessageContaining("csv: cannot be parsed after line 2: Invalid character between encapsulated "
                        + "token and delimiter").hasMessageNotContaining("Exception");
        assertThat(account.tables().tableExists("people")).isFalse();
    }

    @Test
    void typeRowAndInferenceGiveTypedColumns() {
        TableCsv.importCsv(account, CsvImportOptions.of("typed").withTypeRow(true), CsvSource.text("""
                PartitionKey,RowKey,Count,Flag,At
                ,,INT64,Edm.Boolean,DATETIME
                "p","r","7","true","2026-01-31T12:00:00Z"
                """));
        TableEntity t = account.tables().getEntity("typed", "p", "r");
        assertThat(t.getLong("Count")).isEqualTo(7L);
        assertThat(t.getBoolean("Flag")).isTrue();
        assertThat(t.getDateTime("At")).isEqualTo(java.time.Instant.parse("2026-01-31T12:00:00Z"));

        CsvResult inferred = TableCsv.importCsv(account, CsvImportOptions.of("inferred"), CsvSource.text(
                "\uFEFFPartitionKey,RowKey,Small,Big,Ratio,Yes,Id,When,Words\n"
                        + "p,1,1,5000000000,1.5,true,0b6a8f6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b,2026-01-31T12:00:00Z,héllo\n"
                        + "p,2,,2,2,FALSE,0b6a8f6e-1c2d-4e5f-8a9b-0c1d2e3f4a5c,2026-02-01T00:00:00+01:00,42\n"));
        assertThat(inferred.columns()).containsExactly("PartitionKey", "RowKey", "Small@INT32", "Big@INT64",
                "Ratio@DOUBLE", "Yes@BOOLEAN", "Id@GUID", "When@DATETIME", "Words@STRING");
        TableEntity two = account.tables().getEntity("inferred", "p", "2");
        assertThat(two.has("Small")).isFalse();
        assertThat(two.getDouble("Ratio")).isEqualTo(2.0);
        assertThat(two.getString("Words")).isEqualTo("42");
    }

    @Test
    void exportWithATypeRowAndChosenColumnsReadsBack() {
        account.tables().createTable("src");
        account.tables().insertEntity("src", TableEntity.builder("p", "r").put("A", 1).put("B", "x").put("C", 2.5)
                .build());
        StringWriter out = new StringWriter();
        TableCsv.export(account, CsvExportOptions.of("src").withColumns(java.util.List.of("A@INT32", "C@DOUBLE"))
                .withTypeRow(true), out);
        assertThat(out.toString()).isEqualTo("\"PartitionKey\",\"RowKey\",\"A\",\"C\"\r\n"
                + "\"STRING\",\"STRING\",\"INT32\",\"DOUBLE\"\r\n\"p\",\"r\",\"1\",\"2.5\"\r\n");
        TableCsv.importCsv(account, CsvImportOptions.of("back").withTypeRow(true), CsvSource.text(out.toString()));
        assertThat(Fixtures.entities(account.tables(), "back"))
                .isEqualTo(Map.of("p/r", TableEntity.builder("p", "r").put("A", 1).put("C", 2.5).build()));
    }
}
