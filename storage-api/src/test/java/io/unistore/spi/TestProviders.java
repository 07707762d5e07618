package io.unistore.spi;

import io.unistore.Capabilities;
import io.unistore.Capability;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Providers registered in src/test/resources/META-INF/services for the discovery and guard tests. Their stores
 * are proxies whose behaviour each test sets through {@link #behaviour}; they only record and answer calls,
 * which is all the pure dispatch code under test needs.
 */
public final class TestProviders {
    /** Method names the test stores were called with, in order. */
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();
    /** The arguments of each call, in the order of {@link #CALLS}. */
    public static final List<Object[]> ARGUMENTS = new CopyOnWriteArrayList<>();
    /** What a test store does when called: given the method name, return a value or throw. */
    public static volatile Function<String, Object> behaviour = name -> null;

    private TestProviders() {
    }

    private static <T> T recording(Class<T> store) {
        return store.cast(Proxy.newProxyInstance(store.getClassLoader(), new Class<?>[] {store},
                (proxy, method, args) -> {
                    CALLS.add(method.getName());
                    ARGUMENTS.add(args == null ? new Object[0] : args.clone());
                    Object answer = behaviour.apply(method.getName());
                    return answer == null && method.getReturnType() == boolean.class ? Boolean.FALSE : answer;
                }));
    }

    static AccountBackend account(String id, Capabilities caps) {
        BlobBackend blobs = recording(BlobBackend.class);
        TableBackend tables = recording(TableBackend.class);
        QueueBackend queues = recording(QueueBackend.class);
        FileBackend files = recording(FileBackend.class);
        return new AccountBackend() {
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
            public BlobBackend blobs() {
                return blobs;
            }

            @Override
            public TableBackend tables() {
                return tables;
            }

            @Override
            public QueueBackend queues() {
                return queues;
            }

            @Override
            public FileBackend files() {
                return files;
            }

            @Override
            public void close() {
            }
        };
    }

    /** A provider with an id, the help "id:<anything>" and an account with the given capabilities. */
    private abstract static class Named implements StorageProvider {
        private final String id;
        private final Capabilities capabilities;

        Named(String id, Capabilities capabilities) {
            this.id = id;
            this.capabilities = capabilities;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String addressHelp() {
            return id + ":<anything>";
        }

        @Override
        public AccountBackend open(ProviderConfig config) {
            return account(id, capabilities);
        }
    }

    /** Claims "alpha:..." and "shared:...". Declares blobs and files, no optional capability. */
    public static final class Alpha extends Named {
        public Alpha() {
            super("alpha", Capabilities.of(Capability.BLOBS, Capability.FILES));
        }

        @Override
        public boolean accepts(String address) {
            return address.startsWith("alpha:") || address.startsWith("shared:");
        }
    }

    /**
     * Claims "beta:..." and "shared:...". Declares blobs with tiers and snapshots, tables, queues that can hide a
     * message again (no peek, no body update), files with quotas.
     */
    public static final class Beta extends Named {
        public Beta() {
            super("beta", Capabilities.of(Capability.BLOBS, Capability.BLOB_TIERS, Capability.BLOB_SNAPSHOTS,
                    Capability.TABLES, Capability.QUEUES, Capability.QUEUE_VISIBILITY_UPDATE, Capability.FILES,
                    Capability.FILE_SHARE_QUOTA));
        }

        @Override
        public boolean accepts(String address) {
            return address.startsWith("beta:") || address.startsWith("shared:");
        }
    }

    /** Throws from {@link #accepts} for addresses ending in "fussy": discovery must log it and go on. */
    public static final class Fussy extends Named {
        public Fussy() {
            super("fussy", Capabilities.of(Capability.BLOBS));
        }

        @Override
        public boolean accepts(String address) {
            if (address.endsWith("fussy")) {
                throw new IllegalStateException("cannot judge " + address);
            }
            return address.startsWith("fussy:");
        }
    }
}
