package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.TransactionFailedException;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Azure-specific table behaviour on Azurite: exact typed round trips, filter translation, transactions. */
class AzureTableStoreTest {
    private static StorageAccount account;
    private static TableStore tables;
    private static String table;

    @BeforeAll
    static void open() {
        account = AzuriteAccounts.open();
        tables = account.tables();
        table = AzuriteAccounts.table("t");
        tables.createTable(table);
    }

    @AfterAll
    static void close() {
        tables.deleteTable(table);
        account.close();
    }

    @Test
    void everyTypeRoundTripsExactlyIncludingDoubleEdgeValues() {
        Instant at = Instant.parse("2024-02-29T12:34:56.1234567Z");
        TableEntity e = TableEntity.builder("types", "1").put("S", "héllo 😀 'quoted'").put("I", 42)
                .put("L", Long.MIN_VALUE).put("D1", 1.0).put("Dmax", Double.MAX_VALUE).put("Dmin", Double.MIN_VALUE)
                .put("Nan", Double.NaN).put("Inf", Double.POSITIVE_INFINITY).put("NInf", Double.NEGATIVE_INFINITY)
                .put("B", true).put("T", at).put("Bin", new byte[] {0, -1, 7}).put("BinEmpty", new byte[0])
                .put("G", UUID.fromString("0b6a8f6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"))
                .put("I32Min", Integer.MIN_VALUE).put("I32Max", Integer.MAX_VALUE).put("I64Max", Long.MAX_VALUE)
                .put("Tenth", 0.1).put("Epoch", Instant.EPOCH).put("Old", Instant.parse("1900-01-01T00:00:00Z"))
                .put("Long", "x".repeat(30_000)).put("Empty", "").put("BinLarge", new byte[60 * 1024]).build();
        tables.insertEntity(table, e);
        TableEntity back = tables.getEntity(table, "types", "1");
        assertThat(back).isEqualTo(e);
        assertThat(back.getDouble("D1")).isEqualTo(1.0);
        assertThat(back.getDateTime("T")).isEqualTo(at);
        assertThat(back.etag()).isNotBlank();
        assertThat(back.timestamp()).isNotNull();
    }

    /** An emulator fact behind {@link AzuriteGaps}: when this fails, Azurite keeps -0.0 and the gap can go. */
    @Test
    void azuriteWritesNegativeZeroBackAsZero() {
        tables.upsertEntity(table, TableEntity.builder("negzero", "1").put("D", -0.0).build(), UpdateMode.REPLACE);
        assertThat(Double.doubleToRawLongBits(tables.getEntity(table, "negzero", "1").getDouble("D"))).isZero();
    }

    @Test
    void dateTimesAreKeptTo100Nanoseconds() {
        tables.upsertEntity(table, TableEntity.builder("dt", "1").put("T", Instant.parse("2024-01-01T00:00:00.123456789Z"))
                .build(), UpdateMode.REPLACE);
        assertThat(tables.getEntity(table, "dt", "1").getDateTime("T"))
                .isEqualTo(Instant.parse("2024-01-01T00:00:00.1234567Z"));
    }

    @Test
    void filtersKeepNeutralSemanticsAcrossNumericTypesAndEscapeQuotes() {
        String pk = "f" + UUID.randomUUID();
        tables.insertEntity(table, TableEntity.builder(pk, "a").put("N", 5).put("Name", "o'brien").build());
        tables.insertEntity(table, TableEntity.builder(pk, "b").put("N", 50L).put("Name", "x").build());
        tables.insertEntity(table, TableEntity.builder(pk, "c").put("N", 7.5).build());
        Filter inPartition = Filter.partitionKey(pk);
        assertThat(rows(inPartition.and(Filter.gt("N", 6)))).containsExactly("b", "c");
        assertThat(rows(inPartition.and(Filter.eq("Name", "o'brien")))).containsExactly("a");
        assertThat(rows(inPartition.and(Filter.eq("Name", "x").negate()))).containsExactly("a", "c");
        assertThat(rows(Filter.parse("PartitionKey eq '" + pk + "' and (N lt 6 or N ge 50L)"))).containsExactly("a", "b");
        List<TableEntity> selected = tables.query(table, TableQuery.where(inPartition.and(Filter.gt("N", 6)))
                .withSelect("Name")).stream().toList();
        assertThat(selected).extracting(TableEntity::rowKey).containsExactly("b", "c");
        assertThat(selected.get(0).propertyNames()).containsExactly("Name");
    }

    private static List<String> rows(Filter f) {
        return tables.query(table, TableQuery.where(f)).stream().map(TableEntity::rowKey).toList();
    }

