package io.unistore.internal;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;
import io.unistore.spi.StorageProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers with {@link ServiceLoader} and picks the one for an address. Forgiving and loud, like
 * SLF4J: a provider that fails to load is reported and skipped; no match and several matches are errors that
 * list what is installed and how to choose.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private ProviderRegistry() {
    }

    /** The providers that load on this class path, in discovery order. */
    public static List<StorageProvider> installed(ClassLoader loader) {
        List<StorageProvider> providers = new ArrayList<>();
        Iterator<StorageProvider> it = ServiceLoader.load(StorageProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("A Unistore storage provider failed to load and is skipped: {}", e.getMessage());
            }
        }
        return providers;
    }

    /**
     * The provider to open {@code address} with.
     *
     * @param explicitId a provider id the user named, or null to choose by address
     */
    public static StorageProvider select(List<StorageProvider> providers, String address, String explicitId) {
        if (explicitId != null && !explicitId.isBlank()) {
            for (StorageProvider p : providers) {
                if (p.id().equalsIgnoreCase(explicitId.trim())) {
                    return p;
                }
            }
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "provider: no installed Unistore provider has id '"
                    + explicitId + "'. Installed: " + describe(providers));
        }
        List<StorageProvider> matching = new ArrayList<>();
        for (StorageProvider p : providers) {
            boolean accepts;
            try {
                accepts = p.accepts(address);
            } catch (RuntimeException e) {
                LOG.warn("Unistore provider '{}' failed while checking an address and is skipped: {}", p.id(),
                        e.toString());
                accepts = false;
            }
            if (accepts) {
                matching.add(p);
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        // Masked harder than a message: an address nobody reads may hold a secret under a mistyped key name.
        String shown = "'" + Secrets.redactAddress(address) + "'";
        if (matching.isEmpty()) {
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "address: no installed Unistore provider accepts "
                    + shown + ". Installed: " + describe(providers)
                    + ". Add the provider module for this address to the class path.");
        }
        throw new StorageException(ErrorCode.INVALID_ARGUMENT, "address: several Unistore providers accept " + shown
                + ": " + matching.stream().map(StorageProvider::id).collect(Collectors.joining(", "))
                + ". Choose one with the option provider=<id> or the system property "
                + io.unistore.Unistore.PROVIDER_PROPERTY + "=<id>.");
    }

    private static String describe(List<StorageProvider> providers) {
        if (providers.isEmpty()) {
            return "none (add io.unistore:storage-local or a cloud provider module)";
        }
        return providers.stream().map(p -> p.id() + " (" + p.addressHelp() + ")").collect(Collectors.joining("; "));
    }
}
