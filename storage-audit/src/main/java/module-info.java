/** The audit layer: one hash-chained JSON line per storage call, to a rotating file, a container or a table. */
module io.unistore.audit {
    requires transitive io.unistore.api;
    requires tools.jackson.databind;
    requires org.slf4j;

    exports io.unistore.audit;

    provides io.unistore.spi.LayerFactory with io.unistore.audit.AuditLayerFactory;
}
