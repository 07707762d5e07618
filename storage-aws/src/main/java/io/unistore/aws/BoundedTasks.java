package io.unistore.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The parts of one transfer (upload parts, copy parts, download ranges) run on the account's transfer threads,
 * at most {@code limit} at once: {@link #submit} blocks while that many run, which is what bounds memory. After
 * a failure no further part starts; {@link #abandon} waits for those still running, so an abort never races a
 * part. Tasks are never cancelled: every one that was submitted runs to its end (or skips itself) and frees its
 * slot.
 */
final class BoundedTasks<T> {
    private final ExecutorService pool;
    private final int limit;
    private final Semaphore slots;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Future<T>> futures = new ArrayList<>();

    BoundedTasks(ExecutorService pool, int limit) {
        this.pool = pool;
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /**
     * Starts a task once a slot is free.
     *
     * @throws ExecutionException when an earlier task failed (its cause)
     */
    void submit(Callable<T> task) throws InterruptedException, ExecutionException {
        slots.acquire();
        try {
            failFast();
        } catch (ExecutionException e) {
            slots.release();
            throw e;
        }
        futures.add(pool.submit(() -> {
            try {
                if (stopped.get()) {
                    return null;
                }
                return task.call();
            } catch (Throwable t) {
                stopped.set(true);
                throw t;
            } finally {
                slots.release();
            }
        }));
    }

    /** The results in submission order, once all are done; the first failure's cause otherwise. */
    List<T> awaitAll() throws InterruptedException, ExecutionException {
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    /** Starts nothing more and waits until no task runs. */
    void abandon() {
        stopped.set(true);
        slots.acquireUninterruptibly(limit);
        slots.release(limit);
    }

    private void failFast() throws ExecutionException, InterruptedException {
        for (Future<T> f : futures) {
            if (f.isDone()) {
                f.get();
            }
        }
    }
}
