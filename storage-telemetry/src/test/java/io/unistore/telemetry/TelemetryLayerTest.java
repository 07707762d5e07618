package io.unistore.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spans and metrics of the telemetry layer on the local provider, read back with the SDK's in-memory exporters. */
class TelemetryLayerTest {
    private static final String CANARY = "CANARY-SECRET-telemetry-91";

    @TempDir
    Path dir;
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk sdk;

    @BeforeEach
    void sdk() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
    }

    @AfterEach
    void close() {
        sdk.close();
    }

    private StorageAccount open() {
        return Unistore.builder().address("file:" + dir).layer(TelemetryLayer.builder(sdk).account("main").build())
                .open();
    }

    private MetricData metric(String name) {
        Collection<MetricData> all = metrics.collectAllMetrics();
        return all.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + all.stream().map(MetricData::getName)
                        .toList()));
    }

    @Test
    void aClientSpanPerOperationWithItsAttributes() {
        try (StorageAccount account = open()) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(account.blobs().downloadBytes("docs", "a.txt")).hasSize(5);
            assertThatThrownBy(() -> account.blobs().getProperties("docs", "missing"))
                    .isInstanceOf(StorageException.class);
        }
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).extracting(SpanData::getName)
                .containsExactly("blob.createContainer", "blob.upload", "blob.openInputStream", "blob.getProperties");
        SpanData upload = finished.get(1);
        assertThat(upload.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(upload.getInstrumentationScopeInfo().getName()).isEqualTo("io.unistore.telemetry");
        assertThat(upload.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("unistore.store"), "blob")
                .containsEntry(AttributeKey.stringKey("unistore.operation.name"), "upload")
                .containsEntry(AttributeKey.stringKey("unistore.provider"), "local")
                .containsEntry(AttributeKey.stringKey("unistore.account"), "main")
                .containsEntry(AttributeKey.stringKey("unistore.target"), "docs")
                .containsEntry(AttributeKey.booleanKey("unistore.writes"), true)
                .containsEntry(AttributeKey.longKey("unistore.bytes"), 5L);
        assertThat(upload.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(finished.get(2).getAttributes().get(AttributeKey.longKey("unistore.bytes"))).isEqualTo(5L);
        SpanData failed = finished.get(3);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("NOT_FOUND");
        assertThat(failed.getEvents()).isEmpty();   // no exception event: its message might hold a secret
    }

    @Test
    void countDurationBytesAndErrorsByCode() {
        try (StorageAccount account = open()) {
            account.tables().createTable("people");
            for (int i = 0; i < 3; i++) {
                account.tables().upsertEntity("people", TableEntity.builder("p", "r" + i).build(), UpdateMode.MERGE);
            }
            assertThatThrownBy(() -> account.tables().createTable("people")).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> account.tables().getEntity("people", "p", "none"))
                    .isInstanceOf(StorageException.class);
            account.queues().createQueue("jobs");
            account.queues().sendMessage("jobs", "0123456789");
        }
        Attributes upsert = Attributes.builder().put("unistore.provider", "local").put("unistore.account", "main")
                .put("unistore.store", "table").put("unistore.operation.name", "upsertEntity").build();
        MetricData ops = metric("unistore.client.operations");
        assertThat(ops.getUnit()).isEqualTo("{operation}");
        assertThat(ops.getLongSumData().getPoints()).filteredOn(p -> p.getAttributes().equals(upsert))
                .singleElement().extracting(LongPointData::getValue).isEqualTo(3L);

        MetricData duration = metric("unistore.client.operation.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        HistogramPointData h = duration.getHistogramData().getPoints().stream()
                .filter(p -> p.getAttributes().equals(upsert)).findFirst().orElseThrow();
        assertThat(h.getCount()).isEqualTo(3);
        assertThat(h.getSum()).isPositive();
        assertThat(h.getBoundaries()).startsWith(0.001, 0.005);

        MetricData errors = metric("unistore.client.errors");
        assertThat(errors.getLongSumData().getPoints()).extracting(p -> p.getAttributes()
                        .get(AttributeKey.stringKey("error.type")) + " " + p.getAttributes()
                        .get(AttributeKey.stringKey("unistore.operation.name")) + " " + p.getValue())
                .containsExactlyInAnyOrder("ALREADY_EXISTS createTable 1", "NOT_FOUND getEntity 1");
        // The failed calls are counted and timed with their error.type too.
        assertThat(ops.getLongSumData().getPoints()).anyMatch(p -> "ALREADY_EXISTS".equals(p.getAttributes()
                .get(AttributeKey.stringKey("error.type"))));

        MetricData io = metric("unistore.client.io");
        assertThat(io.getUnit()).isEqualTo("By");
        assertThat(io.getLongSumData().getPoints()).singleElement().satisfies(p -> {
            assertThat(p.getValue()).isEqualTo(10);
            assertThat(p.getAttributes().get(AttributeKey.stringKey("network.io.direction"))).isEqualTo("transmit");
            assertThat(p.getAttributes().get(AttributeKey.stringKey("unistore.store"))).isEqualTo("queue");
        });
    }

    @Test
    void listingsAreOneSpanPerPageAndNothingSecretIsRecorded() {
        try (StorageAccount account = open()) {
            account.blobs().createContainer("docs", Map.of("key", CANARY));
            for (int i = 0; i < 5; i++) {
                account.blobs().upload("docs", "b" + i, CANARY.getBytes(StandardCharsets.UTF_8),
                        io.unistore.blob.UploadOptions.defaults().withMetadata(Map.of("secret", CANARY)));
            }
            spans.reset();
            assertThat(account.blobs().list("docs", io.unistore.blob.ListBlobsOptions.defaults().withPageSize(2))
                    .stream().count()).isEqualTo(5);
        }
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsOnly("blob.list").hasSize(3);
        assertThat(spans.getFinishedSpanItems().toString() + metrics.collectAllMetrics()).doesNotContain(CANARY);
    }

    @Test
    void byNameFromOptionsOnTheGlobalInstance() {
        io.opentelemetry.api.GlobalOpenTelemetry.resetForTest();
        io.opentelemetry.api.GlobalOpenTelemetry.set(sdk);
        try (StorageAccount account = Unistore.builder().address("file:" + dir).option("layers", "telemetry")
                .option("telemetry.account", "cfg").option("telemetry.targets", "false").open()) {
            account.queues().createQueue("jobs");
        } finally {
            io.opentelemetry.api.GlobalOpenTelemetry.resetForTest();
        }
        SpanData s = spans.getFinishedSpanItems().get(0);
        assertThat(s.getName()).isEqualTo("queue.createQueue");
        assertThat(s.getAttributes().get(AttributeKey.stringKey("unistore.account"))).isEqualTo("cfg");
        assertThat(s.getAttributes().get(AttributeKey.stringKey("unistore.target"))).isNull();
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir).option("layers", "telemetry")
                .option("telemetry.acount", "x").open()).hasMessageContaining("telemetry.acount");
    }
}
