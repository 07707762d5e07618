package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.Unistore;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.TableBackend;

/**
 * The layer that maintains secondary indexes on every write made through it: inserts, upserts, updates,
 * deletes, transactions, and so bulk writes, CSV imports and migrations into the account. Name {@code indexes}
 * in the {@code layers} option; {@code indexes.cacheMillis} (default 1000) is how long index definitions are
 * cached.
 */
public final class IndexLayer implements Layer {
    /** Definitions are cached this long by default. */
    public static final long DEFAULT_CACHE_MILLIS = 1000;

    private final long cacheMillis;

    /** A layer caching definitions for {@code cacheMillis}. */
    public IndexLayer(long cacheMillis) {
        this.cacheMillis = cacheMillis;
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        return new ForwardingAccountBackend(inner) {
            private volatile TableBackend tables;

            @Override
            public TableBackend tables() {
                TableBackend t = tables;
                if (t == null) {
                    synchronized (this) {
                        if (tables == null) {
                            TableBackend below = super.tables();
                            // An account without tables has nothing to index.
                            if (below == null || !capabilities().has(Capability.TABLES)) {
                                return below;
                            }
                            // The API over the store below, never closed: the account above closes the backend.
                            tables = new IndexedTableBackend(below, Unistore.of(inner).tables(), cacheMillis);
                        }
                        t = tables;
                    }
                }
                return t;
            }
        };
    }

    @Override
    public String toString() {
        return "IndexLayer(cacheMillis=" + cacheMillis + ")";
    }
}
