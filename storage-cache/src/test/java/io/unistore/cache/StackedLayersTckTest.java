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
import io.unistore.audit.AuditSink;
import io.unistore.audit.AuditVerification;
import io.unistore.tck.BlobStoreContract;
import io.unistore.tck.FileStoreContract;
import io.unistore.tck.QueueStoreContract;
import io.unistore.tck.TableStoreContract;
import io.unistore.telemetry.TelemetryLayer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit on the local provider through the three layers stacked — audit (reads too), telemetry,
 * cache, outermost first — so every layer is transparent in the default build: the cache serves the kit's reads
 * without ever showing a stale value, the audit trail verifies and telemetry saw the calls. (Each layer alone:
 * {@code -Dunistore.layerKits=true} runs its module's own kit test.)
 */
class StackedLayersTckTest {
    @TempDir
    static Path dir;

    /** One stack per store: its layers, and the checks they passed once the contract is done. */
    static final class Stack {
        final AuditLayer audit;
        final InMemorySpanExporter spans = InMemorySpanExporter.create();
        final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
        final CacheLayer cache = CacheLayer.builder().build();
        final String sub;

        Stack(String sub) {
            this.sub = sub;
            this.audit = AuditLayer.builder(AuditSink.file(dir.resolve(sub + "-audit.jsonl"), 8 << 20)).reads(true)
                    .build();
        }

        StorageAccount open() {
            return Unistore.builder().address("file:" + dir.resolve(sub)).layer(audit)
                    .layer(TelemetryLayer.builder(sdk).build()).layer(cache).open();
        }

        void checked() {
            assertThat(audit.failures()).isZero();
            try (AuditLog log = AuditLog.of(audit.sink())) {
                AuditVerification v = log.verify();
                assertThat(v.valid()).as(v.problem()).isTrue();
                assertThat(v.lines()).isGreaterThan(50);
            }
            assertThat(spans.getFinishedSpanItems()).hasSizeGreaterThan(50);
            sdk.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Blobs extends BlobStoreContract {
        private final Stack stack = new Stack("blobs");

        @Override
        protected StorageAccount openAccount() {
            return stack.open();
        }

        @AfterAll
        void layersDidTheirWork() {
            stack.checked();
            assertThat(stack.cache.hits(CachedKind.BLOB_PROPERTIES) + stack.cache.hits(CachedKind.BLOB_CONTENT))
                    .isPositive();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tables extends TableStoreContract {
        private final Stack stack = new Stack("tables");

        @Override
        protected StorageAccount openAccount() {
            return stack.open();
        }

        @AfterAll
        void layersDidTheirWork() {
            stack.checked();
            assertThat(stack.cache.misses(CachedKind.ENTITY)).isPositive();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Queues extends QueueStoreContract {
        private final Stack stack = new Stack("queues");

        @Override
        protected StorageAccount openAccount() {
            return stack.open();
        }

        @AfterAll
        void layersDidTheirWork() {
            stack.checked();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Files extends FileStoreContract {
        private final Stack stack = new Stack("files");

        @Override
        protected StorageAccount openAccount() {
            return stack.open();
        }

        @AfterAll
        void layersDidTheirWork() {
            stack.checked();
        }
    }
}
