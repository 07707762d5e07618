package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageAccount;
import io.unistore.table.BulkWriteOptions;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.UpdateMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parallel cross-partition queries on the local provider and Azurite: on random filters the result equals the
 * serial query's, entity for entity and in order; the table is cut into several ranges by probing; an empty
 * table and bad arguments are handled.
 */
class ParallelTableQueryTest {

    static List<Backends.Backend> backends() {
        return Backends.tableTargets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void randomFiltersGiveTheSerialResultInKeyOrder(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            account.tables().createTable("wide");
            Random r = new Random(7);
            List<TableAction> actions = new ArrayList<>();
            String[] shapes = {"p%03d", "Z%d", "\u00e9t\u00e9-%d", "2026-01-%02d", "a"};
            for (int i = 0; i < 15 * TableIndexTest.SCALE; i++) {
                String pk = String.format(shapes[i % shapes.length], r.nextInt(40));
                actions.add(TableAction.upsert(TableIndexTest.randomEntity(r, pk, "r" + i), UpdateMode.REPLACE));
            }
            account.tables().bulkWrite("wide", actions, BulkWriteOptions.defaults());
            ParallelQueryResult all = ParallelTableQuery.run(account, "wide", null, 4);
            assertThat(all.cuts()).as("ranges found by probing").hasSizeGreaterThanOrEqualTo(3);
            assertThat(all.cuts()).isSorted();
            assertThat(all.entities()).containsExactlyElementsOf(TableIndexTest.scan(account, "wide", null));
            for (int i = 0; i < 5 * TableIndexTest.SCALE; i++) {
                Filter f = TableIndexTest.randomFilter(r);
                assertThat(ParallelTableQuery.run(account, "wide", f, 1 + r.nextInt(8)).entities())
                        .as("filter %s", f.toOData()).containsExactlyElementsOf(TableIndexTest.scan(account, "wide", f));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anEmptyTableAndBadArgumentsAreHandled(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            account.tables().createTable("empty");
            ParallelQueryResult r = ParallelTableQuery.run(account, "empty", Filter.eq("A", 1), 8);
            assertThat(r.entities()).isEmpty();
            assertThat(r.cuts()).isEmpty();
            assertThatThrownBy(() -> ParallelTableQuery.run(account, "empty", null, 0))
                    .hasMessageContaining("parallelism");
            assertThatThrownBy(() -> ParallelTableQuery.run(account, "empty", null, 65))
                    .hasMessageContaining("parallelism");
        }
    }

    @org.junit.jupiter.api.Test
    void midpointsLieStrictlyBetweenTheirBounds() {
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            String a = randomKey(r);
            String b = randomKey(r);
            String low = a.compareTo(b) <= 0 ? a : b;
            String high = a.compareTo(b) <= 0 ? b : a;
            String mid = KeyRanges.mid(low, high);
            if (mid != null) {
                assertThat(mid).as("%s .. %s", low, high).isGreaterThan(low).isLessThan(high);
            }
            String open = KeyRanges.mid(low, null);
            assertThat(open).isNotNull().isGreaterThan(low);
        }
    }

    private static String randomKey(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append((char) (r.nextBoolean() ? 0x20 + r.nextInt(95) : 0xA0 + r.nextInt(0xD000)));
        }
        return b.toString();
    }
}
