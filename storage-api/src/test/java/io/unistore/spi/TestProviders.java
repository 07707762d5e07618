package io.unistore.spi;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Providers registered in src/test/resources/META-INF/services for the discovery and guard tests. Their
 * blob store is a proxy whose behaviour each test sets through {@link #blobBehaviour}; it only records and
 * answers calls, which is all the pure dispatch code under test needs.
 */
public final class TestProviders {
    /** Method names the test blob store was called with, in order. */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();
    /** What the test blob store does when called: given the method name, return a value or throw. */
    public static volatile Function<String, Object> blobBehaviour = name -> null;

    private TestProviders() {
    }

    static StorageAccount account(String id, Capabilities caps) {
        BlobStore blobs = (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(),
                new Class<?>[] {BlobStore.class}, (proxy, method, args) -> {
                    CALLS.add(method.getName());
                    return blobBehaviour.apply(method.getName());
                });
        return new StorageAccount() {
            @Override
            public String providerId() {
                return id;
            }

            @Override
            public String displayName() {
                return id + ":test";
            }

            @Override
            public Capabilities capabilities() {
                return caps;
            }

            @Override
            public BlobStore blobs() {
                return blobs;
            }

            @Override
            public TableStore tables() {
                throw new AssertionError("not used");
            }

            @Override
            public QueueStore queues() {
                throw new AssertionError("not used");
            }

            @Override
            public FileStore files() {
                throw new AssertionError("not used");
            }

            @Override
            public void close() {
            }
        };
    }

    /** Claims "alpha:..." and "shared:...". Declares blobs only. */
    public static final class Alpha implements StorageProvider {
        @Override
        public String id() {
            return "alpha";
        }

        @Override
        public String addressHelp() {
            return "alpha:<anything>";
        }

        @Override
        public boolean accepts(String address) {
            return address.startsWith("alpha:") || address.startsWith("shared:");
        }

        @Override
        public StorageAccount open(ProviderConfig config) {
            return account("alpha", Capabilities.of(Capability.BLOBS));
        }
    }

    /** Claims "beta:..." and "shared:...". Declares blobs, tiers and snapshots. */
    public static final class Beta implements StorageProvider {
        @Override
        public String id() {
            return "beta";
        }

        @Override
        public String addressHelp() {
            return "beta:<anything>";
        }

        @Override
        public boolean accepts(String address) {
            return address.startsWith("beta:") || address.startsWith("shared:");
        }

        @Override
        public StorageAccount open(ProviderConfig config) {
            return account("beta", Capabilities.of(Capability.BLOBS, Capability.BLOB_TIERS,
                    Capability.BLOB_SNAPSHOTS));
        }
    }
}
