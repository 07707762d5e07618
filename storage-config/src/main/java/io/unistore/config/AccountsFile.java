package io.unistore.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the accounts file: YAML, or JSON (which YAML reads too).
 *
 * <pre>
 * accounts:
 *   local:
 *     address: file:./unistore-data
 *   prod:
 *     address: ${env:AZURE_STORAGE_CONNECTION_STRING}
 *     options: { provider: azure }
 * </pre>
 *
 * <p>Any string may reference an environment variable as {@code ${env:NAME}} ({@link EnvReferences}). Unknown
 * keys are refused by name, so a typo is never silently ignored; an application names the keys it reads itself
 * (such as the server's {@code policy}), which come back unread in {@link AccountConfig#extra()}.
 */
public final class AccountsFile {
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final Set<String> ACCOUNT_KEYS = Set.of("address", "options");

    private AccountsFile() {
    }

    /** Whether a name is a valid account name: 1-63 letters, digits, '-' or '_', starting with a letter or digit. */
    public static boolean isAccountName(String name) {
        return name != null && ACCOUNT_NAME.matcher(name).matches();
    }

    /** Top-level sections only unistore-mcp reads; other applications of the file accept and ignore them. */
    public static final Set<String> SERVER_SECTIONS = Set.of("telemetry", "schedules");

    /**
     * Reads the file.
     *
     * @param env looks up environment variables ({@code System::getenv} outside tests)
     * @param extraKeys keys of an account the application reads itself
     * @throws ConfigException naming the key and the rule it breaks
     */
    public static List<AccountConfig> read(Path file, UnaryOperator<String> env, Set<String> extraKeys) {
        JsonNode root = root(file);
        Set<String> rootKeys = new HashSet<>(SERVER_SECTIONS);
        rootKeys.add("accounts");
        checkKeys(root, rootKeys, "");
        JsonNode accounts = root.get("accounts");
        if (accounts == null || !accounts.isObject() || accounts.isEmpty()) {
            throw new ConfigException("accounts: must map at least one account name to its settings");
        }
        Set<String> allowed = new HashSet<>(ACCOUNT_KEYS);
        allowed.addAll(extraKeys);
        List<AccountConfig> list = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : accounts.properties()) {
            list.add(account(e.getKey(), e.getValue(), env, allowed, extraKeys));
        }
        return list;
    }

    /**
     * The file's top-level object, for the sections an application reads itself.
     *
     * @throws ConfigException when the file cannot be read or is not an object
     */
    public static JsonNode root(Path file) {
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
        return root;
    }

    private static AccountConfig account(String name, JsonNode node, UnaryOperator<String> env, Set<String> allowed,
                                         Set<String> extraKeys) {
        String where = "accounts." + name;
        if (!isAccountName(name)) {
            throw new ConfigException(where + ": account names are 1-63 letters, digits, '-' or '_'");
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": must be an object with 'address'");
        }
        checkKeys(node, allowed, where + ".");
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
                String value = text(o.getValue(), where + ".options." + o.getKey(), env);
                if (value == null) {
                    throw new ConfigException(where + ".options." + o.getKey() + ": must be a string");
                }
                options.put(o.getKey(), value);
            }
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        for (String key : extraKeys) {
            JsonNode value = node.get(key);
            if (value != null) {
                extra.put(key, value);
            }
        }
        return new AccountConfig(name, address, options, extra);
    }

    /**
     * A string value with its {@code ${env:NAME}} references substituted, or null when absent.
     *
     * @throws ConfigException naming {@code where} when the value is not a string
     */
    public static String text(JsonNode node, String where, UnaryOperator<String> env) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.isBinary()) {
            throw new ConfigException(where + ": must be a string");
        }
        return EnvReferences.substitute(node.asString(), where, env);
    }

    /**
     * Refuses a key of {@code node} that is not allowed, naming it with {@code prefix}.
     *
     * @throws ConfigException naming the key and the allowed ones
     */
    public static void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ConfigException(prefix + key + ": unknown key (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
