package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.util.Map;

/** Makes the {@link IndexLayer} for {@code layers=indexes}; option {@code indexes.cacheMillis}. */
public final class IndexLayerFactory implements LayerFactory {
    @Override
    public String name() {
        return "indexes";
    }

    @Override
    public Layer create(Map<String, String> options) {
        long cache = IndexLayer.DEFAULT_CACHE_MILLIS;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!e.getKey().equals("cacheMillis")) {
                throw StorageException.invalidArgument("indexes." + e.getKey(), "is no option of the indexes layer "
                        + "(it has indexes.cacheMillis)");
            }
            try {
                cache = Long.parseLong(e.getValue().trim());
            } catch (NumberFormatException x) {
                cache = -1;
            }
            if (cache < 0 || cache > 600_000) {
                throw StorageException.invalidArgument("indexes.cacheMillis", "must be a whole number of "
                        + "milliseconds from 0 to 600000, was '" + e.getValue() + "'");
            }
        }
        return new IndexLayer(cache);
    }
}
