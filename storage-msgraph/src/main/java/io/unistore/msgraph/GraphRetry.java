package io.unistore.msgraph;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries of idempotent drive calls after what the SDK's own middleware does not retry: a connection reset or a
 * cut answer (OkHttp gives up on those once a request body was sent), and 429/503/504 still answered after the
 * SDK's three tries. A wait follows the server's {@code Retry-After} when one came, else doubles from 200 ms to at
 * most 5 s. Only calls that may safely be repeated go through here: reads, replacing uploads, new upload
 * sessions; creations with conflict behaviour fail and deletes by eTag are not (a lost answer would turn their
 * success into ALREADY_EXISTS or NOT_FOUND).
 */
final class GraphRetry {
    private static final long FIRST_DELAY_MS = 200;
    private static final long MAX_DELAY_MS = 5_000;
    private final int maxRetries;

    GraphRetry(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    int maxRetries() {
        return maxRetries;
    }

    /** Runs a call, translating what the SDK throws, and retries it while the failure is transient. */
    <T> T call(String what, Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return GraphErrors.call(what, call);
            } catch (StorageException e) {
                if (attempt >= maxRetries || !isTransient(e)) {
                    throw e;
                }
                pause(delay(attempt, null));
            }
        }
    }

    /** A failure worth another try: no answer, a throttle, or a server-side 5xx other than 501. */
    static boolean isTransient(StorageException e) {
        int status = e.providerStatus();
        return e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.THROTTLED || status == 429
                || (status >= 500 && status != 501);
    }

    /** The wait before retry {@code attempt + 1}: the server's {@code Retry-After} (seconds) when it sent one. */
    static Duration delay(int attempt, String retryAfter) {
        if (retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                if (seconds >= 0) {
                    return Duration.ofSeconds(Math.min(seconds, 120));
                }
            } catch (NumberFormatException e) {
                // An HTTP date: fall back to our own backoff.
            }
        }
        return Duration.ofMillis(Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(attempt, 10)));
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.UNAVAILABLE, "interrupted while waiting to retry");
        }
    }
}
