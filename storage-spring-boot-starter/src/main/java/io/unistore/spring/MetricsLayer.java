package io.unistore.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.unistore.StorageException;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.QueueBackend;
import io.unistore.spi.TableBackend;
import java.io.InputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records Micrometer meters for every call an account's stores make to the provider:
 * <ul>
 *   <li>{@code unistore.calls} (timer): tags {@code account}, {@code store}, {@code operation} and {@code outcome}
 *       ({@code success} or the {@link io.unistore.ErrorCode} name);</li>
 *   <li>{@code unistore.errors} (counter): tags {@code account}, {@code store}, {@code operation}, {@code code};</li>
 *   <li>{@code unistore.bytes} (counter, base unit bytes): tags {@code account}, {@code store}, {@code operation}
 *       and {@code direction} ({@code read} or {@code written}), content streamed through the call or files
 *       uploaded and downloaded.</li>
 * </ul>
 * Below the API's rules, so refused arguments are not counted as calls. Lazy pages are timed when the call returns
 * the first page's handle.
 */
public final class MetricsLayer implements Layer {

    private final MeterRegistry registry;
    private final String account;

    /**
     * @param registry where the meters go
     * @param account the account's name, the {@code account} tag
     */
    public MetricsLayer(MeterRegistry registry, String account) {
        this.registry = registry;
        this.account = account;
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        // A proxy per store instead of a Forwarding* subclass: every SPI method, optional ones included, is metered
        // the same way without listing ~100 methods, and a method added to the SPI is metered on day one.
        BlobBackend blobs = inner.capabilities().has(io.unistore.Capability.BLOBS)
                ? metered(BlobBackend.class, inner.blobs(), "blob") : null;
        TableBackend tables = inner.capabilities().has(io.unistore.Capability.TABLES)
                ? metered(TableBackend.class, inner.tables(), "table") : null;
        QueueBackend queues = inner.capabilities().has(io.unistore.Capability.QUEUES)
                ? metered(QueueBackend.class, inner.queues(), "queue") : null;
        FileBackend files = inner.capabilities().has(io.unistore.Capability.FILES)
                ? metered(FileBackend.class, inner.files(), "file") : null;
        return new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                return blobs != null ? blobs : super.blobs();
            }

            @Override
            public TableBackend tables() {
                return tables != null ? tables : super.tables();
            }

            @Override
            public QueueBackend queues() {
                return queues != null ? queues : super.queues();
            }

            @Override
            public FileBackend files() {
                return files != null ? files : super.files();
            }
        };
    }

    private <T> T metered(Class<T> type, T delegate, String store) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> call(delegate, store, method, args));
        return type.cast(proxy);
    }

    private Object call(Object delegate, String store, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(delegate, args);
        }
        String operation = method.getName();
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof InputStream in) {
                    args[i] = new CountingInputStream(in, n -> bytes(store, operation, "written").increment(n));
                } else if (args[i] instanceof Path file && operation.startsWith("upload")) {
                    bytes(store, operation, "written").increment(size(file));
                }
            }
        }
        long start = System.nanoTime();
        String outcome = "success";
        try {
            Object result = method.invoke(delegate, args);
            if (result instanceof InputStream in) {
                return new CountingInputStream(in, n -> bytes(store, operation, "read").increment(n));
            }
            if (operation.startsWith("download") && args != null) {
                for (Object arg : args) {
                    if (arg instanceof Path file) {
                        bytes(store, operation, "read").increment(size(file));
                    }
                }
            }
            return result;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            outcome = cause instanceof StorageException se ? se.code().name() : "INTERNAL";
            Counter.builder("unistore.errors").description("Failed calls to a storage provider, by error code")
                    .tags("account", account, "store", store, "operation", operation, "code", outcome)
                    .register(registry).increment();
            throw cause;
        } finally {
            Timer.builder("unistore.calls").description("Calls to a storage provider")
                    .tags("account", account, "store", store, "operation", operation, "outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Counter bytes(String store, String operation, String direction) {
        return Counter.builder("unistore.bytes").baseUnit("bytes").description("Content moved by storage calls")
                .tags("account", account, "store", store, "operation", operation, "direction", direction)
                .register(registry);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the call's own outcome matters, not a meter's
        }
    }
}
