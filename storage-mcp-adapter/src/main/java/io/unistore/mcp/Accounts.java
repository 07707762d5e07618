package io.unistore.mcp;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.spi.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts the server serves, opened once at start. An account that fails to open is kept with its
 * error, so calls naming it say why instead of the server refusing to start.
 */
final class Accounts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    /** One configured account: open, or with the reason it is not. */
    record Entry(AccountSpec spec, StorageAccount account, StorageException openError) {
        String name() {
            return spec.name();
        }

        AccountPolicy policy() {
            return spec.policy();
        }

        /** Whether the account is open and has every capability. */
        boolean has(Iterable<Capability> capabilities) {
            if (account == null) {
                return false;
            }
            Capabilities c = account.capabilities();
            for (Capability cap : capabilities) {
                if (!c.has(cap)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Accounts(List<Entry> list) {
        list.forEach(e -> entries.put(e.name(), e));
    }

    /** Opens every account; failures are logged (without secrets) and kept. */
    static Accounts open(List<AccountSpec> specs) {
        List<Entry> list = new ArrayList<>();
        for (AccountSpec spec : specs) {
            try {
                StorageAccount account = Unistore.open(spec.address(), withIndexLayer(spec.options()));
                LOG.info("account '{}': {} {}", spec.name(), Secrets.redact(account.displayName()),
                        account.capabilities());
                list.add(new Entry(spec, account, null));
            } catch (RuntimeException e) {
                StorageException error = e instanceof StorageException se ? se
                        : new StorageException(ErrorCode.INTERNAL, Secrets.redact(String.valueOf(e.getMessage())), e);
                LOG.error("account '{}' could not be opened: [{}] {}", spec.name(), error.code(),
                        Secrets.redact(error.getMessage()));
                list.add(new Entry(spec, null, error));
            }
        }
        return new Accounts(list);
    }

    /**
     * The options with the {@code indexes} layer added (outermost), so every write the server makes keeps the
     * account's secondary indexes current; an account without tables passes through it.
     */
    static Map<String, String> withIndexLayer(Map<String, String> options) {
        Map<String, String> o = new LinkedHashMap<>(options);
        String layers = o.getOrDefault(Unistore.LAYERS_OPTION, "").trim();
        boolean named = java.util.Arrays.stream(layers.split(",")).anyMatch(l -> l.trim().equals("indexes"));
        if (!named) {
            o.put(Unistore.LAYERS_OPTION, layers.isEmpty() ? "indexes" : "indexes," + layers);
        }
        return o;
    }

    List<Entry> all() {
        return List.copyOf(entries.values());
    }

    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /** Whether exactly one account is configured (then {@code account} arguments are optional). */
    boolean single() {
        return entries.size() == 1;
    }

    /** Whether some open account provides a store at all. */
    boolean anyHas(Iterable<Capability> capabilities) {
        return entries.values().stream().anyMatch(e -> e.has(capabilities));
    }

    /**
     * The account an {@code account} argument names (null: the only one).
     *
     * @throws StorageException INVALID_ARGUMENT naming the argument; UNAVAILABLE if it failed to open
     */
    Entry resolve(String name) {
        return resolve(name, "account");
    }

    /** The account named by another argument (such as {@code targetAccount}), which errors name. */
    Entry resolve(String name, String argument) {
        Entry entry;
        if (name == null) {
            if (!single()) {
                throw StorageException.invalidArgument(argument, "is required when several accounts are served; "
                        + "use one of " + names());
            }
            entry = entries.values().iterator().next();
        } else {
            entry = entries.get(name);
            if (entry == null) {
                throw StorageException.invalidArgument(argument, "'" + name + "' is not served; use one of "
                        + names());
            }
        }
        if (entry.account() == null) {
            throw new StorageException(ErrorCode.UNAVAILABLE, "account '" + entry.name() + "' could not be opened at "
                    + "start: [" + entry.openError().code() + "] " + Secrets.redact(entry.openError().getMessage())
                    + "; fix its settings in the config file and restart the server");
        }
        return entry;
    }

    @Override
    public void close() {
        for (Entry e : entries.values()) {
            if (e.account() != null) {
                try {
                    e.account().close();
                } catch (RuntimeException ex) {
                    LOG.warn("closing account '{}': {}", e.name(), Secrets.redact(ex.getMessage()));
                }
            }
        }
    }
}
