package io.unistore;

import io.unistore.internal.Layers;
import io.unistore.internal.ProviderRegistry;
import io.unistore.internal.RuledAccount;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The entry point: opens a {@link StorageAccount} from an address the user already has.
 *
 * <pre>{@code
 * try (StorageAccount account = Unistore.open("file:/var/data/unistore")) {
 *     account.blobs().createContainer("photos");
 * }
 * }</pre>
 *
 * <p>Addresses: {@code file:/dir} or a plain directory path (local provider); an Azure connection string,
 * account URL or SAS URL (azure); {@code s3://} (aws); {@code gs://} (gcp). Providers are found with
 * {@link java.util.ServiceLoader}; exactly one must accept the address, or name one with the option
 * {@code provider} or the system property {@value #PROVIDER_PROPERTY}.
 *
 * <p>Layers (audit, cache, encryption, telemetry...) wrap the provider's account below the API's rules:
 * {@link Builder#layer(Layer)} in Java, or the option {@value #LAYERS_OPTION} naming
 * {@link io.unistore.spi.LayerFactory layer factories} ({@code layers=audit,cache}; options of a layer are
 * given as {@code audit.path=...}). The first layer named is the outermost.
 */
public final class Unistore {
    /** System property naming the provider id to use when several accept an address. */
    public static final String PROVIDER_PROPERTY = "unistore.provider";
    /** Option naming the provider id explicitly. */
    public static final String PROVIDER_OPTION = "provider";
    /** Option naming layers to stack, outermost first, separated by commas. */
    public static final String LAYERS_OPTION = "layers";

    private Unistore() {
    }

    /**
     * Opens the account at an address.
     *
     * @throws StorageException INVALID_ARGUMENT if no provider, or several, accept the address
     */
    public static StorageAccount open(String address) {
        return builder().address(address).open();
    }

    /** Opens the account at an address with provider options (e.g. {@code region}, {@code endpoint}). */
    public static StorageAccount open(String address, Map<String, String> options) {
        return builder().address(address).options(options).open();
    }

    /**
     * Opens from properties: {@code address} plus options; {@code provider} names a provider explicitly.
     */
    public static StorageAccount open(Properties properties) {
        Builder b = builder();
        for (String name : properties.stringPropertyNames()) {
            if (name.equals("address")) {
                b.address(properties.getProperty(name));
            } else {
                b.option(name, properties.getProperty(name));
            }
        }
        return b.open();
    }

    /**
     * The API over a backend built by hand rather than opened through a registered provider: a provider's own
     * tests (a backend given extra test hooks), or a backend not on the class path's service list. The rules
     * apply as for any account; closing the account closes the backend.
     */
    public static StorageAccount of(AccountBackend backend) {
        return RuledAccount.over(Objects.requireNonNull(backend, "backend"));
    }

    /**
     * The same account seen through more layers, outermost first: for wrapping an account someone else opened
     * (a test counting calls, a tool adding an audit trail). Both views share the provider's connection;
     * closing either closes it.
     *
     * @throws IllegalArgumentException if {@code account} was not opened by {@link Unistore}
     */
    public static StorageAccount layered(StorageAccount account, Layer... layers) {
        return RuledAccount.layered(account, List.of(layers));
    }

    /** A builder for an account. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ids of the providers installed on the class path. */
    public static List<String> installedProviders() {
        return ProviderRegistry.installed(classLoader()).stream().map(StorageProvider::id).toList();
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : Unistore.class.getClassLoader();
    }

    /** Builds and opens a {@link StorageAccount}. Not thread-safe; the account it opens is. */
    public static final class Builder {
        private String address;
        private String provider;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<Layer> layers = new ArrayList<>();

        private Builder() {
        }

        /** The address: a URI, connection string or directory path. */
        public Builder address(String value) {
            this.address = value;
            return this;
        }

        /** Names the provider explicitly (its id), bypassing address matching. */
        public Builder provider(String id) {
            this.provider = id;
            return this;
        }

        /** Sets a provider option. */
        public Builder option(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (name.equals(PROVIDER_OPTION)) {
                this.provider = value;
            } else if (value == null) {
                options.remove(name);
            } else {
                options.put(name, value);
            }
            return this;
        }

        /**
         * Adds a layer. Layers added here are outside those named by the {@value #LAYERS_OPTION} option; the
         * first one added is the outermost.
         */
        public Builder layer(Layer layer) {
            layers.add(Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /** Sets provider options. */
        public Builder options(Map<String, String> values) {
            if (values != null) {
                values.forEach(this::option);
            }
            return this;
        }

        /**
         * Opens the account.
         *
         * @throws StorageException INVALID_ARGUMENT for a missing or unclaimed address
         */
        public StorageAccount open() {
            if (address == null || address.isBlank()) {
                throw StorageException.invalidArgument("address", "is required (e.g. file:/some/dir, an Azure "
                        + "connection string, s3://bucket, gs://bucket)");
            }
            String explicit = provider != null ? provider : System.getProperty(PROVIDER_PROPERTY);
            StorageProvider p = ProviderRegistry.select(ProviderRegistry.installed(classLoader()), address, explicit);
            List<Layer> stack = new ArrayList<>(layers);
            Map<String, String> providerOptions = new LinkedHashMap<>(options);
            stack.addAll(Layers.named(providerOptions, classLoader()));
            AccountBackend backend = p.open(new ProviderConfig(address, providerOptions));
            return RuledAccount.over(Layers.stack(backend, stack));
        }
    }
}
