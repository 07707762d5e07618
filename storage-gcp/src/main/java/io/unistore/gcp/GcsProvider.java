package io.unistore.gcp;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;

/**
 * Google Cloud Storage, found by {@link java.util.ServiceLoader}: claims {@code gs://} addresses.
 *
 * <p>{@code gs://PROJECT} with application-default credentials; options (in the address as a query, or
 * given to {@code Unistore.open}): {@code credentials} ({@code default}, {@code none}, or a service-account
 * key file), {@code endpoint} (a JSON API host such as an emulator's), {@code versioning=true} (created
 * buckets keep generations; the account declares versions), {@code location}, {@code chunkSize},
 * {@code singleShotLimit}, {@code maxAttempts}, {@code retryDelayMillis}, {@code maxRetryDelayMillis},
 * {@code timeoutMillis}. The module README describes them.
 */
public final class GcsProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "gcp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String addressHelp() {
        return "gs://PROJECT[?credentials=default|none|<key file>&endpoint=<url>&versioning=true]";
    }

    @Override
    public boolean accepts(String address) {
        return GcsSettings.accepts(address);
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        GcsSettings settings = GcsSettings.parse(config);
        return new GcsAccount(GcsClients.open(settings), settings);
    }

    @Override
    public String toString() {
        return "GcsProvider[gs://]";
    }
}
