package io.unistore.internal;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.PagedIterable;
import io.unistore.Requires;
import io.unistore.StorageException;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.file.CreateShareOptions;
import io.unistore.spi.Secrets;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where capabilities are checked: every store handed out by {@link io.unistore.Unistore} is
 * this proxy over the provider's store. Before the provider runs, it refuses operations marked
 * {@link Requires} and options (tiers, versions, snapshots, container metadata, share quotas) the account does
 * not declare, with UNSUPPORTED. After, it makes sure nothing but {@link StorageException} leaves the provider, also from
 * lazily fetched pages and returned streams, and that no message carries a secret.
 */
public final class CapabilityGuard implements InvocationHandler {
    private static final Map<Method, Optional<Capability>> REQUIRED = new ConcurrentHashMap<>();

    private final Class<?> type;
    private final Object target;
    private final Capabilities capabilities;
    private final String providerId;

    private CapabilityGuard(Class<?> type, Object target, Capabilities capabilities, String providerId) {
        this.type = type;
        this.target = target;
        this.capabilities = capabilities;
        this.providerId = providerId;
    }

    /** Wraps a provider's store (once: an already guarded store is returned as is). */
    public static <T> T wrap(Class<T> type, T target, Capabilities capabilities, String providerId) {
        if (Proxy.isProxyClass(target.getClass()) && Proxy.getInvocationHandler(target) instanceof CapabilityGuard) {
            return target;
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new CapabilityGuard(type, target, capabilities, providerId));
        return type.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> providerId + ":" + target.getClass().getSimpleName();
                default -> method.invoke(target, args);
            };
        }
        Optional<Capability> required = REQUIRED.computeIfAbsent(method, CapabilityGuard::requiredBy);
        if (required.isPresent()) {
            capabilities.require(required.get(), method.getName());
        }
        if (args != null) {
            checkOptions(method, args);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause());
        }
        if (result instanceof PagedIterable<?> paged) {
            return guardPages(paged);
        }
        if (result instanceof InputStream in) {
            return new GuardedInputStream(in);
        }
        if (result != null && method.getReturnType() == type) {
            // A variant of the store (QueueStore.withMessageEncoding) is guarded like the store itself.
            return result == target ? proxy : guardVariant(result);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private <T> T guardVariant(Object variant) {
        return wrap((Class<T>) type, (T) variant, capabilities, providerId);
    }

    private static Optional<Capability> requiredBy(Method method) {
        Requires r = method.getAnnotation(Requires.class);
        return r == null ? Optional.empty() : Optional.of(r.value());
    }

    private void checkOptions(Method method, Object[] args) {
        for (Object arg : args) {
            if (arg instanceof UploadOptions o && o.tier() != null) {
                capabilities.require(Capability.BLOB_TIERS, "upload with a tier");
                requireArchive(o.tier());
            } else if (arg instanceof CopyOptions o) {
                if (o.tier() != null) {
                    capabilities.require(Capability.BLOB_TIERS, "copy with a tier");
                    requireArchive(o.tier());
                }
                if (o.sourceVersionId() != null) {
                    capabilities.require(Capability.BLOB_VERSIONS, "copy of a version");
                }
                if (o.sourceSnapshot() != null) {
                    capabilities.require(Capability.BLOB_SNAPSHOTS, "copy of a snapshot");
                }
            } else if (arg instanceof ReadOptions o) {
                if (o.versionId() != null) {
                    capabilities.require(Capability.BLOB_VERSIONS, "read of a version");
                }
                if (o.snapshot() != null) {
                    capabilities.require(Capability.BLOB_SNAPSHOTS, "read of a snapshot");
                }
            } else if (arg instanceof DeleteBlobOptions o) {
                if (o.versionId() != null) {
                    capabilities.require(Capability.BLOB_VERSIONS, "delete of a version");
                }
                if (o.snapshot() != null) {
                    capabilities.require(Capability.BLOB_SNAPSHOTS, "delete of a snapshot");
                }
            } else if (arg instanceof io.unistore.blob.AccessTier tier) {
                requireArchive(tier);
            } else if (arg instanceof CreateShareOptions o && o.quotaGb() > 0) {
                capabilities.require(Capability.FILE_SHARE_QUOTA, "createShare with a quota");
            }
        }
        if (method.getName().equals("createContainer") && args.length == 2 && args[1] instanceof Map<?, ?> m
                && !m.isEmpty()) {
            capabilities.require(Capability.CONTAINER_METADATA, "createContainer with metadata");
        }
    }

    private void requireArchive(io.unistore.blob.AccessTier tier) {
        if (tier == io.unistore.blob.AccessTier.ARCHIVE) {
            capabilities.require(Capability.BLOB_ARCHIVE, "the Archive tier");
        }
    }

    private <T> PagedIterable<T> guardPages(PagedIterable<T> paged) {
        return paged.aroundFetch(fetch -> {
            try {
                return fetch.get();
            } catch (RuntimeException e) {
                throw translate(e);
            }
        });
    }

    /** Anything but a StorageException thrown by a provider becomes one, without secrets in its message. */
    private RuntimeException translate(Throwable t) {
        if (t instanceof StorageException se) {
            return se;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t instanceof IllegalArgumentException) {
            return new StorageException(ErrorCode.INVALID_ARGUMENT, Secrets.redact(t.getMessage()), t);
        }
        if (t instanceof java.io.UncheckedIOException) {
            return new StorageException(ErrorCode.UNAVAILABLE, providerId + " I/O failure: "
                    + Secrets.redact(t.getMessage()), t);
        }
        return new StorageException(ErrorCode.INTERNAL, providerId + " failed unexpectedly: "
                + t.getClass().getSimpleName() + ": " + Secrets.redact(t.getMessage()), t);
    }

    /** Keeps runtime exceptions of a provider's stream inside the IOException contract of InputStream. */
    private final class GuardedInputStream extends FilterInputStream {
        GuardedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } catch (RuntimeException e) {
                throw new IOException(translate(e));
            }
        }
    }
}
