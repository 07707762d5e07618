package io.unistore.ops;

import io.unistore.Capabilities;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real account whose blob, table and file stores count the calls that write, and can slow them down, so
 * tests can prove how much an operation wrote. Everything is passed on to the real store.
 */
final class CountingAccount implements StorageAccount {
    /** The store methods that write content or entities. */
    static final Set<String> WRITES = Set.of("upload", "copy", "copyFromUrl", "setMetadata", "insertEntity",
            "upsertEntity", "updateEntity", "deleteEntity", "submitTransaction", "bulkWrite", "delete",
            "deleteBlobs", "restoreVersion", "setTier");

    private final StorageAccount real;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong writtenEntities = new AtomicLong();
    private volatile long delayMillis;
    private volatile Runnable afterWrite = () -> { };
    private volatile String losingMethod;
    private volatile long losingCall;
    private Runnable beforeClose = () -> { };

    CountingAccount(StorageAccount real) {
        this.real = real;
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
        }));
    }

    @Override
    public String providerId() {
        return real.providerId();
    }

    @Override
    public String displayName() {
        return real.displayName();
    }

    @Override
    public Capabilities capabilities() {
        return real.capabilities();
    }

    @Override
    public BlobStore blobs() {
        return counting(BlobStore.class, real.blobs());
    }

    @Override
    public TableStore tables() {
        return counting(TableStore.class, real.tables());
    }

    @Override
    public QueueStore queues() {
        return real.queues();
    }

    @Override
    public FileStore files() {
        return counting(FileStore.class, real.files());
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
