package io.unistore.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The whole conformance kit on the local provider through the audit layer, reads audited too: the layer changes
 * no behaviour, and the trail the kit leaves (thousands of lines from many threads) verifies. About 60 s, so it
 * runs with {@code -Dunistore.layerKits=true}; the default build runs the kit through all three layers stacked
 * ({@code StackedLayersTckTest} in storage-cache).
 */
@EnabledIfSystemProperty(named = "unistore.layerKits", matches = "true")
class AuditThroughLayerTckTest {
    @TempDir
    static Path dir;

    private static StorageAccount open(AuditLayer layer, String sub) {
        return Unistore.builder().address("file:" + dir.resolve(sub)).layer(layer).open();
    }

    private static AuditLayer layer(String sub) {
        return AuditLayer.builder(AuditSink.file(dir.resolve(sub + "-audit.jsonl"), 4 << 20)).reads(true).build();
    }

    private static void verified(AuditLayer layer, String store) {
        assertThat(layer.failures()).isZero();
        try (AuditLog log = AuditLog.of(layer.sink())) {
            AuditVerification v = log.verify();
            assertThat(v.valid()).as(v.problem()).isTrue();
            assertThat(v.lines()).isGreaterThan(50);
            assertThat(log.query(new AuditQuery(null, null, null, null, 10))).allMatch(r -> r.store().equals(store));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Blobs extends BlobStoreContract {
        private final AuditLayer layer = layer("blobs");

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "blobs");
        }

        @AfterAll
        void trailVerifies() {
            verified(layer, "blob");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tables extends TableStoreContract {
        private final AuditLayer layer = layer("tables");

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "tables");
        }

        @AfterAll
        void trailVerifies() {
            verified(layer, "table");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Queues extends QueueStoreContract {
        private final AuditLayer layer = layer("queues");

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "queues");
        }

        @AfterAll
        void trailVerifies() {
            verified(layer, "queue");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Files extends FileStoreContract {
        private final AuditLayer layer = layer("files");

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "files");
        }

        @AfterAll
        void trailVerifies() {
            verified(layer, "file");
        }
    }
}
