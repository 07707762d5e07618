package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import io.unistore.testsupport.aws.Dynalite;
import io.unistore.testsupport.azurite.Azurite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code migrate-table-data} between Azure Tables (Azurite) and DynamoDB (dynalite), both ways: every property
 * type and its edge values (Int64 beyond 2^53 and at its extremes, NaN, ±Infinity, the smallest and largest
 * doubles, 100-ns date-times, empty and binary values, GUIDs, unicode) arrive exactly, and come back exactly.
 * DynamoDB holds types it has no own type for with tags; this proves the tags through the whole path.
 */
class AzureDynamoMigrationTest {
    private final List<StorageAccount> open = new ArrayList<>();
    private StorageAccount azure;
    private StorageAccount dynamo;

    @BeforeEach
    void open() {
        azure = track(Unistore.open(Azurite.shared().connectionString(), Map.of("versioning", "false",
                "maxRetries", "1", "retryDelayMs", "100")));
        dynamo = track(Unistore.open("aws://", Map.of("services", "dynamodb", "dynamodbEndpoint",
                Dynalite.shared().endpoint().toString(), "region", Dynalite.REGION, "accessKeyId", "unistore-test",
                "secretAccessKey", "unistore-test-secret", "transactions", "false")));
    }

    private StorageAccount track(StorageAccount a) {
        open.add(a);
        return a;
    }

    @AfterEach
    void close() {
        for (StorageAccount a : open) {
            for (String t : List.of("AzSource", "DynTarget", "AzBack")) {
                try {
                    a.tables().deleteTable(t);
                } catch (RuntimeException ignored) {
                    // not every account made every table
                }
            }
            a.close();
        }
    }

    /** Every type at its edges, and {@link Fixtures#portableEntity} for variety. */
    static List<TableEntity> entities() {
        List<TableEntity> all = new ArrayList<>();
        all.add(TableEntity.builder("edges", "max")
                .put("S", "日本語 😀 \"quoted\" \t tab").put("I", Integer.MAX_VALUE).put("L", Long.MAX_VALUE)
                .put("D", Double.MAX_VALUE).put("B", true).put("T", Instant.parse("9999-12-31T23:59:59.9999999Z"))
                .put("Bin", new byte[] {0, -1, 127, -128}).put("G", new UUID(-1L, -1L)).build());
        all.add(TableEntity.builder("edges", "min")
                .put("S", "").put("I", Integer.MIN_VALUE).put("L", Long.MIN_VALUE).put("D", Double.MIN_VALUE)
                .put("B", false).put("T", Instant.parse("1601-01-01T00:00:00Z")).put("Bin", new byte[0])
                .put("G", new UUID(0, 0)).build());
        all.add(TableEntity.builder("edges", "specials")
                .put("Nan", Double.NaN).put("Inf", Double.POSITIVE_INFINITY).put("NegInf", Double.NEGATIVE_INFINITY)
                .put("Beyond53", (1L << 53) + 1).put("Tiny", 1e-300).put("Huge", 1e300).put("Whole", 2.0)
                .put("SevenDigits", Instant.parse("2026-01-02T03:04:05.1234567Z"))
                .put("BigBinary", io.unistore.tck.TestData.bytes(7, 60 * 1024)).build());
        for (int i = 0; i < 40; i++) {
            all.add(Fixtures.portableEntity("p" + (i % 3), String.format("r%03d", i), i));
        }
        return all;
    }

    @Test
    void everyTypeAndValueCrossesBothWaysExactly() {
        List<TableEntity> source = entities();
        Set<PropertyType> types = EnumSet.noneOf(PropertyType.class);
        source.forEach(e -> e.propertyNames().forEach(n -> types.add(e.typeOf(n))));
        assertThat(types).as("the test covers every type").containsExactlyInAnyOrder(PropertyType.values());

        TableStore az = azure.tables();
        az.createTable("AzSource");
        for (TableEntity e : source) {
            az.upsertEntity("AzSource", e, UpdateMode.REPLACE);
        }
        Map<String, TableEntity> expected = Fixtures.entities(az, "AzSource");
        assertThat(expected).hasSize(source.size());

        MigrateTableResult there = TableMigration.migrate(azure, dynamo, MigrateTableOptions.of("AzSource",
                "DynTarget"));
        assertThat(there.complete()).isTrue();
        assertThat(there.written()).isEqualTo(source.size());
        assertThat(there.verification().matches()).isTrue();
        assertThat(Fixtures.entities(dynamo.tables(), "DynTarget")).isEqualTo(expected);

        MigrateTableResult back = TableMigration.migrate(dynamo, azure, MigrateTableOptions.of("DynTarget",
                "AzBack"));
        assertThat(back.complete()).isTrue();
        assertThat(back.verification().matches()).isTrue();
        assertThat(Fixtures.entities(az, "AzBack")).isEqualTo(expected);

        TableEntity specials = dynamo.tables().getEntity("DynTarget", "edges", "specials");
        assertThat(specials.getDouble("Nan")).isNaN();
        assertThat(specials.getLong("Beyond53")).isEqualTo((1L << 53) + 1);
        assertThat(specials.typeOf("Whole")).isEqualTo(PropertyType.DOUBLE);
        assertThat(specials.getDateTime("SevenDigits")).isEqualTo(Instant.parse("2026-01-02T03:04:05.1234567Z"));
    }
}
