package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageAccount;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key-design advice on the local provider and Azurite: a table with a hot partition, row keys that grow with
 * time, a property of two types and queries on a non-key property gets each recommendation with its evidence;
 * a well-spread table gets none.
 */
class TableKeyAdvisorTest {

    static List<Backends.Backend> backends() {
        return Backends.tableTargets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBadlyKeyedTableGetsEachRecommendationWithItsEvidence(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            account.tables().createTable("events");
            // Written one by one in RowKey order, so RowKeys grow with Timestamp; 80% in partition 'all'.
            for (int i = 0; i < 150; i++) {
                TableEntity.Builder b = TableEntity.builder(i % 5 == 0 ? "other" + (i % 3) : "all",
                        String.format("%08d", i)).put("Device", "d" + (i % 7));
                b.put("Reading", i % 10 == 0 ? (Object) ("" + i) : (Object) i);
                account.tables().insertEntity("events", b.build());
            }
            KeyAdvice advice = TableKeyAdvisor.advise(account, "events", 1000, List.of("Device eq 'd1'",
                    "Device eq 'd2' and Reading gt 5", "PartitionKey eq 'all'", "Device eq 'd3'"));
            assertThat(advice.sampledEntities()).isEqualTo(150);
            assertThat(advice.partitions()).isEqualTo(4);
            assertThat(advice.recommendations()).extracting(Recommendation::kind).contains("hot-partition",
                    "monotonic-row-key", "mixed-types", "filtered-property");
            Recommendation hot = advice.recommendations().stream().filter(r -> r.kind().equals("hot-partition"))
                    .findFirst().orElseThrow();
            assertThat(hot.evidence()).containsEntry("largestPartition", "all")
                    .containsEntry("largestPartitionEntities", 120);
            assertThat(hot.change()).contains("bucket");
            Recommendation filtered = advice.recommendations().stream()
                    .filter(r -> r.kind().equals("filtered-property")).findFirst().orElseThrow();
            assertThat(filtered.evidence()).containsEntry("filteringOnIt", 3);
            assertThat(filtered.message()).contains("Device");
            assertThat(advice.recommendations().stream().filter(r -> r.kind().equals("mixed-types")).findFirst()
                    .orElseThrow().evidence()).containsEntry("property", "Reading");
            assertThatThrownBy(() -> TableKeyAdvisor.advise(account, "events", 0, List.of()))
                    .hasMessageContaining("sampleSize");
            assertThatThrownBy(() -> TableKeyAdvisor.advise(account, "events", 10, List.of("Device eq")))
                    .hasMessageContaining("queryFilters[0]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aWellSpreadTableGetsNoAdvice(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            account.tables().createTable("spread");
            Random r = new Random(1);
            List<TableAction> actions = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                actions.add(TableAction.upsert(TableEntity.builder("t" + r.nextInt(50),
                        new UUID(r.nextLong(), r.nextLong()).toString()).put("Value", r.nextInt(100)).build(),
                        UpdateMode.REPLACE));
            }
            java.util.Collections.shuffle(actions, r);
            account.tables().bulkWrite("spread", actions, BulkWriteOptions.defaults());
            KeyAdvice advice = TableKeyAdvisor.advise(account, "spread", 1000, List.of("PartitionKey eq 't1'"));
            assertThat(advice.recommendations()).as("%s", advice.recommendations()).isEmpty();
            assertThat(advice.partitions()).isEqualTo(50);
        }
    }
}
