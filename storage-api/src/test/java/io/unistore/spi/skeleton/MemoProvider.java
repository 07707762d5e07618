package io.unistore.spi.skeleton;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;

/**
 * The skeleton of the storage-api README's "Writing a provider": a provider that serves blobs from memory.
 * It compiles against the SPI alone, and {@code ProviderSkeletonTest} runs it through the API. A real
 * provider maps each call to its SDK instead of a map.
 */
public final class MemoProvider implements StorageProvider {

    @Override
    public String id() {
        return "memo";
    }

    @Override
    public String addressHelp() {
        return "memo:<name>";
    }

    @Override
    public boolean accepts(String address) {
        return address.startsWith("memo:");
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        MemoBlobs blobs = new MemoBlobs();
        Capabilities capabilities = Capabilities.of(Capability.BLOBS, Capability.CONTAINER_METADATA);
        return new AccountBackend() {
            @Override
            public String providerId() {
                return "memo";
            }

            @Override
            public String displayName() {
                return config.address();
            }

            @Override
            public Capabilities capabilities() {
                return capabilities;
            }

            @Override
            public BlobBackend blobs() {
                return blobs;
            }

            @Override
            public void close() {
            }
        };
    }
}
