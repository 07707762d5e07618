package io.unistore.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.unistore.StorageException;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.util.Map;
import java.util.Set;

/**
 * The {@code telemetry} layer by name, reporting to {@link GlobalOpenTelemetry} (the SDK the application, the
 * OpenTelemetry Java agent or unistore-mcp's {@code telemetry} config installed): {@code layers=telemetry} with
 * {@code telemetry.account} and {@code telemetry.targets}.
 */
public final class TelemetryLayerFactory implements LayerFactory {
    private static final Set<String> KNOWN = Set.of("account", "targets");

    @Override
    public String name() {
        return "telemetry";
    }

    @Override
    public Layer create(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key)) {
                throw StorageException.invalidArgument("telemetry." + key, "is not a telemetry option (known: "
                        + "account, targets)");
            }
        }
        String targets = options.getOrDefault("targets", "true");
        if (!targets.equals("true") && !targets.equals("false")) {
            throw StorageException.invalidArgument("telemetry.targets", "must be true or false, was '" + targets + "'");
        }
        return TelemetryLayer.builder(GlobalOpenTelemetry.get()).account(options.get("account"))
                .targets(Boolean.parseBoolean(targets)).build();
    }
}
