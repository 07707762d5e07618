package io.unistore.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the accounts file ({@code --config}): YAML, or JSON (which YAML reads too).
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
 * <p>Any string may reference an environment variable as {@code ${env:NAME}}, so secrets never have to be
 * written in the file. Unknown keys are refused by name, so a typo does not silently widen a policy.
 */
final class ConfigFile {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final Set<String> ACCOUNT_KEYS = Set.of("address", "options", "policy");
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
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new ConfigException(file + " is not valid YAML or JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": expected an object with an 'accounts' key");
        }
        checkKeys(root, Set.of("accounts", "telemetry"), "");
        JsonNode accounts = root.get("accounts");
        if (accounts == null || !accounts.isObject() || accounts.isEmpty()) {
            throw new ConfigException("accounts: must map at least one account name to its settings");
        }
        List<AccountSpec> specs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : accounts.properties()) {
            specs.add(account(e.getKey(), e.getValue(), env));
        }
        return specs;
    }

    /**
     * The {@code telemetry} section ({@link TelemetrySpec#NONE} without one):
     * {@code {exporter: otlp, endpoint: http://127.0.0.1:4318, serviceName: ..., exportIntervalSeconds: 60}}.
     *
     * @throws ConfigException naming the key and the rule it breaks
     */
    static TelemetrySpec telemetry(Path file, UnaryOperator<String> env) {
        JsonNode node;
        try {
            JsonNode root = new YAMLMapper().readTree(Files.readString(file));
            node = root == null ? null : root.get("telemetry");
        } catch (IOException | JacksonException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (node == null || node.isNull()) {
            return TelemetrySpec.NONE;
        }
        if (!node.isObject()) {
            throw new ConfigException("telemetry: must be an object with 'exporter'");
        }
        checkKeys(node, Set.of("exporter", "endpoint", "serviceName", "exportIntervalSeconds"), "telemetry.");
        String exporter = text(node.get("exporter"), "telemetry.exporter", env);
        if (exporter == null || !Set.of("otlp", "none").contains(exporter)) {
            throw new ConfigException("telemetry.exporter: must be otlp or none");
        }
        String endpoint = text(node.get("endpoint"), "telemetry.endpoint", env);
        if (exporter.equals("otlp") && (endpoint == null || !endpoint.matches("https?://[^\\s]+"))) {
            throw new ConfigException("telemetry.endpoint: the OTLP/HTTP base URL is required with otlp, e.g. "
                    + "http://127.0.0.1:4318");
        }
        String service = text(node.get("serviceName"), "telemetry.serviceName", env);
        JsonNode interval = node.get("exportIntervalSeconds");
        if (interval != null && (!interval.canConvertToInt() || interval.asInt() < 1)) {
            throw new ConfigException("telemetry.exportIntervalSeconds: must be a whole number of seconds, at least 1");
        }
        return new TelemetrySpec(exporter, endpoint, service == null ? "unistore-mcp" : service,
                java.time.Duration.ofSeconds(interval == null ? 60 : interval.asInt()));
    }

    private static AccountSpec account(String name, JsonNode node, UnaryOperator<String> env) {
        String where = "accounts." + name;
        if (!ACCOUNT_NAME.matcher(name).matches()) {
            throw new ConfigException(where + ": account names are 1-63 letters, digits, '-' or '_'");
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": must be an object with 'address'");
        }
        checkKeys(node, ACCOUNT_KEYS, where + ".");
        String address = text(node.get("address"), where + ".address", env);
        if (address == null || address.isBlank()) {
            throw new ConfigException(where + ".address: is required (file:DIR, an Azure connection string, "
                    + "s3://..., gs://...)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode opts = node.get("options");
        if (opts != null) {
            if (!opts.isObject()) {
                throw new ConfigException(where + ".options: must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> o : opts.properties()) {
                options.put(o.getKey(), text(o.getValue(), where + ".options." + o.getKey(), env));
            }
        }
        return new AccountSpec(name, address, options, policy(node.get("policy"), where + ".policy"));
    }

    private static AccountPolicy policy(JsonNode node, String where) {
        if (node == null) {
            return AccountPolicy.OPEN;
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": must be an object");
        }
        checkKeys(node, POLICY_KEYS, where + ".");
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

    private static String text(JsonNode node, String where, UnaryOperator<String> env) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.isBinary()) {
            throw new ConfigException(where + ": must be a string");
        }
        return substitute(node.asString(), where, env);
    }

    /** Replaces every {@code ${env:NAME}}; a variable that is not set is an error naming it. */
    static String substitute(String value, String where, UnaryOperator<String> env) {
        Matcher m = ENV.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                throw new ConfigException(where + ": environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(prefix + key + ": unknown key (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** A config file that breaks a rule; the message names the key. */
    static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }
}
