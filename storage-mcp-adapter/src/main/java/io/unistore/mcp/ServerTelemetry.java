package io.unistore.mcp;

import com.azure.core.http.HttpPipeline;
import com.azure.monitor.opentelemetry.autoconfigure.AzureMonitorAutoConfigure;
import com.azure.monitor.opentelemetry.autoconfigure.AzureMonitorAutoConfigureOptions;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the OpenTelemetry SDK the config's {@code telemetry} section asks for as {@link GlobalOpenTelemetry},
 * before the accounts open, so the {@code telemetry} and {@code cache} layers of any account report through it.
 * Closing flushes what is pending.
 */
final class ServerTelemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTelemetry.class);
    private final OpenTelemetrySdk sdk;

    private ServerTelemetry(OpenTelemetrySdk sdk) {
        this.sdk = sdk;
    }

    static ServerTelemetry install(TelemetrySpec spec) {
        return install(spec, null);
    }

    /**
     * As {@link #install(TelemetrySpec)}; {@code azureMonitorPipeline}, when not null, carries every request of the
     * Azure Monitor exporter (its telemetry and its own statsbeat): the test hook that keeps a test off the network.
     */
    static ServerTelemetry install(TelemetrySpec spec, HttpPipeline azureMonitorPipeline) {
        if (spec == null || spec.exporter().equals("none")) {
            return new ServerTelemetry(null);
        }
        if (spec.exporter().equals("azuremonitor")) {
            return azureMonitor(spec, azureMonitorPipeline);
        }
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), spec.serviceName())));
        String base = spec.endpoint().endsWith("/") ? spec.endpoint().substring(0, spec.endpoint().length() - 1)
                : spec.endpoint();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setResource(resource).addSpanProcessor(
                        BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces")
                                .build()).build()).build())
                .setMeterProvider(SdkMeterProvider.builder().setResource(resource).registerMetricReader(
                        PeriodicMetricReader.builder(OtlpHttpMetricExporter.builder().setEndpoint(base + "/v1/metrics")
                                .build()).setInterval(spec.exportInterval()).build()).build())
                .build();
        GlobalOpenTelemetry.set(sdk);
        LOG.info("telemetry: OTLP/HTTP to {} as service {}", base, spec.serviceName());
        return new ServerTelemetry(sdk);
    }

    /**
     * Microsoft's Azure Monitor distro (azure-monitor-opentelemetry-autoconfigure) on the SDK's autoconfiguration,
     * with the OTLP and other default exporters off and live metrics off (the server has no use for them).
     */
    private static ServerTelemetry azureMonitor(TelemetrySpec spec, HttpPipeline pipeline) {
        AutoConfiguredOpenTelemetrySdkBuilder builder = AutoConfiguredOpenTelemetrySdk.builder()
                .disableShutdownHook()
                .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none", "otel.service.name", spec.serviceName(),
                        "otel.metric.export.interval", String.valueOf(spec.exportInterval().toMillis()),
                        "applicationinsights.live.metrics.enabled", "false"));
        AzureMonitorAutoConfigureOptions options = new AzureMonitorAutoConfigureOptions()
                .connectionString(spec.connectionString());
        if (pipeline != null) {
            options.pipeline(pipeline);
        }
        AzureMonitorAutoConfigure.customize(builder, options);
        OpenTelemetrySdk sdk = builder.build().getOpenTelemetrySdk();
        GlobalOpenTelemetry.set(sdk);
        LOG.info("telemetry: Azure Monitor as service {}", spec.serviceName());
        return new ServerTelemetry(sdk);
    }

    @Override
    public void close() {
        if (sdk != null) {
            sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
            sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
            sdk.close();
        }
    }
}
