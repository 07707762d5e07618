package io.unistore.cache;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.unistore.StorageException;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The {@code cache} layer by name: {@code layers=cache} with {@code cache.maxBytes}, {@code cache.ttlSeconds},
 * {@code cache.maxBlobBytes} and {@code cache.revalidate}; its counters go to {@link GlobalOpenTelemetry}.
 */
public final class CacheLayerFactory implements LayerFactory {
    private static final Set<String> KNOWN = Set.of("maxBytes", "ttlSeconds", "maxBlobBytes", "revalidate");

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public Layer create(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key)) {
                throw StorageException.invalidArgument("cache." + key, "is not a cache option (known: "
                        + String.join(", ", KNOWN.stream().sorted().toList()) + ")");
            }
        }
        CacheLayer.Builder b = CacheLayer.builder().openTelemetry(GlobalOpenTelemetry.get());
        b.maxBytes(number(options, "maxBytes", 64L << 20, 1));
        b.ttl(Duration.ofSeconds(number(options, "ttlSeconds", 60, 1)));
        b.maxBlobBytes(number(options, "maxBlobBytes", 1L << 20, 0));
        String revalidate = options.getOrDefault("revalidate", "false");
        if (!revalidate.equals("true") && !revalidate.equals("false")) {
            throw StorageException.invalidArgument("cache.revalidate", "must be true or false, was '" + revalidate
                    + "'");
        }
        return b.revalidate(Boolean.parseBoolean(revalidate)).build();
    }

    private static long number(Map<String, String> options, String key, long defaultValue, long min) {
        String v = options.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= Integer.MAX_VALUE - 8L || key.equals("maxBytes") && n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw StorageException.invalidArgument("cache." + key, "must be a whole number of at least " + min
                + (key.equals("maxBytes") ? "" : " and at most " + (Integer.MAX_VALUE - 8L)) + ", was '" + v + "'");
    }
}
