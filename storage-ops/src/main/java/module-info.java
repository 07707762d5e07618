/** Provider-neutral operations on any account: copy, migrate, backup, restore, CSV, schema transforms. */
module io.unistore.ops {
    requires transitive io.unistore.api;
    requires tools.jackson.databind;
    requires org.apache.commons.csv;
    requires parquet.format.structures;
    // Snappy, zstd and LZ4 for the Parquet pages of a sample (an automatic module named after its jar).
    requires aircompressor;
    requires com.cronutils;
    requires io.github.javadiffutils;
    requires org.slf4j;

    exports io.unistore.ops;

    provides io.unistore.spi.LayerFactory with io.unistore.ops.IndexLayerFactory;
}
