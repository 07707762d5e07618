/** The OpenTelemetry layer: a span and metrics per storage call, on the OpenTelemetry API only. */
module io.unistore.telemetry {
    requires transitive io.unistore.api;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports io.unistore.telemetry;

    provides io.unistore.spi.LayerFactory with io.unistore.telemetry.TelemetryLayerFactory;
}
