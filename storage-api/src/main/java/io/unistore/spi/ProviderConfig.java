package io.unistore.spi;

import io.unistore.StorageException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a provider is asked to open: the address the user gave plus named options. {@link #toString()} never
 * shows the address or option values, which may hold secrets.
 *
 * @param address a URI, connection string or path
 * @param options provider options, e.g. {@code region}, {@code endpoint}, {@code accountKey}
 */
public record ProviderConfig(String address, Map<String, String> options) {

    public ProviderConfig {
        Objects.requireNonNull(address, "address");
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** The option, or null. */
    public String option(String name) {
        return options.get(name);
    }

    /** The option, or a default. */
    public String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    /** An integer option, or the default; INVALID_ARGUMENT when it is not an integer. */
    public int intOption(String name, int defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw StorageException.invalidArgument(name, "must be an integer, was '" + v + "'");
        }
    }

    /** A boolean option ("true"/"false"), or the default. */
    public boolean booleanOption(String name, boolean defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw StorageException.invalidArgument(name, "must be true or false, was '" + v + "'");
    }

    @Override
    public String toString() {
        return "ProviderConfig{address=" + Secrets.redact(address) + ", options=" + new TreeMap<>(options).keySet()
                + "}";
    }
}
