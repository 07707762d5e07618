package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.tck.FileStoreContract;
import io.unistore.tck.PassThroughLayer;
import io.unistore.tck.QueueStoreContract;
import io.unistore.tck.TableStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole conformance kit on the local provider through a layer that changes nothing: layers are
 * transparent. Each contract checks the layer really wrapped its store.
 */
class LocalThroughLayerTckTest {
    @TempDir
    static Path dir;

    private static StorageAccount open(PassThroughLayer layer, String sub) {
        return Unistore.builder().address("file:" + dir.resolve(sub)).layer(layer).open();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Blobs extends BlobStoreContract {
        private final PassThroughLayer layer = new PassThroughLayer();

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "blobs");
        }

        @AfterAll
        void wentThroughTheLayer() {
            assertThat(layer.wrappedStores()).isEqualTo(1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tables extends TableStoreContract {
        private final PassThroughLayer layer = new PassThroughLayer();

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "tables");
        }

        @AfterAll
        void wentThroughTheLayer() {
            assertThat(layer.wrappedStores()).isEqualTo(1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Queues extends QueueStoreContract {
        private final PassThroughLayer layer = new PassThroughLayer();

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "queues");
        }

        @AfterAll
        void wentThroughTheLayer() {
            assertThat(layer.wrappedStores()).isEqualTo(1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Files extends FileStoreContract {
        private final PassThroughLayer layer = new PassThroughLayer();

        @Override
        protected StorageAccount openAccount() {
            return open(layer, "files");
        }

        @AfterAll
        void wentThroughTheLayer() {
            assertThat(layer.wrappedStores()).isEqualTo(1);
        }
    }
}
