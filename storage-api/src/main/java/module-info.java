/**
 * Unistore's provider-neutral API: the stores users call, their model, errors, capabilities and paging, and
 * the SPI providers and layers implement. The implementation ({@code io.unistore.internal}) is not exported.
 */
module io.unistore.api {
    requires org.slf4j;
    requires static org.immutables.value;

    exports io.unistore;
    exports io.unistore.blob;
    exports io.unistore.table;
    exports io.unistore.queue;
    exports io.unistore.file;
    exports io.unistore.spi;

    uses io.unistore.spi.StorageProvider;
    uses io.unistore.spi.LayerFactory;
}
