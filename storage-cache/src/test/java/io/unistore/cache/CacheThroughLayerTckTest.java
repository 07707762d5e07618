package io.unistore.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.tck.TableStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob and table contracts (the stores the cache serves) on the local provider through the cache layer alone,
 * with revalidation off and on. With {@code -Dunistore.layerKits=true}; the default build runs the kit through the
 * three layers stacked ({@link StackedLayersTckTest}).
 */
@EnabledIfSystemProperty(named = "unistore.layerKits", matches = "true")
class CacheThroughLayerTckTest {
    @TempDir
    static Path dir;

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Blobs extends BlobStoreContract {
        private final CacheLayer cache = CacheLayer.builder().build();

        @Override
        protected StorageAccount openAccount() {
            return Unistore.builder().address("file:" + dir.resolve("blobs")).layer(cache).open();
        }

        @AfterAll
        void served() {
            assertThat(cache.hits(CachedKind.BLOB_PROPERTIES) + cache.hits(CachedKind.BLOB_CONTENT)).isPositive();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RevalidatedBlobs extends BlobStoreContract {
        @Override
        protected StorageAccount openAccount() {
            return Unistore.builder().address("file:" + dir.resolve("blobs2"))
                    .layer(CacheLayer.builder().revalidate(true).build()).open();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tables extends TableStoreContract {
        private final CacheLayer cache = CacheLayer.builder().build();

        @Override
        protected StorageAccount openAccount() {
            return Unistore.builder().address("file:" + dir.resolve("tables")).layer(cache).open();
        }

        @AfterAll
        void served() {
            assertThat(cache.misses(CachedKind.ENTITY)).isPositive();
        }
    }
}
