package io.unistore.internal;

import io.unistore.StorageException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Long polling for every provider: receive again until a message comes or the wait is over. A provider that
 * waits on the server (SQS) spends the wait in its first call, so this loop then ends at once.
 */
final class LongPolling {
    /** How often to ask again while waiting. */
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private LongPolling() {
    }

    static <T> List<T> receive(Duration wait, Supplier<List<T>> receive) {
        long end = System.nanoTime() + wait.toNanos();
        List<T> got = receive.get();
        while (got.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return got;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(io.unistore.ErrorCode.UNAVAILABLE, "receive was interrupted while "
                        + "waiting for messages", e);
            }
            got = receive.get();
        }
        return got;
    }
}
