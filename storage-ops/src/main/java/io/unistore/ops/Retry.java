package io.unistore.ops;

import io.unistore.StorageException;
import java.util.function.Supplier;

/** Repeats a call that failed with a retryable {@link StorageException}, with exponential back-off. */
final class Retry {
    private Retry() {
    }

    /**
     * Runs {@code call}, retrying up to {@code retries} times on retryable failures.
     *
     * @throws StorageException the last failure
     * @throws InterruptedException if interrupted while backing off
     */
    static <T> T call(int retries, Supplier<T> call) throws InterruptedException {
        long delay = 100;
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (StorageException e) {
                if (!e.isRetryable() || attempt >= retries || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
            Thread.sleep(delay);
            delay = Math.min(delay * 2, 5_000);
        }
    }
}
