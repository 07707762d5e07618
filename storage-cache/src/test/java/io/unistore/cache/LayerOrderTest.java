package io.unistore.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.audit.AuditLayer;
import io.unistore.audit.AuditLog;
import io.unistore.audit.AuditQuery;
import io.unistore.audit.AuditSink;
import io.unistore.spi.Layer;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import io.unistore.telemetry.TelemetryLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three layers in each of their six orders, by name from options as unistore-mcp's config gives them and in
 * Java: the same workload gives the same results; what each layer sees depends on the order as the docs say
 * (a cache outside the audit layer answers repeated reads before they are audited).
 */
class LayerOrderTest {
    @TempDir
    Path dir;

    private static List<List<String>> orders() {
        List<List<String>> out = new ArrayList<>();
        permute(new ArrayList<>(List.of("audit", "telemetry", "cache")), 0, out);
        return out;
    }

    private static void permute(List<String> a, int k, List<List<String>> out) {
        if (k == a.size()) {
            out.add(List.copyOf(a));
            return;
        }
        for (int i = k; i < a.size(); i++) {
            java.util.Collections.swap(a, k, i);
            permute(a, k + 1, out);
            java.util.Collections.swap(a, k, i);
        }
    }

    @Test
    void everyOrderInJava() {
        for (List<String> order : orders()) {
            Path sub = dir.resolve(String.join("-", order));
            InMemorySpanExporter spans = InMemorySpanExporter.create();
            try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build()) {
                AuditLayer audit = AuditLayer.builder(AuditSink.file(sub.resolve("audit.jsonl"), 1 << 20))
                        .reads(true).build();
                CacheLayer cache = CacheLayer.builder().build();
                Unistore.Builder b = Unistore.builder().address("file:" + sub.resolve("data"));
                for (String name : order) {
                    Layer layer = switch (name) {
                        case "audit" -> audit;
                        case "cache" -> cache;
                        default -> TelemetryLayer.builder(sdk).build();
                    };
                    b.layer(layer);
                }
                try (StorageAccount account = b.open()) {
                    workload(account);
                }
                // Three reads of one entity, then one after a write: the cache passes two down; layers outside it see
                // all four.
                int cacheAt = order.indexOf("cache");
                long auditedReads = reads(audit);
                long spanReads = spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals("table.getEntity")).count();
                assertThat(auditedReads).as(order.toString()).isEqualTo(order.indexOf("audit") < cacheAt ? 4 : 2);
                assertThat(spanReads).as(order.toString()).isEqualTo(order.indexOf("telemetry") < cacheAt ? 4 : 2);
                assertThat(cache.hits(CachedKind.ENTITY)).isEqualTo(2);
                try (AuditLog log = AuditLog.of(audit.sink())) {
                    assertThat(log.verify().valid()).as(order.toString()).isTrue();
                }
            }
        }
    }

    @Test
    void everyOrderByName() {
        for (List<String> order : orders()) {
            Path sub = dir.resolve("named-" + String.join("-", order));
            try (StorageAccount account = Unistore.builder().address("file:" + sub.resolve("data"))
                    .option("layers", String.join(",", order)).option("audit.path", sub.resolve("a.jsonl").toString())
                    .open()) {
                workload(account);
            }
            try (AuditLog log = AuditLog.open(java.util.Map.of("path", sub.resolve("a.jsonl").toString()))) {
                assertThat(log.verify().valid()).isTrue();
                assertThat(log.query(new AuditQuery(null, null, "upsertEntity", null, 10))).hasSize(2);
            }
        }
    }

    private static void workload(StorageAccount account) {
        account.tables().createTable("people");
        account.tables().upsertEntity("people", TableEntity.builder("p", "r").put("V", 1).build(), UpdateMode.REPLACE);
        for (int i = 0; i < 3; i++) {
            assertThat(account.tables().getEntity("people", "p", "r").getInt("V")).isEqualTo(1);
        }
        account.tables().upsertEntity("people", TableEntity.builder("p", "r").put("V", 2).build(), UpdateMode.REPLACE);
        assertThat(account.tables().getEntity("people", "p", "r").getInt("V")).isEqualTo(2);
    }

    private static long reads(AuditLayer audit) {
        try (AuditLog log = AuditLog.of(audit.sink())) {
            return log.query(new AuditQuery(null, null, "getEntity", null, 100)).size();
        }
    }
}
