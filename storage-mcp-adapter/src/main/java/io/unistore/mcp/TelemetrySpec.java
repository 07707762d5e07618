package io.unistore.mcp;

import java.time.Duration;

/**
 * The config file's {@code telemetry} section: where the spans and metrics of the {@code telemetry} and
 * {@code cache} layers go. {@link #toString()} shows no connection string.
 *
 * @param exporter         {@code otlp}, {@code azuremonitor} or {@code none}
 * @param endpoint         the OTLP/HTTP base URL ({@code http://127.0.0.1:4318}); traces go to {@code /v1/traces},
 *                         metrics to {@code /v1/metrics}
 * @param serviceName      the resource's {@code service.name}
 * @param exportInterval   how often metrics are sent
 * @param connectionString the Application Insights connection string, for {@code azuremonitor} (it holds the
 *                         instrumentation key: never shown)
 */
record TelemetrySpec(String exporter, String endpoint, String serviceName, Duration exportInterval,
                     String connectionString) {

    static final TelemetrySpec NONE = new TelemetrySpec("none", null, "unistore-mcp", Duration.ofSeconds(60), null);

    @Override
    public String toString() {
        return "TelemetrySpec{exporter=" + exporter + ", serviceName=" + serviceName + "}";
    }
}
