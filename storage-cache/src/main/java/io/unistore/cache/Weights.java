package io.unistore.cache;

import io.unistore.blob.BlobProperties;
import io.unistore.table.TableEntity;
import java.util.Map;

/** Estimates of what cached values hold on the heap, for the cache's byte bound. */
final class Weights {
    private static final int OVERHEAD = 128;

    private Weights() {
    }

    static int entity(TableEntity e) {
        long n = OVERHEAD + chars(e.partitionKey()) + chars(e.rowKey());
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            n += 48 + chars(p.getKey()) + value(p.getValue());
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    static int properties(BlobProperties p) {
        long n = 4L * OVERHEAD + chars(p.name()) + chars(p.container());
        if (p.metadata() != null) {
            for (Map.Entry<String, String> m : p.metadata().entrySet()) {
                n += 48 + chars(m.getKey()) + chars(m.getValue());
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static long value(Object v) {
        if (v instanceof String s) {
            return chars(s);
        }
        if (v instanceof byte[] b) {
            return b.length + 16L;
        }
        return 24;
    }

    private static long chars(String s) {
        return s == null ? 0 : 40L + 2L * s.length();
    }
}
