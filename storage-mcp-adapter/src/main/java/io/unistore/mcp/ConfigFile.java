package io.unistore.mcp;

import io.unistore.config.AccountConfig;
import io.unistore.config.AccountsFile;
import io.unistore.config.ConfigException;
import io.unistore.ops.MetricsThresholds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Reads the accounts file ({@code --config}) with {@link AccountsFile}, shared with the {@code unistore} command
 * line, plus what only the server reads: each account's {@code policy}.
 *
 * <pre>
 * accounts:
 *   local:
 *     address: file:./unistore-data
 *   prod:
 *     address: ${env:AZURE_STORAGE_CONNECTION_STRING}
 *     options: { provider: azure }
 *     policy:
 *       readOnly: true
 *       containers: ["public-*"]
 * </pre>
 *
 * <p>Unknown keys are refused by name, so a typo does not silently widen a policy.
 */
final class ConfigFile {
    private static final String POLICY = "policy";
    private static final String ALERTS = "alerts";
    private static final Set<String> ALERT_KEYS = Set.of("maxObjects", "maxBytes", "maxShareUsedPercent",
            "maxQueueDepth", "maxQueueAgeSeconds");
    private static final Set<String> POLICY_KEYS = Set.of("readOnly", "tools", "denyTools", "containers", "tables",
            "queues", "shares");

    private ConfigFile() {
    }

    /**
     * Reads the file.
     *
     * @param env looks up environment variables (System::getenv outside tests)
     * @throws ConfigException naming the key and the rule it breaks
     */
    static List<AccountSpec> read(Path file, UnaryOperator<String> env) {
        List<AccountSpec> specs = new ArrayList<>();
        for (AccountConfig a : AccountsFile.read(file, env, Set.of(POLICY, ALERTS))) {
            specs.add(new AccountSpec(a.name(), a.address(), a.options(),
                    policy(a.extra().get(POLICY), "accounts." + a.name() + "." + POLICY),
                    alerts(a.extra().get(ALERTS), "accounts." + a.name() + "." + ALERTS)));
        }
        return specs;
    }

    /**
     * The {@code telemetry} section ({@link TelemetrySpec#NONE} without one):
     * {@code {exporter: otlp, endpoint: http://127.0.0.1:4318, serviceName: ..., exportIntervalSeconds: 60}}, or
     * {@code {exporter: azuremonitor, connectionString: ${env:APPLICATIONINSIGHTS_CONNECTION_STRING}, ...}}.
     *
     * @throws ConfigException naming the key and the rule it breaks
     */
    static TelemetrySpec telemetry(Path file, UnaryOperator<String> env) {
        JsonNode node = AccountsFile.root(file).get("telemetry");
        if (node == null || node.isNull()) {
            return TelemetrySpec.NONE;
        }
        if (!node.isObject()) {
            throw new ConfigException("telemetry: must be an object with 'exporter'");
        }
        AccountsFile.checkKeys(node, Set.of("exporter", "endpoint", "serviceName", "exportIntervalSeconds",
                "connectionString"), "telemetry.");
        String exporter = AccountsFile.text(node.get("exporter"), "telemetry.exporter", env);
        if (exporter == null || !Set.of("otlp", "azuremonitor", "none").contains(exporter)) {
            throw new ConfigException("telemetry.exporter: must be otlp, azuremonitor or none");
        }
        String connectionString = AccountsFile.text(node.get("connectionString"), "telemetry.connectionString", env);
        if (exporter.equals("azuremonitor") != (connectionString != null)) {
            throw new ConfigException("telemetry.connectionString: the Application Insights connection string is "
                    + "required with azuremonitor (e.g. ${env:APPLICATIONINSIGHTS_CONNECTION_STRING}) and taken "
                    + "with it only");
        }
        if (connectionString != null && !connectionString.contains("InstrumentationKey=")) {
            // Never echo it: it holds the instrumentation key.
            throw new ConfigException("telemetry.connectionString: must be an Application Insights connection "
                    + "string (InstrumentationKey=...;IngestionEndpoint=...)");
        }
        String endpoint = AccountsFile.text(node.get("endpoint"), "telemetry.endpoint", env);
        if (exporter.equals("otlp") && (endpoint == null || !endpoint.matches("https?://[^\\s]+"))) {
            throw new ConfigException("telemetry.endpoint: the OTLP/HTTP base URL is required with otlp, e.g. "
                    + "http://127.0.0.1:4318");
        }
        String service = AccountsFile.text(node.get("serviceName"), "telemetry.serviceName", env);
        JsonNode interval = node.get("exportIntervalSeconds");
        if (interval != null && (!interval.canConvertToInt() || interval.asInt() < 1)) {
            throw new ConfigException("telemetry.exportIntervalSeconds: must be a whole number of seconds, at least 1");
        }
        return new TelemetrySpec(exporter, endpoint, service == null ? "unistore-mcp" : service,
                java.time.Duration.ofSeconds(interval == null ? 60 : interval.asInt()), connectionString);
    }

