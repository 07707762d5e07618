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
}
