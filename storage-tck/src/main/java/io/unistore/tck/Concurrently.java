package io.unistore.tck;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one task in several threads at once and fails with the first failure of any of them. */
final class Concurrently {
    private Concurrently() {
    }

    /**
     * Has each of {@code threads} threads do {@code perThread} optimistic read-modify-writes: {@code attempt}
     * reads, then writes on the condition that nothing changed since; when another writer got there first
     * (PRECONDITION_FAILED) the attempt is repeated.
     *
     * @return how many attempts succeeded
     */
    static int optimisticWrites(int threads, int perThread, Runnable attempt) throws Exception {
        AtomicInteger successes = new AtomicInteger();
        run(threads, Duration.ofMinutes(5), () -> {
            for (int n = 0; n < perThread; ) {
                try {
                    attempt.run();
                    successes.incrementAndGet();
                    n++;
                } catch (StorageException e) {
                    if (e.code() != ErrorCode.PRECONDITION_FAILED) {
                        throw e;
                    }
                }
            }
            return null;
        });
        return successes.get();
    }

    static void run(int threads, Duration timeout, Callable<?> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                try {
                    f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
