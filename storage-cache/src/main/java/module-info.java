/** The read cache layer: entities, blob properties and small blobs in Caffeine, invalidated by writes. */
module io.unistore.cache {
    requires transitive io.unistore.api;
    requires com.github.benmanes.caffeine;
    requires io.opentelemetry.api;

    exports io.unistore.cache;

    provides io.unistore.spi.LayerFactory with io.unistore.cache.CacheLayerFactory;
}
