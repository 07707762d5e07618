package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.table.TableEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link TableTtl} on the table back ends: by a property (service-side filter) and by Timestamp. */
class TableTtlTest {
    static List<Backends.Backend> tableTargets() {
        return Backends.tableTargets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableTargets")
    void deletesExpiredEntitiesByPropertyAndByTimestamp(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            account.tables().createTable("sessions");
            Instant now = Instant.now();
            for (int i = 0; i < 10; i++) {
                account.tables().insertEntity("sessions", TableEntity.builder("s", "r" + i)
                        .put("ExpiresAt", now.minus(Duration.ofDays(i)).plus(Duration.ofHours(1))).build());
            }
            // Older than 5 days: r6..r9 (r5 is 5 days less an hour old; services may round the stored instant).
            TableTtl.Result dry = TableTtl.cleanup(account, "sessions", "ExpiresAt", Duration.ofDays(5), true, now, null);
            assertThat(dry.expired()).isEqualTo(4);
            assertThat(dry.deleted()).isZero();
            TableTtl.Result r = TableTtl.cleanup(account, "sessions", "ExpiresAt", Duration.ofDays(5), false, now, null);
            assertThat(r.deleted()).isEqualTo(4);
            assertThat(account.tables().query("sessions", io.unistore.table.TableQuery.all()).stream()
                    .map(TableEntity::rowKey)).containsExactly("r0", "r1", "r2", "r3", "r4", "r5");
            assertThat(TableTtl.cleanup(account, "sessions", "ExpiresAt", Duration.ofDays(5), false, now, null)
                    .deleted()).isZero();
            // By Timestamp: every entity was written just now, so with the clock 2 days ahead all are older than 1 day.
            TableTtl.Result ts = TableTtl.cleanup(account, "sessions", null, Duration.ofDays(1), false,
                    Instant.now().plus(Duration.ofDays(2)), null);
            assertThat(ts.examined()).isEqualTo(6);
            assertThat(ts.deleted()).isEqualTo(6);
        }
    }
}
