package io.unistore.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.BlobItem;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container and table sinks, each in a second local account (any account works), and the layer by name from
 * options as the MCP server's config gives it.
 */
class AuditSinksTest {
    @TempDir
    Path dir;
    private final Clock clock = daily();

    /** A clock that moves a day forward at each call, so a few calls span several days. */
    private static Clock daily() {
        return new Clock() {
            private Instant now = Instant.parse("2026-03-01T23:00:00Z");

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public synchronized Instant instant() {
                Instant t = now;
                now = now.plus(Duration.ofHours(13));
                return t;
            }
        };
    }

    private void writeSome(AuditSink sink, int blobs) {
        AuditLayer layer = AuditLayer.builder(sink).principal("tester").clock(clock).build();
        try (StorageAccount account = Unistore.builder().address("file:" + dir.resolve("data")).layer(layer).open()) {
            account.blobs().createContainerIfNotExists("docs");
            for (int i = 0; i < blobs; i++) {
                account.blobs().upload("docs", "b" + i, new byte[i]);
            }
        }
        assertThat(layer.failures()).isZero();
    }

    @Test
    void dailyObjectsInAContainerOfAnotherAccount() {
        try (StorageAccount logs = Unistore.open("file:" + dir.resolve("logs"))) {
            writeSome(AuditSink.container(logs, "audit", "trail/", 1 << 20), 4);
            writeSome(AuditSink.container(logs, "audit", "trail/", 1 << 20), 2);   // reopened: the chain goes on
            List<String> names = logs.blobs().list("audit").stream().map(BlobItem::name).toList();
            assertThat(names).containsExactly("trail/2026-03-01-0000.jsonl", "trail/2026-03-02-0000.jsonl",
                    "trail/2026-03-03-0000.jsonl", "trail/2026-03-04-0000.jsonl", "trail/2026-03-05-0000.jsonl");
            try (AuditLog log = AuditLog.of(AuditSink.container(logs, "audit", "trail/", 1 << 20))) {
                AuditVerification v = log.verify();
                assertThat(v.valid()).as(v.problem()).isTrue();
                assertThat(v.lines()).isEqualTo(8);   // 2 creates (the second ALREADY_EXISTS) + 6 uploads
            }
            // Edit one line inside an object.
            String name = names.get(1);
            String text = new String(logs.blobs().downloadBytes("audit", name), StandardCharsets.UTF_8);
            logs.blobs().upload("audit", name, text.replaceFirst("\"tester\"", "\"nobody\"")
                    .getBytes(StandardCharsets.UTF_8));
            try (AuditLog log = AuditLog.of(AuditSink.container(logs, "audit", "trail/", 1 << 20))) {
                assertThat(log.verify().valid()).isFalse();
                assertThat(log.verify().problem()).contains("edited");
            }
        }
    }

    @Test
    void aSecondWriterOfTheSameObjectIsRefusedNotLost() {
        try (StorageAccount logs = Unistore.open("file:" + dir.resolve("logs"))) {
            AuditSink first = AuditSink.container(logs, "audit", "", 1 << 20);
            AuditSink second = AuditSink.container(logs, "audit", "", 1 << 20);
            Instant t = Instant.parse("2026-03-01T10:00:00Z");
            first.append("{\"a\":1}", t);
            assertThatThrownBy(() -> second.append("{\"b\":2}", t)).isInstanceOf(StorageException.class)
                    .satisfies(e -> assertThat(((StorageException) e).code())
                            .isIn(ErrorCode.PRECONDITION_FAILED, ErrorCode.ALREADY_EXISTS));
            first.append("{\"c\":3}", t);
            StringBuilder all = new StringBuilder();
            first.forEachLine(l -> all.append(l).append('\n'));
            assertThat(all.toString()).isEqualTo("{\"a\":1}\n{\"c\":3}\n");
        }
    }

    @Test
    void linesInATableOfAnotherAccount() {
        try (StorageAccount logs = Unistore.open("file:" + dir.resolve("logs"))) {
            writeSome(AuditSink.table(logs, "audittrail"), 3);
            writeSome(AuditSink.table(logs, "audittrail"), 1);
            List<TableEntity> rows = logs.tables().query("audittrail", TableQuery.all()).stream().toList();
            assertThat(rows).hasSize(7);   // 6 lines + the head
            assertThat(rows.get(0).partitionKey()).isEqualTo("000000000000000");
            assertThat(rows.get(0).rowKey()).isEqualTo("00000000000000000001");
            try (AuditLog log = AuditLog.of(AuditSink.table(logs, "audittrail"))) {
                AuditVerification v = log.verify();
                assertThat(v.valid()).as(v.problem()).isTrue();
                assertThat(v.lines()).isEqualTo(6);
            }
            logs.tables().deleteEntity("audittrail", rows.get(2).partitionKey(), rows.get(2).rowKey(), null);
            try (AuditLog log = AuditLog.of(AuditSink.table(logs, "audittrail"))) {
                assertThat(log.verify().valid()).isFalse();
                assertThat(log.verify().brokenAtLine()).isEqualTo(3);
            }
        }
    }

    @Test
    void byNameFromOptions() {
        Path file = dir.resolve("audit.jsonl");
        try (StorageAccount account = Unistore.builder().address("file:" + dir.resolve("data"))
                .option("layers", "audit").option("audit.path", file.toString()).option("audit.principal", "cfg")
                .option("audit.account", "local").open()) {
            account.tables().createTable("people");
            account.tables().upsertEntity("people", TableEntity.builder("p", "r").build(), UpdateMode.MERGE);
        }
        try (AuditLog log = AuditLog.open(java.util.Map.of("path", file.toString()))) {
            assertThat(log.verify().valid()).isTrue();
            List<AuditRecord> r = log.query(new AuditQuery(null, null, null, null, 10));
            assertThat(r).extracting(AuditRecord::operation).containsExactly("createTable", "upsertEntity");
            assertThat(r.get(1).targets()).containsExactly("people", "p", "r");
            assertThat(r.get(1).principal()).isEqualTo("cfg");
            assertThat(r.get(1).account()).isEqualTo("local");
        }
        try (StorageAccount account = Unistore.builder().address("file:" + dir.resolve("data"))
                .option("layers", "audit").option("audit.sink", "table").option("audit.address",
                        "file:" + dir.resolve("logs")).option("audit.table", "trail").open()) {
            account.blobs().createContainer("x-y-z");
        }
        try (AuditLog log = AuditLog.open(java.util.Map.of("sink", "table", "address", "file:" + dir.resolve("logs"),
                "table", "trail"))) {
            assertThat(log.query(new AuditQuery(null, null, "createContainer", "x-y-z", 10))).hasSize(1);
        }
    }

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir.resolve("data")).option("layers", "audit")
                .open()).hasMessageContaining("audit.path").hasMessageContaining("required");
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir.resolve("data")).option("layers", "audit")
                .option("audit.sink", "syslog").open()).hasMessageContaining("audit.sink");
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir.resolve("data")).option("layers", "audit")
                .option("audit.path", "x").option("audit.pth", "y").open()).hasMessageContaining("audit.pth");
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir.resolve("data")).option("layers", "audit")
                .option("audit.path", "x").option("audit.maxBytes", "-1").open())
                .hasMessageContaining("audit.maxBytes");
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir.resolve("data")).option("layers", "audit")
                .option("audit.sink", "container").open()).hasMessageContaining("audit.address");
    }
}
