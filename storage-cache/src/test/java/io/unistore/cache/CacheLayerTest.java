package io.unistore.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.ReadOptions;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache layer on the local provider: what it serves from memory, what every write through it drops, expiry,
 * the size bound, ETag revalidation against a second writer, and the hit/miss counters.
 */
class CacheLayerTest {
    @TempDir
    Path dir;

    private StorageAccount open(CacheLayer cache) {
        return Unistore.builder().address("file:" + dir).layer(cache).open();
    }

    /** A second account object on the same directory: a writer the cache does not see. */
    private StorageAccount other() {
        return Unistore.open("file:" + dir);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entitiesAreServedFromMemoryUntilAWriteThroughTheLayer() {
        CacheLayer cache = CacheLayer.builder().build();
        try (StorageAccount account = open(cache); StorageAccount other = other()) {
            account.tables().createTable("people");
            account.tables().upsertEntity("people", TableEntity.builder("uk", "ada").put("Age", 36).build(),
                    UpdateMode.REPLACE);
            assertThat(account.tables().getEntity("people", "uk", "ada").getInt("Age")).isEqualTo(36);
            // Changed behind the layer's back: the cached entity is still served (until the TTL).
            other.tables().upsertEntity("people", TableEntity.builder("uk", "ada").put("Age", 99).build(),
                    UpdateMode.REPLACE);
            assertThat(account.tables().getEntity("people", "uk", "ada").getInt("Age")).isEqualTo(36);
            assertThat(cache.hits(CachedKind.ENTITY)).isEqualTo(1);
            assertThat(cache.misses(CachedKind.ENTITY)).isEqualTo(1);
            // A select is never cached.
            assertThat(account.tables().getEntity("people", "uk", "ada", List.of("Age")).getInt("Age")).isEqualTo(99);

            // Each write through the layer drops the entity.
            account.tables().updateEntity("people", TableEntity.builder("uk", "ada").put("Age", 37).build(),
                    UpdateMode.MERGE, "*");
            assertThat(account.tables().getEntity("people", "uk", "ada").getInt("Age")).isEqualTo(37);
            account.tables().submitTransaction("people", List.of(TableAction.upsert(
                    TableEntity.builder("uk", "ada").put("Age", 38).build(), UpdateMode.REPLACE)));
            assertThat(account.tables().getEntity("people", "uk", "ada").getInt("Age")).isEqualTo(38);
            account.tables().deleteEntity("people", "uk", "ada", null);
            assertThatThrownBy(() -> account.tables().getEntity("people", "uk", "ada"))
                    .isInstanceOf(StorageException.class);
            account.tables().insertEntity("people", TableEntity.builder("uk", "ada").put("Age", 1).build());
            assertThat(account.tables().getEntity("people", "uk", "ada").getInt("Age")).isEqualTo(1);
            account.tables().deleteTable("people");
            account.tables().createTable("people");
            assertThat(account.tables().findEntity("people", "uk", "ada")).isEmpty();
        }
    }

    @Test
    void blobPropertiesAndSmallBlobsAreServedFromMemoryAndWritesDropThem() {
        CacheLayer cache = CacheLayer.builder().maxBlobBytes(16).build();
        try (StorageAccount account = open(cache); StorageAccount other = other()) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "small", utf8("v1"));
            account.blobs().upload("docs", "large", new byte[17]);
            assertThat(account.blobs().downloadBytes("docs", "small")).isEqualTo(utf8("v1"));
            assertThat(account.blobs().downloadBytes("docs", "large")).hasSize(17);
            other.blobs().upload("docs", "small", utf8("v2"));
            other.blobs().upload("docs", "large", new byte[18]);
            assertThat(account.blobs().downloadBytes("docs", "small")).isEqualTo(utf8("v1"));   // from memory
            assertThat(account.blobs().downloadBytes("docs", "large")).hasSize(18);            // too large to keep
            assertThat(cache.hits(CachedKind.BLOB_CONTENT)).isEqualTo(1);
            assertThat(account.blobs().getProperties("docs", "small").size()).isEqualTo(2);
            // Ranges, versions and conditions are never served from memory.
            assertThat(account.blobs().downloadBytes("docs", "small")).isEqualTo(utf8("v1"));
            try (var in = account.blobs().openInputStream("docs", "small",
                    ReadOptions.range(io.unistore.ByteRange.of(1, 1)))) {
                assertThat(in.readAllBytes()).isEqualTo(utf8("2"));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }

            account.blobs().setMetadata("docs", "small", Map.of("k", "v"), null);
            assertThat(account.blobs().getProperties("docs", "small").metadata()).containsEntry("k", "v");
            assertThat(account.blobs().downloadBytes("docs", "small")).isEqualTo(utf8("v2"));
            account.blobs().upload("docs", "small", utf8("v3"));
            assertThat(account.blobs().downloadBytes("docs", "small")).isEqualTo(utf8("v3"));
            account.blobs().copy("docs", "large", "docs", "small", io.unistore.blob.CopyOptions.defaults());
            assertThat(account.blobs().getProperties("docs", "small").size()).isEqualTo(18);
            account.blobs().delete("docs", "small");
            assertThat(account.blobs().exists("docs", "small")).isFalse();
            assertThatThrownBy(() -> account.blobs().getProperties("docs", "small"))
                    .isInstanceOf(StorageException.class);
            account.blobs().upload("docs", "small", utf8("v4"));
            assertThat(account.blobs().downloadBytes("docs", "small")).isEqualTo(utf8("v4"));
            account.blobs().deleteContainer("docs");
            account.blobs().createContainer("docs");
            assertThatThrownBy(() -> account.blobs().downloadBytes("docs", "small"))
                    .isInstanceOf(StorageException.class);
        }
    }

    @Test
    void revalidationServesOnlyContentWhoseEtagIsCurrent() {
        CacheLayer cache = CacheLayer.builder().revalidate(true).build();
        try (StorageAccount account = open(cache); StorageAccount other = other()) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "a", utf8("v1"));
            assertThat(account.blobs().downloadBytes("docs", "a")).isEqualTo(utf8("v1"));
            assertThat(account.blobs().downloadBytes("docs", "a")).isEqualTo(utf8("v1"));
            assertThat(cache.hits(CachedKind.BLOB_CONTENT)).isEqualTo(1);
            other.blobs().upload("docs", "a", utf8("v2"));
            assertThat(account.blobs().downloadBytes("docs", "a")).isEqualTo(utf8("v2"));
            assertThat(account.blobs().downloadBytes("docs", "a")).isEqualTo(utf8("v2"));
            assertThat(cache.hits(CachedKind.BLOB_CONTENT)).isEqualTo(2);
            assertThat(cache.misses(CachedKind.BLOB_CONTENT)).isEqualTo(2);
        }
    }

    @Test
    void entriesExpireAfterTheTtl() throws InterruptedException {
        CacheLayer cache = CacheLayer.builder().ttl(Duration.ofMillis(300)).build();
        try (StorageAccount account = open(cache); StorageAccount other = other()) {
            account.tables().createTable("people");
            account.tables().upsertEntity("people", TableEntity.builder("p", "r").put("V", 1).build(),
                    UpdateMode.REPLACE);
            assertThat(account.tables().getEntity("people", "p", "r").getInt("V")).isEqualTo(1);
            other.tables().upsertEntity("people", TableEntity.builder("p", "r").put("V", 2).build(),
                    UpdateMode.REPLACE);
            assertThat(account.tables().getEntity("people", "p", "r").getInt("V")).isEqualTo(1);
            Thread.sleep(400);
            assertThat(account.tables().getEntity("people", "p", "r").getInt("V")).isEqualTo(2);
        }
    }

    @Test
    void boundedBySize() {
        CacheLayer cache = CacheLayer.builder().maxBytes(64 * 1024).maxBlobBytes(8 * 1024).build();
        try (StorageAccount account = open(cache)) {
            account.blobs().createContainer("docs");
            for (int i = 0; i < 40; i++) {
                account.blobs().upload("docs", "b" + i, new byte[8 * 1024]);
                account.blobs().downloadBytes("docs", "b" + i);
            }
            // 40 blobs of 8 KiB (plus their properties) do not fit in 64 KiB: some were evicted.
            assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(64 * 1024);
            assertThat(cache.entries()).isLessThan(80);
            assertThat(cache.misses(CachedKind.BLOB_CONTENT)).isEqualTo(40);
        }
    }

    @Test
    void hitsAndMissesAreMetrics() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (var sdk = io.opentelemetry.sdk.OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
            CacheLayer cache = CacheLayer.builder().openTelemetry(sdk).build();
            try (StorageAccount account = open(cache)) {
                account.tables().createTable("people");
                account.tables().upsertEntity("people", TableEntity.builder("p", "r").build(), UpdateMode.REPLACE);
                for (int i = 0; i < 5; i++) {
                    account.tables().getEntity("people", "p", "r");
                }
            }
            List<MetricData> metrics = List.copyOf(reader.collectAllMetrics());
            assertThat(point(metrics, "unistore.cache.hits", "entity")).isEqualTo(4);
            assertThat(point(metrics, "unistore.cache.misses", "entity")).isEqualTo(1);
            assertThat(point(metrics, "unistore.cache.hits", "blob.content")).isZero();
        }
    }

    private static long point(List<MetricData> metrics, String name, String kind) {
        return metrics.stream().filter(m -> m.getName().equals(name)).flatMap(m -> m.getLongSumData().getPoints()
                        .stream()).filter(p -> kind.equals(p.getAttributes().get(AttributeKey.stringKey(
                        "unistore.cache.kind")))).mapToLong(LongPointData::getValue).sum();
    }

    @Test
    void byNameFromOptions() {
        try (StorageAccount account = Unistore.builder().address("file:" + dir).option("layers", "cache")
                .option("cache.ttlSeconds", "5").option("cache.maxBlobBytes", "1024").open()) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "a", utf8("x"));
            assertThat(account.blobs().downloadBytes("docs", "a")).isEqualTo(utf8("x"));
        }
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir).option("layers", "cache")
                .option("cache.ttl", "5").open()).hasMessageContaining("cache.ttl");
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir).option("layers", "cache")
                .option("cache.ttlSeconds", "0").open()).hasMessageContaining("cache.ttlSeconds");
        assertThatThrownBy(() -> Unistore.builder().address("file:" + dir).option("layers", "cache")
                .option("cache.revalidate", "yes").open()).hasMessageContaining("cache.revalidate");
    }
}
