package io.unistore.cache;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.TableBackend;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A read cache (Caffeine) for whole entities, blob properties and the content of small blobs, bounded by an
 * estimate of the bytes it holds and by the time since each entry was read, and emptied of an item by every write
 * to it through this layer. Writes by other programs (or through another account object) are seen once the entry
 * expires; with {@link Builder#revalidate(boolean)}, cached blob content is served only after a properties call
 * confirms its ETag. Hits and misses per {@link CachedKind} are counted ({@link #hits}, {@link #misses}) and
 * reported as the OpenTelemetry counters {@code unistore.cache.hits} and {@code unistore.cache.misses}.
 *
 * <pre>{@code
 * CacheLayer cache = CacheLayer.builder().maxBytes(64 << 20).ttl(Duration.ofSeconds(30)).build();
 * StorageAccount account = Unistore.builder().address(address).layer(cache).open();
 * }</pre>
 */
public final class CacheLayer implements Layer {
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("unistore.cache.kind");

    private final ReadCache cache;
    private final long maxBlobBytes;
    private final boolean revalidate;
    private final AtomicLong accounts = new AtomicLong();

    private CacheLayer(Builder b) {
        this.cache = new ReadCache(b.maxBytes, b.ttl);
        this.maxBlobBytes = b.maxBlobBytes;
        this.revalidate = b.revalidate;
        Meter meter = b.openTelemetry.getMeter("io.unistore.cache");
        meter.counterBuilder("unistore.cache.hits").setUnit("{request}")
                .setDescription("Reads the cache answered, by unistore.cache.kind").buildWithCallback(m -> {
                    for (CachedKind k : CachedKind.values()) {
                        m.record(cache.hits(k), Attributes.of(KIND, k.label()));
                    }
                });
        meter.counterBuilder("unistore.cache.misses").setUnit("{request}")
                .setDescription("Reads the cache passed down, by unistore.cache.kind").buildWithCallback(m -> {
                    for (CachedKind k : CachedKind.values()) {
                        m.record(cache.misses(k), Attributes.of(KIND, k.label()));
                    }
                });
    }

    /** A builder with the defaults: 64 MiB, 60 s, blobs up to 1 MiB, no revalidation, no metrics SDK. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        // One layer may be stacked on several accounts: their names must not meet in the cache.
        String account = String.valueOf(accounts.incrementAndGet());
        return new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                return new CachedBlobs(super.blobs(), cache, account, maxBlobBytes, revalidate);
            }

            @Override
            public TableBackend tables() {
                return new CachedTables(super.tables(), cache, account);
            }
        };
    }

    /** Reads of this kind the cache answered. */
    public long hits(CachedKind kind) {
        return cache.hits(kind);
    }

    /** Reads of this kind the cache passed down (and kept, when they could be). */
    public long misses(CachedKind kind) {
        return cache.misses(kind);
    }

    /** Entries held now (after pending evictions). */
    public long entries() {
        return cache.entries();
    }

    /** The bytes held now, as estimated for the bound. */
    public long weight() {
        return cache.weight();
    }

    @Override
    public String toString() {
        return "CacheLayer";
    }

    /** Builds a {@link CacheLayer}. */
    public static final class Builder {
        private long maxBytes = 64L << 20;
        private Duration ttl = Duration.ofSeconds(60);
        private long maxBlobBytes = 1L << 20;
        private boolean revalidate;
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();

        private Builder() {
        }

        /** The most bytes held (estimated: content plus the entries' overhead). */
        public Builder maxBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            this.maxBytes = value;
            return this;
        }

        /** How long an entry is served after it was read. */
        public Builder ttl(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("ttl must be positive");
            }
            this.ttl = value;
            return this;
        }

        /** The largest blob whose content is kept; larger ones are read through. */
        public Builder maxBlobBytes(long value) {
            if (value < 0 || value > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxBlobBytes must be 0 to 2 GiB");
            }
            this.maxBlobBytes = value;
            return this;
        }

        /** Whether cached blob content is checked against the blob's current ETag before it is served. */
        public Builder revalidate(boolean value) {
            this.revalidate = value;
            return this;
        }

        /** Where the hit and miss counters go (default: nowhere). */
        public Builder openTelemetry(OpenTelemetry value) {
            this.openTelemetry = Objects.requireNonNull(value, "openTelemetry");
            return this;
        }

        /** The layer. */
        public CacheLayer build() {
            return new CacheLayer(this);
        }
    }
}
