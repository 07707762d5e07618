package io.unistore.ops;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The worker pools of the operations: daemon threads, named, and stopped without losing an interrupt. */
final class Workers {
    private Workers() {
    }

    static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Shuts the pool down and waits for its tasks to end.
     *
     * @throws InterruptedException when the calling thread is interrupted meanwhile (the tasks go on)
     */
    static void finish(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Waits for a shut-down pool to finish, keeping (not acting on) an interrupt that arrives meanwhile. */
    static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failure's message for a result, never null. */
    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * Runs {@code each} over the items with {@code threads} at once, reading the items lazily (at most twice as
     * many in flight as threads). A failing item goes to {@code onFailure}; no new item starts once
     * {@code stop} says so.
     */
    static <T> void forEach(Iterable<T> items, int threads, java.util.function.Consumer<T> each,
                            java.util.function.BiConsumer<T, RuntimeException> onFailure,
                            java.util.function.BooleanSupplier stop) {
        ExecutorService pool = pool("unistore-ops", threads);
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(threads * 2);
        try {
            for (T item : items) {
                if (stop.getAsBoolean()) {
                    break;
                }
                slots.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        each.accept(item);
                    } catch (RuntimeException e) {
                        onFailure.accept(item, e);
                    } finally {
                        slots.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
    }

    /** As {@link #forEach(Iterable, int, java.util.function.Consumer, java.util.function.BiConsumer,
     * java.util.function.BooleanSupplier)}, stopping at the first failure, which it then throws. */
    static <T> void forEachOrFail(Iterable<T> items, int threads, java.util.function.Consumer<T> each) {
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        forEach(items, threads, each, (item, e) -> failure.compareAndSet(null, e), () -> failure.get() != null);
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
