package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.BulkWriteResult;
import io.unistore.table.Filter;
import io.unistore.table.PropertyType;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.TableSchema;
import io.unistore.table.TableStore;
import io.unistore.table.TransactionFailedException;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TableStore}: every provider with {@link Capability#TABLES} passes it against its
 * real back end. Extend it and implement {@link #openAccount()}.
 */
public abstract class TableStoreContract extends StoreContract {

    protected TableStore tables;
    private String queryTable;

    @Override
    final Capability storeCapability() {
        return Capability.TABLES;
    }

    @Override
    final void openStore() {
        tables = account.tables();
    }

    @Override
    final void remove(String table) {
        tables.deleteTable(table);
    }

    @BeforeAll
    void seedTheQueryTable() {
        queryTable = newTable();
        seedQueryTable();
    }

    /** Creates a fresh table that is removed after the class. */
    protected String newTable() {
        String name = track(TestData.uniqueTableName("tck"));
        tables.createTable(name);
        return name;
    }

    private static TableEntity entity(String pk, String rk, Object... namesAndValues) {
        TableEntity.Builder b = TableEntity.builder(pk, rk);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Property by property, so a failure names the property rather than printing whole entities. */
    private static void assertSameProperties(TableEntity actual, TableEntity expected) {
        assertThat(actual.propertyNames()).containsExactlyInAnyOrderElementsOf(expected.propertyNames());
        for (String name : expected.propertyNames()) {
            assertThat(actual.typeOf(name)).as("type of %s", name).isEqualTo(expected.typeOf(name));
            assertThat(actual.get(name)).as("value of %s", name).isEqualTo(expected.get(name));
        }
        assertThat(actual).isEqualTo(expected);
    }

    // ---- tables ------------------------------------------------------------------------------------

    @Test
    void createExistsDeleteFollowTheConventions() {
        String name = TestData.uniqueTableName("life");
        assertThat(tables.tableExists(name)).isFalse();
        tables.createTable(name);
        track(name);
        assertThat(tables.tableExists(name)).isTrue();
        assertFails(ErrorCode.ALREADY_EXISTS, () -> tables.createTable(name));
        assertThat(tables.createTableIfNotExists(name)).isFalse();
        assertThat(tables.deleteTable(name)).isTrue();
        assertThat(tables.tableExists(name)).isFalse();
        assertThat(tables.deleteTable(name)).isFalse();

        // A fresh name: Azure refuses to recreate a just-deleted table for a while.
        String other = track(TestData.uniqueTableName("life"));
        assertThat(tables.createTableIfNotExists(other)).isTrue();
        assertThat(tables.tableExists(other)).isTrue();
    }

    @Test
    void listTablesFiltersByPrefixAndPages() {
        String prefix = "Lst" + TestData.uniqueTableName("p").replaceAll("[^A-Za-z0-9]", "");
        List<String> names = new ArrayList<>();
        for (String suffix : List.of("e", "a", "d", "b", "c")) {
            String name = prefix + suffix;
            tables.createTable(name);
            track(name);
            names.add(name);
        }
        names.sort(Comparator.naturalOrder());
        Paging.assertListsExactly("tables", (token, size) -> tables.listTables(ListOptions.prefix(prefix)
                .withPageSize(size).withContinuationToken(token)), TableInfo::name, 2, names);
    }

    @Test
    void badTableNamesAreRefusedAndCreateNothing() {
        List<String> bad = List.of("ab", "1abc", "has-dash", "with space", "tables", "ünïcode", "x".repeat(64));
        for (String name : bad) {
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.createTable(name));
        }
        assertThat(tables.listTables().stream().map(TableInfo::name).toList()).doesNotContainAnyElementsOf(bad);
    }

    @Test
    void aMissingTableIsNotFound() {
        String missing = TestData.uniqueTableName("missing");
        assertThat(tables.deleteTable(missing)).isFalse();
        assertFails(ErrorCode.NOT_FOUND, () -> tables.getEntity(missing, "p", "r"));
        assertFails(ErrorCode.NOT_FOUND, () -> tables.insertEntity(missing, entity("p", "r")));
        assertFails(ErrorCode.NOT_FOUND, () -> tables.query(missing, TableQuery.all()).firstPage());
        assertThat(tables.findEntity(missing, "p", "r")).isEmpty();
    }

    // ---- entities ----------------------------------------------------------------------------------

    @Test
    void everyPropertyTypeRoundTripsExactly() {
        String t = newTable();
        byte[] large = TestData.bytes(7, 60 * 1024);
        TableEntity written = TableEntity.builder("types", "all")
                .put("S", "plain")
                .put("SUnicode", "ünïcödé 日本語 😀 ∑")
                .put("SLong", "x".repeat(30_000))
                .put("SEmpty", "")
                .put("I32Min", Integer.MIN_VALUE).put("I32Max", Integer.MAX_VALUE).put("I32Zero", 0)
                .put("I64Min", Long.MIN_VALUE).put("I64Max", Long.MAX_VALUE).put("I64Small", 42L)
                .put("DNaN", Double.NaN).put("DPosInf", Double.POSITIVE_INFINITY)
                .put("DNegInf", Double.NEGATIVE_INFINITY)
                .put("DMin", Double.MIN_VALUE).put("DMax", Double.MAX_VALUE).put("DTenth", 0.1)
                .put("BTrue", true).put("BFalse", false)
                .put("T100ns", Instant.parse("2026-11-23T21:09:56.1234567Z"))
                .put("TEpoch", Instant.EPOCH)
                .put("TOld", Instant.parse("1900-01-01T00:00:00Z"))
                .put("BinEmpty", new byte[0])
                .put("BinSmall", new byte[] {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff})
                .put("BinLarge", large)
                .put("G", UUID.fromString("0b6a8f6e-6d1a-4c2b-9f4e-123456789abc"))
                .build();
        tables.insertEntity(t, written);

        TableEntity read = tables.getEntity(t, "types", "all");
        assertSameProperties(read, written);
        assertThat(read.getBinary("BinLarge")).isEqualTo(large);
        assertThat(read.etag()).isNotBlank();
        assertThat(read.timestamp()).isNotNull();

        // The same values come back through a query as through a point read.
        List<TableEntity> queried = tables.query(t, TableQuery.where(Filter.partitionKey("types"))).stream().toList();
        assertThat(queried).hasSize(1);
        assertSameProperties(queried.get(0), written);
    }

    /** Apart from the other types because one emulator (Azurite) loses the sign; Azure keeps it. */
    @Test
    void negativeZeroKeepsItsSign() {
        String t = newTable();
        tables.insertEntity(t, entity("p", "r", "Z", -0.0, "One", 1.0));
        TableEntity read = tables.getEntity(t, "p", "r");
        assertThat(read.typeOf("Z")).isEqualTo(PropertyType.DOUBLE);
        assertThat(1 / read.getDouble("Z")).as("negative zero keeps its sign").isNegative();
        assertThat(read.getDouble("One")).isEqualTo(1.0);
        assertThat(read.typeOf("One")).as("a whole double stays a double").isEqualTo(PropertyType.DOUBLE);
    }

    @Test
    void unicodeKeysRoundTripAndQuery() {
        String t = newTable();
        String pk = "ünï-😀 part";
        String rk = "日本 row's";
        tables.insertEntity(t, entity(pk, rk, "V", 1));
        assertThat(tables.getEntity(t, pk, rk).getInt("V")).isEqualTo(1);
        assertThat(tables.query(t, TableQuery.where("PartitionKey eq 'ünï-😀 part' and RowKey eq '日本 row''s'"))
                .stream().toList()).hasSize(1);
    }

    @Test
    void insertRefusesDuplicatesAndKeepsTheOriginal() {
        String t = newTable();
        tables.insertEntity(t, entity("p", "r", "V", "first"));
        assertFails(ErrorCode.ALREADY_EXISTS, () -> tables.insertEntity(t, entity("p", "r", "V", "second")));
        assertThat(tables.getEntity(t, "p", "r").getString("V")).isEqualTo("first");
    }

    @Test
    void upsertMergesOrReplaces() {
        String t = newTable();
        tables.upsertEntity(t, entity("p", "r", "A", 1, "B", 2), UpdateMode.MERGE);
        assertThat(tables.getEntity(t, "p", "r")).isEqualTo(entity("p", "r", "A", 1, "B", 2));

        tables.upsertEntity(t, entity("p", "r", "B", 3, "C", 4), UpdateMode.MERGE);
        assertThat(tables.getEntity(t, "p", "r")).isEqualTo(entity("p", "r", "A", 1, "B", 3, "C", 4));

        tables.upsertEntity(t, entity("p", "r", "D", 5), UpdateMode.REPLACE);
        assertThat(tables.getEntity(t, "p", "r")).isEqualTo(entity("p", "r", "D", 5));

        tables.upsertEntity(t, entity("p", "new", "E", true), UpdateMode.REPLACE);
        assertThat(tables.getEntity(t, "p", "new")).isEqualTo(entity("p", "new", "E", true));
    }

    @Test
    void updateNeedsAnExistingEntityAndAMatchingEtag() {
        String t = newTable();
        assertFails(ErrorCode.NOT_FOUND, () -> tables.updateEntity(t, entity("p", "r", "A", 1), UpdateMode.MERGE, null));
        assertFails(ErrorCode.NOT_FOUND, () -> tables.updateEntity(t, entity("p", "r", "A", 1), UpdateMode.REPLACE, "*"));
        assertThat(tables.findEntity(t, "p", "r")).isEmpty();

        String etag1 = tables.insertEntity(t, entity("p", "r", "A", 1, "B", 2));
        String etag2 = tables.updateEntity(t, entity("p", "r", "B", 20), UpdateMode.MERGE, etag1);
        assertThat(etag2).isNotEqualTo(etag1);
        assertThat(tables.getEntity(t, "p", "r")).isEqualTo(entity("p", "r", "A", 1, "B", 20));

        assertFails(ErrorCode.PRECONDITION_FAILED,
                () -> tables.updateEntity(t, entity("p", "r", "A", 99), UpdateMode.REPLACE, etag1));
        assertThat(tables.getEntity(t, "p", "r")).isEqualTo(entity("p", "r", "A", 1, "B", 20));

        String etag3 = tables.updateEntity(t, entity("p", "r", "C", 3), UpdateMode.REPLACE, etag2);
        assertThat(tables.getEntity(t, "p", "r")).isEqualTo(entity("p", "r", "C", 3));
        tables.updateEntity(t, entity("p", "r", "D", 4), UpdateMode.MERGE, "*");
        tables.updateEntity(t, entity("p", "r", "E", 5), UpdateMode.MERGE, null);
        assertThat(tables.getEntity(t, "p", "r")).isEqualTo(entity("p", "r", "C", 3, "D", 4, "E", 5));
        assertThat(tables.getEntity(t, "p", "r").etag()).isNotEqualTo(etag3);
    }

    @Test
    void everyWriteChangesTheEtagAndReadsReturnIt() {
        String t = newTable();
        String e1 = tables.insertEntity(t, entity("p", "r", "V", 1));
        assertThat(tables.getEntity(t, "p", "r").etag()).isEqualTo(e1);
        String e2 = tables.upsertEntity(t, entity("p", "r", "V", 2), UpdateMode.MERGE);
        String e3 = tables.upsertEntity(t, entity("p", "r", "V", 3), UpdateMode.REPLACE);
        String e4 = tables.updateEntity(t, entity("p", "r", "V", 4), UpdateMode.MERGE, e3);
        assertThat(List.of(e1, e2, e3, e4)).doesNotHaveDuplicates();
        assertThat(tables.getEntity(t, "p", "r").etag()).isEqualTo(e4);
    }

    @Test
    void deleteFollowsTheConventions() {
        String t = newTable();
        assertThat(tables.deleteEntity(t, "p", "absent", null)).isFalse();
        assertFails(ErrorCode.NOT_FOUND, () -> tables.deleteEntity(t, "p", "absent", "W/\"x\""));

        String etag = tables.insertEntity(t, entity("p", "r", "V", 1));
        tables.updateEntity(t, entity("p", "r", "V", 2), UpdateMode.MERGE, etag);
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> tables.deleteEntity(t, "p", "r", etag));
        assertThat(tables.findEntity(t, "p", "r")).isPresent();

        String current = tables.getEntity(t, "p", "r").etag();
        assertThat(tables.deleteEntity(t, "p", "r", current)).isTrue();
        assertThat(tables.findEntity(t, "p", "r")).isEmpty();

        tables.insertEntity(t, entity("p", "r2", "V", 1));
        assertThat(tables.deleteEntity(t, "p", "r2", null)).isTrue();
        assertThat(tables.deleteEntity(t, "p", "r2", null)).isFalse();
    }

    @Test
    void getEntitySelectsProperties() {
        String t = newTable();
        tables.insertEntity(t, entity("p", "r", "A", 1, "B", "two", "C", 3.0));
        TableEntity selected = tables.getEntity(t, "p", "r", List.of("A", "C", "Missing"));
        assertThat(selected.partitionKey()).isEqualTo("p");
        assertThat(selected.rowKey()).isEqualTo("r");
        assertThat(selected.propertyNames()).containsExactlyInAnyOrder("A", "C");
        assertThat(selected.getInt("A")).isEqualTo(1);
        assertThat(selected.getDouble("C")).isEqualTo(3.0);
        assertThat(selected.etag()).isNotBlank();
        assertFails(ErrorCode.NOT_FOUND, () -> tables.getEntity(t, "p", "absent"));
        assertThat(tables.findEntity(t, "p", "absent")).isEmpty();
    }

    @Test
    void badKeysAndPropertyNamesAreRefused() {
        String t = newTable();
        for (String bad : List.of("a/b", "a\\b", "a#b", "a?b", "a\u0001b")) {
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.insertEntity(t, entity(bad, "r")));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.insertEntity(t, entity("p", bad)));
        }
        for (String bad : List.of("1starts", "has-dash", "has space", "x".repeat(256), "tab\tname")) {
            assertThat(account.capabilities().propertyNames().allows(bad)).as("declared as refused: %s", bad).isFalse();
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.insertEntity(t, entity("p", "r", bad, 1)));
        }
        assertThat(tables.query(t, TableQuery.all()).stream().toList()).isEmpty();
    }

    @Test
    void propertyNamesFollowTheDeclaredRuleAndReadBackAsWritten() {
        String t = newTable();
        // Names other clients write to Azure Tables (C# identifiers of any script): each is stored where the
        // declared rule allows it, refused where it does not, and an entity read back can be written back.
        List<String> names = List.of("Größe", "名前", "_under_score", "Ünïcode_x2", "x".repeat(255));
        TableEntity.Builder b = TableEntity.builder("p", "names");
        int i = 0;
        for (String name : names) {
            if (account.capabilities().propertyNames().allows(name)) {
                b.put(name, ++i);
            } else {
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.insertEntity(t, entity("p", "r", name, 1)));
            }
        }
        assertThat(i).as("the rule takes some of these names").isPositive();
        TableEntity written = b.build();
        tables.insertEntity(t, written);
        TableEntity read = tables.getEntity(t, "p", "names");
        assertSameProperties(read, written);
        tables.upsertEntity(t, read, UpdateMode.REPLACE);
        assertSameProperties(tables.getEntity(t, "p", "names"), written);
        String first = written.propertyNames().iterator().next();
        assertThat(tables.query(t, TableQuery.where(first + " eq 1")).stream().map(TableEntity::rowKey).toList())
                .as("a filter names it too").containsExactly("names");
    }

    // ---- queries -----------------------------------------------------------------------------------

    private static final Instant BASE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final int PARTITIONS = 3;
    private static final int ROWS = 10;

    private static UUID guid(int i) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", i));
    }

    private void seedQueryTable() {
        for (int p = 1; p <= PARTITIONS; p++) {
            for (int r = 1; r <= ROWS; r++) {
                int i = (p - 1) * ROWS + r;
                tables.upsertEntity(queryTable, TableEntity.builder("p" + p, String.format("r%02d", r))
                        .put("Age", r)
                        .put("Name", r == 3 ? "O'Brien" : "name" + r)
                        .put("Big", 1_000_000_000L * i)
                        .put("Score", r / 2.0)
                        .put("Active", r % 2 == 0)
                        .put("When", BASE_TIME.plus(i, ChronoUnit.DAYS))
                        .put("Id", guid(i))
                        .put("Raw", new byte[] {(byte) p, (byte) r})
                        .build(), UpdateMode.REPLACE);
            }
        }
    }

    private static String key(TableEntity e) {
        return e.partitionKey() + "/" + e.rowKey();
    }

    private List<String> keysOf(TableQuery query) {
        return tables.query(queryTable, query).stream().map(TableStoreContract::key).toList();
    }

    @Test
    void queriesReturnEntitiesInKeyOrder() {
        List<String> all = keysOf(TableQuery.all());
        assertThat(all).hasSize(PARTITIONS * ROWS);
        assertThat(all).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void filterObjectsAndODataTextSelectTheSameEntities() {
        assertThat(keysOf(TableQuery.where(Filter.partitionKey("p2"))))
                .isEqualTo(keysOf(TableQuery.where("PartitionKey eq 'p2'")))
                .hasSize(ROWS).allMatch(k -> k.startsWith("p2/"));
        assertThat(keysOf(TableQuery.where(Filter.partitionKey("p1").and(Filter.ge("RowKey", "r03"))
                .and(Filter.lt("RowKey", "r06")))))
                .containsExactly("p1/r03", "p1/r04", "p1/r05")
                .isEqualTo(keysOf(TableQuery.where("PartitionKey eq 'p1' and RowKey ge 'r03' and RowKey lt 'r06'")));
    }

    @Test
    void everyLiteralTypeFilters() {
        assertThat(keysOf(TableQuery.where("Age gt 8"))).hasSize(2 * PARTITIONS);
        assertThat(keysOf(TableQuery.where("Big ge 25000000000L"))).hasSize(6);
        assertThat(keysOf(TableQuery.where("Score lt 1.5"))).hasSize(2 * PARTITIONS);
        assertThat(keysOf(TableQuery.where("Active eq true"))).hasSize(5 * PARTITIONS);
        assertThat(keysOf(TableQuery.where("Active eq false and PartitionKey eq 'p3'"))).hasSize(5);
        assertThat(keysOf(TableQuery.where("When ge datetime'2026-01-29T00:00:00Z'"))).hasSize(3);
        assertThat(keysOf(TableQuery.where("Id eq guid'" + guid(12) + "'"))).containsExactly("p2/r02");
        assertThat(keysOf(TableQuery.where("Raw eq X'0304'"))).containsExactly("p3/r04");
        assertThat(keysOf(TableQuery.where("Name eq 'O''Brien'"))).hasSize(PARTITIONS);
        assertThat(keysOf(TableQuery.where(Filter.eq("Name", "O'Brien")))).hasSize(PARTITIONS);
    }

    @Test
    void notOrAndParenthesesCombine() {
        assertThat(keysOf(TableQuery.where(
                "(PartitionKey eq 'p1' or PartitionKey eq 'p2') and not (Age le 8)")))
                .containsExactly("p1/r09", "p1/r10", "p2/r09", "p2/r10");
        assertThat(keysOf(TableQuery.where("not (PartitionKey ne 'p3') and (Age eq 1 or Age eq 10)")))
                .containsExactly("p3/r01", "p3/r10");
        assertThat(keysOf(TableQuery.where("Missing eq 'x' or Age eq 7"))).hasSize(PARTITIONS);
    }

    @Test
    void timestampFilters() {
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        assertThat(keysOf(TableQuery.where(Filter.ge("Timestamp", hourAgo)))).hasSize(PARTITIONS * ROWS);
        assertThat(keysOf(TableQuery.where(Filter.lt("Timestamp", hourAgo)))).isEmpty();
    }

    @Test
    void selectAndTopShapeResults() {
        List<TableEntity> selected = tables.query(queryTable, TableQuery.where("PartitionKey eq 'p1'")
                .withSelect("Age", "Name")).stream().toList();
        assertThat(selected).hasSize(ROWS).allSatisfy(e -> {
            assertThat(e.partitionKey()).isEqualTo("p1");
            assertThat(e.propertyNames()).containsExactlyInAnyOrder("Age", "Name");
        });

        assertThat(keysOf(TableQuery.all().withTop(7))).hasSize(7)
                .isEqualTo(keysOf(TableQuery.all()).subList(0, 7));
        assertThat(keysOf(TableQuery.all().withTop(0))).isEmpty();
    }

    @Test
    void queriesPageWithContinuationTokens() {
        // A service may return fewer entities than asked (Azure does at partition boundaries), never more.
        Paging.assertListsExactly("all entities", (token, size) -> tables.query(queryTable, TableQuery.all()
                .withPageSize(size).withContinuationToken(token)), TableStoreContract::key, 4, keysOf(TableQuery.all()));
        Paging.assertListsExactly("filtered entities", (token, size) -> tables.query(queryTable,
                        TableQuery.where("Age ge 5").withPageSize(size).withContinuationToken(token)),
                TableStoreContract::key, 3, keysOf(TableQuery.where("Age ge 5")));
        assertThat(keysOf(TableQuery.all().withTop(10).withPageSize(4))).as("top counts across pages")
                .isEqualTo(keysOf(TableQuery.all()).subList(0, 10));
    }

    // ---- transactions ------------------------------------------------------------------------------

    @Test
    void transactionsAreUnsupportedWhenNotDeclared() {
        assumeThat(declares(Capability.TABLE_TRANSACTIONS)).isFalse();
        String t = newTable();
        assertFails(ErrorCode.UNSUPPORTED,
                () -> tables.submitTransaction(t, List.of(TableAction.insert(entity("p", "r")))));
    }

    @Test
    void transactionsApplyMixedActions() {
        assumeThat(declares(Capability.TABLE_TRANSACTIONS)).isTrue();
        String t = newTable();
        String etag1 = tables.insertEntity(t, entity("p", "one", "V", 1, "Keep", "k"));
        String etag2 = tables.insertEntity(t, entity("p", "two", "V", 2));
        tables.insertEntity(t, entity("p", "four", "V", 4));

        List<TableActionResult> results = tables.submitTransaction(t, List.of(
                TableAction.insert(entity("p", "three", "V", 3)),
                TableAction.upsert(entity("p", "one", "V", 10), UpdateMode.MERGE),
                TableAction.update(entity("p", "two", "W", 20), UpdateMode.REPLACE, etag2),
                TableAction.delete("p", "four", null),
                TableAction.upsert(entity("p", "five", "V", 5), UpdateMode.REPLACE)));
        assertThat(results).hasSize(5);
        assertThat(results.get(0).etag()).isNotBlank();
        assertThat(results.get(1).etag()).isNotBlank().isNotEqualTo(etag1);
        assertThat(results.get(3).etag()).isNull();

        assertThat(tables.getEntity(t, "p", "one")).isEqualTo(entity("p", "one", "V", 10, "Keep", "k"));
        assertThat(tables.getEntity(t, "p", "two")).isEqualTo(entity("p", "two", "W", 20));
        assertThat(tables.getEntity(t, "p", "three")).isEqualTo(entity("p", "three", "V", 3));
        assertThat(tables.findEntity(t, "p", "four")).isEmpty();
        assertThat(tables.getEntity(t, "p", "five")).isEqualTo(entity("p", "five", "V", 5));
        assertThat(tables.getEntity(t, "p", "one").etag()).isEqualTo(results.get(1).etag());
    }

    @Test
    void aFailingActionRollsTheWholeTransactionBack() {
        assumeThat(declares(Capability.TABLE_TRANSACTIONS)).isTrue();
        String t = newTable();
        tables.insertEntity(t, entity("p", "existing", "V", "original"));

        TransactionFailedException dup = (TransactionFailedException) assertFails(ErrorCode.ALREADY_EXISTS,
                () -> tables.submitTransaction(t, List.of(
                        TableAction.insert(entity("p", "a", "V", 1)),
                        TableAction.upsert(entity("p", "b", "V", 2), UpdateMode.REPLACE),
                        TableAction.insert(entity("p", "existing", "V", "dup")),
                        TableAction.insert(entity("p", "c", "V", 3)))));
        assertThat(dup.failedActionIndex()).isEqualTo(2);
        assertThat(tables.query(t, TableQuery.all()).stream().toList())
                .containsExactly(entity("p", "existing", "V", "original"));

        String stale = tables.getEntity(t, "p", "existing").etag();
        tables.upsertEntity(t, entity("p", "existing", "V", "moved on"), UpdateMode.REPLACE);
        TransactionFailedException pre = (TransactionFailedException) assertFails(ErrorCode.PRECONDITION_FAILED,
                () -> tables.submitTransaction(t, List.of(
                        TableAction.upsert(entity("p", "x", "V", 1), UpdateMode.MERGE),
                        TableAction.update(entity("p", "existing", "V", "stale write"), UpdateMode.MERGE, stale))));
        assertThat(pre.failedActionIndex()).isEqualTo(1);
        assertThat(tables.findEntity(t, "p", "x")).isEmpty();
        assertThat(tables.getEntity(t, "p", "existing").getString("V")).isEqualTo("moved on");

        TransactionFailedException missing = (TransactionFailedException) assertFails(ErrorCode.NOT_FOUND,
                () -> tables.submitTransaction(t, List.of(
                        TableAction.insert(entity("p", "y", "V", 1)),
                        TableAction.update(entity("p", "nobody", "V", 1), UpdateMode.REPLACE, "*"))));
        assertThat(missing.failedActionIndex()).isEqualTo(1);
        assertThat(tables.findEntity(t, "p", "y")).isEmpty();
    }

    @Test
    void transactionLimitsAreEnforcedBeforeWriting() {
        assumeThat(declares(Capability.TABLE_TRANSACTIONS)).isTrue();
        String t = newTable();
        int max = account.capabilities().limits().maxTransactionActions();
        List<TableAction> tooMany = IntStream.rangeClosed(0, max)
                .mapToObj(i -> TableAction.insert(entity("p", "r" + i))).toList();
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.submitTransaction(t, tooMany));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.submitTransaction(t, List.of(
                TableAction.insert(entity("p1", "r")), TableAction.insert(entity("p2", "r")))));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> tables.submitTransaction(t, List.of(
                TableAction.insert(entity("p", "same")), TableAction.upsert(entity("p", "same"), UpdateMode.MERGE))));
        assertThat(tables.query(t, TableQuery.all()).stream().toList()).isEmpty();

        List<TableAction> exactlyMax = IntStream.range(0, max)
                .mapToObj(i -> TableAction.insert(entity("p", String.format("r%03d", i)))).toList();
        assertThat(tables.submitTransaction(t, exactlyMax)).hasSize(max);
        assertThat(tables.query(t, TableQuery.all()).stream().count()).isEqualTo(max);
    }

    // ---- bulk writes and schema --------------------------------------------------------------------

    @Test
    void bulkWriteGroupsAnyNumberOfActions() {
        String t = newTable();
        List<TableAction> actions = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            actions.add(TableAction.upsert(entity("part" + (i % 37), String.format("row%05d", i), "N", i),
                    UpdateMode.REPLACE));
        }
        BulkWriteResult result = tables.bulkWrite(t, actions, BulkWriteOptions.defaults());
        assertThat(result.isComplete()).as("failures: %s", result.failures()).isTrue();
        assertThat(result.written()).isEqualTo(2000);
        assertThat(result.batches()).isLessThan(2000);
        List<TableEntity> all = tables.query(t, TableQuery.all()).stream().toList();
        assertThat(all).hasSize(2000);
        assertThat(all.stream().mapToLong(e -> e.getInt("N")).sum()).isEqualTo(1999L * 2000 / 2);
    }

    @Test
    void schemaIsInferredFromASample() {
        String t = newTable();
        for (int i = 0; i < 10; i++) {
            TableEntity.Builder b = TableEntity.builder("p", "r" + i).put("A", i);
            if (i % 2 == 0) {
                b.put("B", "text" + i);
            }
            b.put("C", i < 7 ? (Object) (long) i : (Object) ("s" + i));
            tables.insertEntity(t, b.build());
        }
        TableSchema schema = tables.inferSchema(t, 100);
        assertThat(schema.sampledEntities()).isEqualTo(10);
        Map<String, TableSchema.PropertySchema> byName = schema.properties().stream()
                .collect(Collectors.toMap(TableSchema.PropertySchema::name, p -> p));
        assertThat(byName).containsOnlyKeys("A", "B", "C");
        assertThat(byName.get("A").occurrences()).isEqualTo(10);
        assertThat(byName.get("A").dominantType()).isEqualTo(PropertyType.INT32);
        assertThat(byName.get("B").occurrences()).isEqualTo(5);
        assertThat(byName.get("C").mixedTypes()).isTrue();
        assertThat(byName.get("C").dominantType()).isEqualTo(PropertyType.INT64);
        assertThat(tables.inferSchema(t, 3).sampledEntities()).isEqualTo(3);
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Test
    void concurrentConditionalUpdatesLoseNothing() throws Exception {
        String t = newTable();
        tables.insertEntity(t, entity("p", "counter", "N", 0));
        int threads = 8;
        int perThread = 10;
        int successes = Concurrently.optimisticWrites(threads, perThread, () -> {
            TableEntity current = tables.getEntity(t, "p", "counter");
            tables.updateEntity(t, entity("p", "counter", "N", current.getInt("N") + 1), UpdateMode.REPLACE,
                    current.etag());
        });
        assertThat(successes).isEqualTo(threads * perThread);
        assertThat(tables.getEntity(t, "p", "counter").getInt("N")).isEqualTo(threads * perThread);
    }
}
