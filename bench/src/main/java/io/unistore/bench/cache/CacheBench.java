package io.unistore.bench.cache;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.cache.CacheLayer;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A repeated point query (one entity, read again and again) through storage-cache's layer against the same call
 * on the same account without it. The account comes from {@link #target}, set by {@link CacheSection} per back end.
 */
@State(Scope.Benchmark)
public class CacheBench {
    static final String TABLE = "benchcache";
    /** Opens the account measured (the local provider, or Azurite). */
    static Supplier<StorageAccount> target;

    StorageAccount cached;
    StorageAccount uncached;

    /** Writes the one entity read. */
    static void prepare(Supplier<StorageAccount> account) {
        target = account;
        try (StorageAccount a = account.get()) {
            a.tables().createTableIfNotExists(TABLE);
            a.tables().upsertEntity(TABLE, TableEntity.builder("p", "r").put("Name", "Ada").put("Age", 36)
                    .put("Score", 9.5).build(), UpdateMode.REPLACE);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        uncached = target.get();
        cached = Unistore.layered(target.get(), CacheLayer.builder().build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cached.close();
        uncached.close();
    }

    @Benchmark
    public TableEntity uCachedGet() {
        return cached.tables().getEntity(TABLE, "p", "r");
    }

    @Benchmark
    public TableEntity rUncachedGet() {
        return uncached.tables().getEntity(TABLE, "p", "r");
    }
}
