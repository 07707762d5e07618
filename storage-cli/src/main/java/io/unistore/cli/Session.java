package io.unistore.cli;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.config.AccountConfig;
import io.unistore.config.AccountsFile;
import io.unistore.config.ConfigException;
import io.unistore.config.EnvReferences;
import io.unistore.spi.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The accounts a command may use: those of the accounts file (the one {@code unistore-mcp} reads; its
 * {@code policy} keys are for MCP clients and ignored here), plus {@code --account NAME=ADDRESS}; with neither,
 * the account {@code local} is the local provider on {@code ./unistore-data}. Accounts are opened when a
 * command first names them, and closed at the end.
 */
final class Session implements AutoCloseable {
    /** What the server's config file may hold beyond address and options. */
    private static final Set<String> SERVER_KEYS = Set.of("policy");

    private final Map<String, AccountConfig> configs;
    private final Map<String, StorageAccount> open = new LinkedHashMap<>();

    private Session(Map<String, AccountConfig> configs) {
        this.configs = configs;
    }

    /**
     * The accounts of a config file (or none) and the ad-hoc ones.
     *
     * @param adHoc {@code NAME=ADDRESS} pairs; the address may reference the environment as ${env:NAME}
     */
    static Session of(Path config, List<String> adHoc, UnaryOperator<String> env) {
        Map<String, AccountConfig> configs = new LinkedHashMap<>();
        try {
            if (config != null) {
                if (!Files.isRegularFile(config)) {
                    throw CliException.usage("--config: " + config + " is not a file; give the accounts file "
                            + "(YAML or JSON, as for unistore-mcp)");
                }
                for (AccountConfig a : AccountsFile.read(config, env, SERVER_KEYS)) {
                    configs.put(a.name(), a);
                }
            }
            for (String pair : adHoc) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? "" : pair.substring(0, eq);
                if (!AccountsFile.isAccountName(name) || eq == pair.length() - 1) {
                    throw CliException.usage("--account: expected NAME=ADDRESS (NAME: letters, digits, '-', '_'; "
                            + "ADDRESS: file:DIR, s3://..., gs://..., an Azure connection string or "
                            + "${env:VARIABLE}), got '" + Secrets.redact(pair) + "'");
                }
                configs.put(name, AccountConfig.of(name,
                        EnvReferences.substitute(pair.substring(eq + 1), "--account " + name, env)));
            }
        } catch (ConfigException e) {
            throw CliException.usage(Secrets.redact(e.getMessage()));
        }
        if (config == null && !configs.containsKey("local")) {
            configs.put("local", AccountConfig.of("local", "file:" + Path.of("unistore-data").toAbsolutePath()));
        }
        return new Session(configs);
    }

    /** The account names, in the order configured. */
    List<String> names() {
        return List.copyOf(configs.keySet());
    }

    /** The provider address of an account, with any secret in it masked. */
    String describe(String name) {
        return Secrets.redact(config(name).address());
    }

    /** Opens (once) the named account. */
    StorageAccount account(String name) {
        StorageAccount a = open.get(name);
        if (a != null) {
            return a;
        }
        AccountConfig c = config(name);
        try {
            a = Unistore.open(c.address(), c.options());
        } catch (StorageException e) {
            throw new StorageException(e.code(), "account '" + name + "' could not be opened: "
                    + Secrets.redact(e.getMessage()) + "; check its address and options in the accounts file");
        } catch (RuntimeException e) {
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "account '" + name + "' could not be opened: "
                    + Secrets.redact(String.valueOf(e.getMessage()))
                    + "; check its address and options in the accounts file");
        }
        open.put(name, a);
        return a;
    }

    /** The account of a remote location. */
    StorageAccount account(Location location) {
        return account(location.account());
    }

    private AccountConfig config(String name) {
        AccountConfig c = configs.get(name);
        if (c == null) {
            throw new CliException(Exit.USAGE, "unknown account '" + name + "' (known: " + String.join(", ",
                    configs.keySet()) + "); add it to the accounts file (--config FILE or UNISTORE_CONFIG) or "
                    + "give --account " + name + "=ADDRESS; a local path with a colon is written ./" + name + ":...");
        }
        return c;
    }

    @Override
    public void close() {
        for (StorageAccount a : open.values()) {
            try {
                a.close();
            } catch (RuntimeException e) {
                // Closing is best effort: the command's outcome is already decided.
            }
        }
        open.clear();
    }
}
