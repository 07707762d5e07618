package io.unistore.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.tck.FileStoreContract;
import io.unistore.tck.QueueStoreContract;
import io.unistore.tck.TableStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit on the local provider through the telemetry layer alone. About 60 s, so it runs with
 * {@code -Dunistore.layerKits=true}; the default build runs the kit through the three layers stacked
 * ({@code StackedLayersTckTest} in storage-cache).
 */
@EnabledIfSystemProperty(named = "unistore.layerKits", matches = "true")
class TelemetryThroughLayerTckTest {
    @TempDir
    static Path dir;

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider
            .builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build()).build();

    private static StorageAccount open(String sub) {
        return Unistore.builder().address("file:" + dir.resolve(sub)).layer(TelemetryLayer.builder(SDK).build())
                .open();
    }

    private static void spansOf(String store) {
        assertThat(SPANS.getFinishedSpanItems()).anyMatch(s -> s.getName().startsWith(store + "."));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Blobs extends BlobStoreContract {
        @Override
        protected StorageAccount openAccount() {
            return open("blobs");
        }

        @AfterAll
        void spans() {
            spansOf("blob");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tables extends TableStoreContract {
        @Override
        protected StorageAccount openAccount() {
            return open("tables");
        }

        @AfterAll
        void spans() {
            spansOf("table");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Queues extends QueueStoreContract {
        @Override
        protected StorageAccount openAccount() {
            return open("queues");
        }

        @AfterAll
        void spans() {
            spansOf("queue");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Files extends FileStoreContract {
        @Override
        protected StorageAccount openAccount() {
            return open("files");
        }

        @AfterAll
        void spans() {
            spansOf("file");
        }
    }
}
