package io.unistore.local;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;

/**
 * The embedded provider: all four stores on a local directory, with no set-up. Addresses: {@code file:/dir},
 * {@code file:///dir}, or a plain directory path, with the options {@code versioning} (default true),
 * {@code durability} ({@code process}, the default, or {@code sync}) and {@code queueMessageEncoding}
 * ({@code none}, the default, or {@code base64}) in the query string or as provider options:
 * {@code Unistore.open("file:/var/data/unistore?versioning=false")}.
 */
public final class LocalProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "local";

    /** Used by {@link java.util.ServiceLoader}. */
    public LocalProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String addressHelp() {
        return "file:<dir> or a directory path, options versioning=true|false, durability=process|sync and "
                + "queueMessageEncoding=none|base64";
    }

    @Override
    public boolean accepts(String address) {
        return LocalAddress.accepts(address);
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        return new LocalAccount(LocalAddress.parse(config));
    }
}