    @Test
    void transactionsAreAllOrNothingAndTheirLimitsAreChecked() {
        String pk = "tx" + UUID.randomUUID();
        tables.insertEntity(table, TableEntity.of(pk, "exists"));
        List<TableAction> failing = List.of(TableAction.insert(TableEntity.of(pk, "new")),
                TableAction.insert(TableEntity.of(pk, "exists")));
        assertThatThrownBy(() -> tables.submitTransaction(table, failing))
                .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                    assertThat(e.failedActionIndex()).isEqualTo(1);
                });
        assertThat(tables.findEntity(table, pk, "new")).isEmpty();

        var results = tables.submitTransaction(table, List.of(TableAction.insert(TableEntity.of(pk, "n1")),
                TableAction.delete(pk, "absent", null), TableAction.delete(pk, "exists", null)));
        assertThat(results).hasSize(3);
        assertThat(results.get(0).etag()).isNotBlank();
        assertThat(tables.findEntity(table, pk, "exists")).isEmpty();

        List<TableAction> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(TableAction.insert(TableEntity.of(pk, "r" + i)));
        }
        assertThatThrownBy(() -> tables.submitTransaction(table, tooMany))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> tables.submitTransaction(table, List.of(TableAction.insert(TableEntity.of(pk, "1")),
                TableAction.insert(TableEntity.of(pk + "x", "1")))))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("one partition");
    }

    @Test
    void aTransactionActionTheServiceCallsInvalidIsAnInvalidArgument() {
        // Found by the MCP fuzzer: Azurite refuses a malformed ETag in a batch part with code InvalidInput and no
        // status of its own, which was INTERNAL.
        String pk = "bad" + UUID.randomUUID();
        tables.insertEntity(table, TableEntity.of(pk, "r1"));
        for (TableAction bad : List.of(TableAction.delete(pk, "r1", "\"0x1\""),
                TableAction.update(TableEntity.of(pk, "r1"), UpdateMode.MERGE, "0C._x_"))) {
            assertThatThrownBy(() -> tables.submitTransaction(table, List.of(bad)))
                    .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
                        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.failedActionIndex()).isZero();
                    });
        }
        assertThat(tables.findEntity(table, pk, "r1")).isPresent();
    }

    @Test
    void aRefusedKeyIsAStorageExceptionEvenWhenTheErrorComesAsXml() {
        // Found by the secrets harness: Azurite answers a table call with a wrong key in XML, which azure-core reads
        // with Jackson's XML module; without it on the class path the call failed with a LinkageError.
        String wrong = "AccountName=" + io.unistore.testsupport.azurite.Azurite.ACCOUNT + ";AccountKey="
                + java.util.Base64.getEncoder().encodeToString(new byte[64]) + ";TableEndpoint="
                + io.unistore.testsupport.azurite.Azurite.shared().tableEndpoint();
        try (StorageAccount denied = io.unistore.Unistore.open(wrong, java.util.Map.of("maxRetries", "1"))) {
            assertThatThrownBy(() -> denied.tables().listTables().stream().toList())
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                            .isIn(ErrorCode.UNAUTHENTICATED, ErrorCode.PERMISSION_DENIED));
        }
    }

    @Test
    void queriesPageWithTokensAndStopAtTop() {
        String pk = "page" + UUID.randomUUID();
        List<TableAction> inserts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            inserts.add(TableAction.insert(TableEntity.builder(pk, String.format("r%02d", i)).put("I", i).build()));
        }
        assertThat(tables.bulkWrite(table, inserts, io.unistore.table.BulkWriteOptions.defaults()).isComplete()).isTrue();
        var first = tables.query(table, TableQuery.where(Filter.partitionKey(pk)).withPageSize(10)).firstPage();
        assertThat(first.items()).hasSize(10);
        var next = tables.query(table, TableQuery.where(Filter.partitionKey(pk)).withPageSize(10)
                .withContinuationToken(first.continuationToken())).firstPage();
        assertThat(next.items().get(0).rowKey()).isEqualTo("r10");
        assertThat(tables.query(table, TableQuery.where(Filter.partitionKey(pk)).withPageSize(7).withTop(12)).stream())
                .hasSize(12);
        assertThat(tables.getEntity(table, pk, "r03", List.of("I")).getInt("I")).isEqualTo(3);
        assertThat(tables.listTables(io.unistore.ListOptions.prefix(table)).stream().map(t -> t.name()))
                .containsExactly(table);
        assertThat(tables.tableExists(table)).isTrue();
        assertThat(tables.tableExists("Nosuchtable" + pk.substring(4, 10).replace("-", ""))).isFalse();
    }

    @Test
    void mergeKeepsOtherPropertiesAndReplaceDropsThem() {
        tables.upsertEntity(table, TableEntity.builder("m", "1").put("A", 1).put("B", 2).build(), UpdateMode.REPLACE);
        tables.upsertEntity(table, TableEntity.builder("m", "1").put("B", 3).build(), UpdateMode.MERGE);
        assertThat(tables.getEntity(table, "m", "1").properties()).containsEntry("A", 1).containsEntry("B", 3);
        tables.upsertEntity(table, TableEntity.builder("m", "1").put("C", 4).build(), UpdateMode.REPLACE);
        assertThat(tables.getEntity(table, "m", "1").properties()).containsOnlyKeys("C");
        assertThatThrownBy(() -> tables.insertEntity(table, TableEntity.of("m", "1")))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        assertThatThrownBy(() -> tables.getEntity("Missingtable1", "m", "1"))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void etagsGuardUpdatesAndDeletes() {
        String etag = tables.insertEntity(table, TableEntity.builder("etag", "1").put("V", 1).build());
        String next = tables.updateEntity(table, TableEntity.builder("etag", "1").put("V", 2).build(),
                UpdateMode.MERGE, etag);
        assertThatThrownBy(() -> tables.updateEntity(table, TableEntity.of("etag", "1"), UpdateMode.MERGE, etag))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThat(tables.deleteEntity(table, "etag", "1", next)).isTrue();
        assertThat(tables.deleteEntity(table, "etag", "1", null)).isFalse();
        assertThatThrownBy(() -> tables.deleteEntity(table, "etag", "1", next))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
