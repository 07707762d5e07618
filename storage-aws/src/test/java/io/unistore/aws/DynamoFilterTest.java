package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.testsupport.aws.Dynalite;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The pushed-down filter ({@link DynamoFilter}) on dynalite: random filters over entities of every type, edge values
 * and mixed types under one name give the same entities as evaluating the filter here on the whole table; what
 * DynamoDB alone keeps is a superset, and exactly the filter's result where the translation says it is exact.
 */
class DynamoFilterTest {
    private static final String TABLE = "dynfilter";
    private static final List<String> NAMES = List.of("S", "N", "D", "T", "G", "X", "_b");
    private static final String EVIL = "x') OR attribute_exists(#pk) OR (#a = :b";
    private static final String LONG = "é#:'\"".repeat(2000);
    private static final List<Object> STRINGS = List.of("", "a", "O'Brien", "#x", ":v", "a\"b", "\uE000", "😀", "z",
            "é", "2026-01-01T00:00:00.000000000Z", "00000000-0000-0001-0000-000000000002", LONG, LONG + "x",
            "x".repeat(20_000));
    /** The strings before the long ones. */
    private static final int SHORT_STRINGS = 12;
    private static final List<Object> NUMBERS = List.of(0, 1, -1, 7, Integer.MAX_VALUE, Integer.MIN_VALUE,
            (1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE, Long.MIN_VALUE, 25_000_000_000L, 7L, 0L,
            0.0, -0.0, 1.5, 7.0, 0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, 1e-130, 9.007199254740992E15, 1e20, -2.5, 1e125);
    private static final List<Object> OTHERS = List.of(true, false,
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-29T12:00:00.1234567Z"),
            Instant.parse("2026-01-29T12:00:00.123456789Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-06-01T00:00:00Z"), Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999999999Z"),
            new UUID(1, 2), new UUID(-1, 5), UUID.fromString("0b6a8f6e-0000-4000-8000-00000000abcd"),
            new byte[0], new byte[] {0}, new byte[] {(byte) 0xff}, new byte[] {1, 2}, new byte[] {0x7f, (byte) 0x80});

    private static StorageAccount account;
    private static TableStore tables;
    private static DynamoDbClient raw;
    private static List<TableEntity> all;

    @BeforeAll
    static void fill() {
        account = AwsEmulators.dynamo();
        tables = account.tables();
        tables.createTableIfNotExists(TABLE);
        raw = rawClient(Dynalite.shared().endpoint());
        Random random = new Random(17);
        for (int i = 0; i < 45; i++) {
            TableEntity.Builder b = TableEntity.builder("p" + (i % 3), "r" + (char) ('a' + i % 26) + i);
            for (String name : NAMES) {
                if (random.nextInt(3) > 0) {
                    b.put(name, pick(random, random.nextInt(3) == 0 ? STRINGS.subList(0, SHORT_STRINGS)
                            : random.nextBoolean() ? NUMBERS : OTHERS));
                }
            }
            tables.upsertEntity(TABLE, b.build(), io.unistore.table.UpdateMode.REPLACE);
        }
        // Long values on one entity only: every scan of the test ships them.
        tables.upsertEntity(TABLE, TableEntity.builder("p0", "long").put("S", LONG).put("X", LONG + "x")
                .put("_b", STRINGS.get(SHORT_STRINGS + 2)).put("N", 7).build(), io.unistore.table.UpdateMode.REPLACE);
        // What other clients write: numbers without tags, some with more digits than a double keeps.
        for (String n : List.of("5.0000000000000000001", "1.25", "12345678901234567890123", "7", "-0.1")) {
            raw.putItem(r -> r.tableName(TABLE).item(Map.of("PartitionKey", AttributeValue.fromS("p1"),
                    "RowKey", AttributeValue.fromS("foreign" + n), "N", AttributeValue.fromN(n),
                    "S", AttributeValue.fromS("a"))));
        }
        // Names the API would not write (not ASCII) but a filter may name, with values an attacker might choose.
        raw.putItem(r -> r.tableName(TABLE).item(Map.of("PartitionKey", AttributeValue.fromS("p2"),
                "RowKey", AttributeValue.fromS("foreign-names"), "Näme", AttributeValue.fromS(EVIL),
                "名前", AttributeValue.fromS("#f0 :f0"))));
        all = tables.query(TABLE, TableQuery.all()).stream().toList();
        assertThat(all).hasSize(52);
    }

    @AfterAll
    static void close() {
        tables.deleteTable(TABLE);
        raw.close();
        account.close();
    }

    static DynamoDbClient rawClient(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(Dynalite.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("unistore-test",
                        "unistore-test-secret")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static Object pick(Random random, List<Object> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    @Test
    void randomFiltersSelectWhatTheFilterSelectsAndDynamoKeepsASuperset() {
        Random random = new Random(42);
        int pushed = 0;
        int exact = 0;
        for (int i = 0; i < 300; i++) {
            Filter filter = randomFilter(random, 3);
            boolean partition = random.nextInt(4) == 0;
            if (partition) {
                filter = Filter.partitionKey("p" + random.nextInt(3)).and(filter);
            }
            List<String> expected = keys(all.stream().filter(filter::test).toList());
            String odata = filter.toOData();
            String why = "filter " + (odata.length() > 400 ? odata.substring(0, 400) + "..." : odata);
            assertThat(keys(tables.query(TABLE, TableQuery.where(filter)
                    .withPageSize(partition ? 1 + random.nextInt(7) : 1000))
                    .stream().toList())).as(why).isEqualTo(expected);

            DynamoFilter f = DynamoFilter.of(filter, true);
            if (f == null) {
                continue;
            }
            pushed++;
            List<String> kept = keys(scan(f).items().stream().map(DynamoItems::entity).toList());
            assertThat(kept).as(why + " pushed as " + shorter(f.expression())).containsAll(expected);
            if (f.exact()) {
                exact++;
                assertThat(kept).as(why + " pushed exactly as " + shorter(f.expression())).isEqualTo(expected);
            }
        }
        assertThat(pushed).isGreaterThan(150);
        assertThat(exact).isGreaterThan(40);
    }

    private static String shorter(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    private static ScanResponse scan(DynamoFilter f) {
        ScanResponse r = raw.scan(b -> b.tableName(TABLE).filterExpression(f.expression())
                .expressionAttributeNames(f.names()).expressionAttributeValues(f.values()).consistentRead(true));
        assertThat(r.lastEvaluatedKey()).isNullOrEmpty();
        return r;
    }

    private static List<String> keys(List<TableEntity> entities) {
        return entities.stream().sorted(java.util.Comparator.comparing(TableEntity::partitionKey,
                        DynamoTableStore.KEY_ORDER).thenComparing(TableEntity::rowKey, DynamoTableStore.KEY_ORDER))
                .map(e -> e.partitionKey() + "/" + e.rowKey()).toList();
    }

    private static Filter randomFilter(Random random, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(6);
        return switch (kind) {
            case 1 -> randomFilter(random, depth - 1).and(randomFilter(random, depth - 1));
            case 2 -> randomFilter(random, depth - 1).or(randomFilter(random, depth - 1));
            case 3 -> randomFilter(random, depth - 1).negate();
            default -> randomComparison(random);
        };
    }

    private static Filter randomComparison(Random random) {
        Filter.Operator op = Filter.Operator.values()[random.nextInt(6)];
        int which = random.nextInt(20);
        if (which == 0) {
            return new Filter.Comparison("RowKey", op, "r" + (char) ('a' + random.nextInt(26)));
        }
        if (which == 1) {
            return new Filter.Comparison("Timestamp", op, Instant.now().minusSeconds(random.nextInt(3) * 3600L));
        }
        String name = which == 2 ? "Missing" : which == 3 ? "Näme" : NAMES.get(random.nextInt(NAMES.size()));
        Object value;
        do {
            value = pick(random, random.nextInt(3) == 0 ? STRINGS : random.nextBoolean() ? NUMBERS : OTHERS);
        } while (value instanceof Double d && !Double.isFinite(d));
        if (value instanceof Double d && d != Double.MAX_VALUE && random.nextInt(4) == 0) {
            value = d + Math.ulp(d) * (random.nextBoolean() ? 1 : -1); // a neighbour of a stored double
        }
        return new Filter.Comparison(name, op, value);
    }

    @Test
    void attackerNamesAndValuesArePlaceholders() {
        String evil = EVIL;
        Filter filter = Filter.eq("Näme", evil).or(Filter.eq("名前", "#f0 :f0")).or(Filter.gt("_b", LONG));
        DynamoFilter f = DynamoFilter.of(filter, true);
        assertThat(f).isNotNull();
        assertThat(f.expression()).doesNotContain(evil, "Näme", "名前", "_b", "#pk");
        assertThat(f.names().values()).contains("Näme", "名前", "_b", "@type:Näme");
        assertThat(keys(scan(f).items().stream().map(DynamoItems::entity).toList()))
                .isEqualTo(keys(all.stream().filter(filter::test).toList()));

        // Too long for a value DynamoDB should be sent: stays here.
        assertThat(DynamoFilter.of(Filter.eq("S", "x".repeat(20_000)), true)).isNull();
        // Lone surrogates cannot go as UTF-8; order across U+D800.. differs between UTF-16 and UTF-8.
        assertThat(DynamoFilter.of(Filter.eq("S", "a\uD800"), true)).isNull();
        assertThat(DynamoFilter.of(Filter.gt("S", "\uE000"), true)).isNull();
        assertThat(DynamoFilter.of(Filter.eq("S", "\uE000"), true)).isNotNull();
        // A Query cannot name its keys in a filter; ne of a number would push everything.
        assertThat(DynamoFilter.of(Filter.eq("RowKey", "r"), false)).isNull();
        assertThat(DynamoFilter.of(Filter.ne("N", 5), true)).isNull();
    }

    @Test
    void andPushesEitherSideOrOnlyBothAndNotOnlyExact() {
        Filter string = Filter.eq("S", "a");
        Filter numberNe = Filter.ne("N", 5);
        assertThat(DynamoFilter.of(string.and(numberNe), true).expression())
                .isEqualTo(DynamoFilter.of(string, true).expression());
        assertThat(DynamoFilter.of(string.or(numberNe), true)).isNull();
        assertThat(DynamoFilter.of(Filter.gt("N", 5).negate(), true)).isNull(); // a band is not exact
        assertThat(DynamoFilter.of(string.negate(), true).exact()).isTrue();
        // A long chain keeps to DynamoDB's 4 KB: the terms beyond are checked here only.
        Filter chain = Filter.ne("S", "v0");
        for (int i = 1; i < 200; i++) {
            chain = chain.and(Filter.ne("S", "v" + i));
        }
        DynamoFilter f = DynamoFilter.of(chain, true);
        assertThat(f.expression().length()).isLessThanOrEqualTo(DynamoFilter.MAX_EXPRESSION);
        assertThat(f.exact()).isFalse();
        assertThat(scan(f).items()).isNotEmpty();
    }

    @Test
    void shortAndEmptyResponsesStillFillPagesAndTop() {
        String table = "dynfilterpages";
        tables.createTableIfNotExists(table);
        try {
            for (int i = 0; i < 60; i++) {
                tables.upsertEntity(table, TableEntity.builder("p", String.format("r%03d", i))
                        .put("Kind", i % 8 == 0 ? "rare" : "common").build(), io.unistore.table.UpdateMode.REPLACE);
            }
            TableQuery q = TableQuery.where("PartitionKey eq 'p' and Kind eq 'rare'");
            List<String> expected = List.of("r000", "r008", "r016", "r024", "r032", "r040", "r048", "r056");
            var pages = tables.query(table, q.withPageSize(3)).byPage().iterator();
            List<String> seen = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            while (pages.hasNext()) {
                var page = pages.next();
                sizes.add(page.items().size());
                page.items().forEach(e -> seen.add(e.rowKey()));
            }
            assertThat(seen).isEqualTo(expected);
            assertThat(sizes.subList(0, 2)).containsExactly(3, 3);
            assertThat(tables.query(table, q.withTop(5)).stream().map(TableEntity::rowKey).toList())
                    .isEqualTo(expected.subList(0, 5));
            assertThat(tables.query(table, q.withPageSize(1)).stream().map(TableEntity::rowKey).toList())
                    .isEqualTo(expected);
        } finally {
            tables.deleteTable(table);
        }
    }

    @Test
    void aSelectiveFilterFetchesFewerBytes() {
        String table = "dynfilterbytes";
        int port = FaultProxy.portOf(Dynalite.shared().endpoint().toString());
        try (FaultProxy proxy = FaultProxy.start(port, FaultPlan.none())) {
            Map<String, String> options = new HashMap<>(AwsEmulators.dynamoOptions());
            options.put("dynamodbEndpoint", proxy.endpoint());
            try (StorageAccount through = Unistore.open("aws://", options)) {
                TableStore t = through.tables();
                t.createTableIfNotExists(table);
                for (int i = 0; i < 60; i++) {
                    t.upsertEntity(table, TableEntity.builder("p", String.format("r%03d", i))
                            .put("Kind", i % 20 == 0 ? "rare" : "common").put("Body", "b".repeat(2000)).build(),
                            io.unistore.table.UpdateMode.REPLACE);
                }
                long pushedBytes = bytes(proxy, () -> t.query(table, TableQuery.where(
                        "PartitionKey eq 'p' and Kind eq 'rare'")).stream().count(), 3);
                long hereBytes = bytes(proxy, () -> t.query(table, TableQuery.where(
                        "PartitionKey eq 'p' and (Kind eq 'rare' or Missing ne 1)")).stream().count(), 3);
                long scanBytes = bytes(proxy, () -> t.query(table, TableQuery.where("Kind eq 'rare'"))
                        .stream().count(), 3);
                assertThat(hereBytes).isGreaterThan(100_000);
                assertThat(pushedBytes).isLessThan(hereBytes / 10);
                assertThat(scanBytes).isLessThan(hereBytes / 10);
                t.deleteTable(table);
            }
        }
    }

    private static long bytes(FaultProxy proxy, java.util.function.LongSupplier query, long expected) {
        long before = proxy.forwardedBytes();
        assertThat(query.getAsLong()).isEqualTo(expected);
        return proxy.forwardedBytes() - before;
    }
}
