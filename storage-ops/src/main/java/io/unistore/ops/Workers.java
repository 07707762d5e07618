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
     * many in flight as threads). A failing item goes to {@code onFailure}; the others go on.
     */
    static <T> void forEach(Iterable<T> items, int threads, java.util.function.Consumer<T> each,
                            java.util.function.BiConsumer<T, RuntimeException> onFailure) {
        ExecutorService pool = pool("unistore-ops", threads);
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(threads * 2);
        try {
            for (T item : items) {
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
}