    /**
     * An account's {@code alerts}: thresholds get-storage-metrics checks, e.g.
     * {@code {maxBytes: 1000000000, maxQueueDepth: 5000, maxQueueAgeSeconds: 3600, maxShareUsedPercent: 90}}.
     */
    private static MetricsThresholds alerts(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return MetricsThresholds.NONE;
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": must be an object of thresholds");
        }
        AccountsFile.checkKeys(node, ALERT_KEYS, where + ".");
        long[] whole = new long[4];
        String[] names = {"maxObjects", "maxBytes", "maxQueueDepth", "maxQueueAgeSeconds"};
        for (int i = 0; i < names.length; i++) {
            JsonNode v = node.get(names[i]);
            whole[i] = -1;
            if (v != null) {
                if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                    throw new ConfigException(where + "." + names[i] + ": must be a whole number, at least 0");
                }
                whole[i] = v.asLong();
            }
        }
        JsonNode pct = node.get("maxShareUsedPercent");
        if (pct != null && (!pct.isNumber() || pct.asDouble() < 0 || pct.asDouble() > 100)) {
            throw new ConfigException(where + ".maxShareUsedPercent: must be a number from 0 to 100");
        }
        return new MetricsThresholds(whole[0], whole[1], pct == null ? -1 : pct.asDouble(), whole[2], whole[3]);
    }

    private static AccountPolicy policy(JsonNode node, String where) {
        if (node == null) {
            return AccountPolicy.OPEN;
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": must be an object");
        }
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            String key = it.next();
            if (!POLICY_KEYS.contains(key)) {
                throw new ConfigException(where + "." + key + ": unknown key (allowed: " + String.join(", ",
                        POLICY_KEYS.stream().sorted().toList()) + ")");
            }
        }
        JsonNode ro = node.get("readOnly");
        if (ro != null && !ro.isBoolean()) {
            throw new ConfigException(where + ".readOnly: must be true or false");
        }
        NamePatterns deny = patterns(node, "denyTools", where);
        return new AccountPolicy(ro != null && ro.booleanValue(), patterns(node, "tools", where),
                deny.restricts() ? deny : NamePatterns.of(List.of()), patterns(node, "containers", where),
                patterns(node, "tables", where), patterns(node, "queues", where), patterns(node, "shares", where));
    }

    private static NamePatterns patterns(JsonNode policy, String key, String where) {
        JsonNode list = policy.get(key);
        if (list == null) {
            return NamePatterns.ANY;
        }
        if (!list.isArray()) {
            throw new ConfigException(where + "." + key + ": must be a list of name patterns (* and ? allowed)");
        }
        List<String> globs = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isString() || item.asString().isEmpty()) {
                throw new ConfigException(where + "." + key + ": every pattern must be a non-empty string");
            }
            globs.add(item.asString());
        }
        return NamePatterns.of(globs);
    }
}
