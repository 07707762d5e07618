package io.unistore.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one Caffeine cache of a {@link CacheLayer}, bounded by weight (bytes, estimated) and time since written, and
 * the rule that keeps it from serving what a write replaced: every invalidation moves a generation on, and a value
 * read while the generation moved is returned but not kept (it may predate the write).
 */
final class ReadCache {
    /** A cached item: its kind and the names that identify it. */
    record Key(CachedKind kind, String scope, String name, String sub) {
    }

    /** A value and its estimated size in bytes. */
    record Weighed(Object value, int bytes) {
    }

    private final Cache<Key, Weighed> cache;
    private final AtomicLong generation = new AtomicLong();
    private final Map<CachedKind, LongAdder> hits = new EnumMap<>(CachedKind.class);
    private final Map<CachedKind, LongAdder> misses = new EnumMap<>(CachedKind.class);

    ReadCache(long maxBytes, Duration ttl) {
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((Key k, Weighed w) -> w.bytes())
                .expireAfterWrite(ttl).build();
        for (CachedKind k : CachedKind.values()) {
            hits.put(k, new LongAdder());
            misses.put(k, new LongAdder());
        }
    }

    /** The cached value, counting a hit; null (counting nothing) when absent. */
    Object peek(Key key) {
        Weighed w = cache.getIfPresent(key);
        return w == null ? null : w.value();
    }

    void hit(CachedKind kind) {
        hits.get(kind).increment();
    }

    void miss(CachedKind kind) {
        misses.get(kind).increment();
    }

    /** The generation to pass to {@link #keep} after loading. */
    long generation() {
        return generation.get();
    }

    /** Keeps a loaded value unless something was invalidated since {@code generation}. */
    void keep(Key key, Object value, int bytes, long generation) {
        if (value != null && this.generation.get() == generation) {
            cache.put(key, new Weighed(value, bytes));
        }
    }

    /** Reads through: the cached value (a hit) or the loaded one (a miss, then kept). */
    @SuppressWarnings("unchecked")
    <T> T get(Key key, Supplier<T> load, java.util.function.ToIntFunction<T> weigh) {
        Object cached = peek(key);
        if (cached != null) {
            hit(key.kind());
            return (T) cached;
        }
        miss(key.kind());
        long g = generation();
        T value = load.get();
        if (value != null) {
            keep(key, value, weigh.applyAsInt(value), g);
        }
        return value;
    }

    void invalidate(Key key) {
        generation.incrementAndGet();
        cache.invalidate(key);
    }

    void invalidateIf(Predicate<Key> which) {
        generation.incrementAndGet();
        cache.asMap().keySet().removeIf(which);
    }

    long hits(CachedKind kind) {
        return hits.get(kind).sum();
    }

    long misses(CachedKind kind) {
        return misses.get(kind).sum();
    }

    long weight() {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    long entries() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
