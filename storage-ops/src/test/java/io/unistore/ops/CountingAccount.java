package io.unistore.ops;

import io.unistore.Capabilities;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.TableBackend;
import io.unistore.table.TableStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real account seen through a layer whose blob, table and file backends count the calls that write, and can
 * slow them down, so tests can prove how much an operation wrote. Everything is passed on to the real backend;
 * the API's rules run above the layer as for any account ({@link Unistore#layered}).
 */
final class CountingAccount implements StorageAccount {
    /** The store methods that write content or entities. */
    static final Set<String> WRITES = Set.of("upload", "copy", "copyFromUrl", "setMetadata", "insertEntity",
            "upsertEntity", "updateEntity", "deleteEntity", "submitTransaction", "bulkWrite", "delete",
            "deleteBlobs", "restoreVersion", "setTier");

    private final StorageAccount real;
    private final StorageAccount view;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong writtenEntities = new AtomicLong();
    private volatile long delayMillis;
    private final java.util.concurrent.atomic.AtomicInteger writing = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostWriting = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Runnable afterWrite = () -> { };
    private volatile String losingMethod;
    private volatile long losingCall;
    private Runnable beforeClose = () -> { };

    /** The account an API layer can be stacked on ({@link Unistore#layered} takes only accounts it opened). */
    static StorageAccount layerable(StorageAccount account) {
        return account instanceof CountingAccount counted ? counted.view : account;
    }

    CountingAccount(StorageAccount real) {
        this.real = real;
        // Counting an account that already counts (a test's helper wrapped it) stacks a second layer on its view.
        StorageAccount base = real instanceof CountingAccount counted ? counted.view : real;
        this.view = Unistore.layered(base, inner -> new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                return counting(BlobBackend.class, super.blobs());
            }

            @Override
            public TableBackend tables() {
                return counting(TableBackend.class, super.tables());
            }

            @Override
            public FileBackend files() {
                return counting(FileBackend.class, super.files());
            }
        });
    }

    /** Slows every write by this much (to catch an operation mid-way). */
    CountingAccount delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Runs {@code action} after each write call the real store has done (e.g. to report progress). */
    CountingAccount afterWrite(Runnable action) {
        this.afterWrite = action;
        return this;
    }

    /**
     * Makes the {@code nth} call of {@code method} fail with a retryable UNAVAILABLE after the real store has
     * done it, as when a service's answer is lost on the way back.
     */
    CountingAccount loseAnswer(String method, long nth) {
        this.losingMethod = method;
        this.losingCall = nth;
        return this;
    }

    /** Runs {@code action} (e.g. a clean-up of a shared emulator) before closing the real account. */
    CountingAccount beforeClose(Runnable action) {
        this.beforeClose = action;
        return this;
    }

    /** Calls of one method so far. */
    long calls(String method) {
        AtomicLong n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Calls of any writing method. */
    long writes() {
        return calls.entrySet().stream().filter(e -> WRITES.contains(e.getKey()))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** The most writing calls that were in progress at once. */
    int mostConcurrentWrites() {
        return mostWriting.get();
    }

    /** Entities written by single calls or inside transactions. */
    long writtenEntities() {
        return writtenEntities.get();
    }

    private <T> T counting(Class<T> type, T store) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(store, args);
            }
            String name = method.getName();
            boolean write = WRITES.contains(name);
            if (write) {
                mostWriting.accumulateAndGet(writing.incrementAndGet(), Math::max);
            }
            try {
                return call(store, method, args, name, write);
            } finally {
                if (write) {
                    writing.decrementAndGet();
                }
            }
        }));
    }

    private Object call(Object store, java.lang.reflect.Method method, Object[] args, String name, boolean write)
            throws Throwable {
        {
            if (write && delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new io.unistore.StorageException(io.unistore.ErrorCode.UNAVAILABLE, name + " interrupted", e);
                }
            }
            try {
                Object result = method.invoke(store, args);
                long n = calls.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                if (write) {
                    afterWrite.run();
                    if (name.equals("submitTransaction")) {
                        writtenEntities.addAndGet(((java.util.List<?>) args[1]).size());
                    } else if (name.endsWith("Entity")) {
                        writtenEntities.incrementAndGet();
                    }
                }
                if (name.equals(losingMethod) && n == losingCall) {
                    throw new io.unistore.StorageException(io.unistore.ErrorCode.UNAVAILABLE, name
                            + " was done, but its answer was lost (test)");
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public String providerId() {
        return view.providerId();
    }

    @Override
    public String displayName() {
        return view.displayName();
    }

    @Override
    public Capabilities capabilities() {
        return view.capabilities();
    }

    @Override
    public BlobStore blobs() {
        return view.blobs();
    }

    @Override
    public TableStore tables() {
        return view.tables();
    }

    @Override
    public QueueStore queues() {
        return view.queues();
    }

    @Override
    public FileStore files() {
        return view.files();
    }

    @Override
    public void close() {
        try {
            beforeClose.run();
        } finally {
            real.close();
        }
    }
}
