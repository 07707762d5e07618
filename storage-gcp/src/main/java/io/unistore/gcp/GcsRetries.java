package io.unistore.gcp;

import com.google.api.gax.retrying.ResultRetryAlgorithm;
import com.google.api.gax.retrying.TimedAttemptSettings;
import com.google.cloud.BaseServiceException;
import com.google.cloud.storage.StorageRetryStrategy;
import java.util.function.Supplier;

/**
 * Which failed calls the SDK sends again. Google's default strategy leaves out calls it cannot prove idempotent
 * (an upload or a delete without a generation precondition), so one cut connection failed them for good. Every
 * write of this provider is safe to repeat: an upload or metadata patch writes the same thing again, a copy copies
 * the same source again, and a delete that finds the object gone after a try that may have deleted it counts as
 * done ({@link #tracked}). So every call gets the same retries, those of Google's uniform strategy.
 *
 * <p>The strategy also notes, per thread (the JSON client retries on the calling thread), whether a call was
 * retried after a try that may have been applied: no answer (a cut connection, a timeout) or a 500/502/504. A 429,
 * 503 or 408 means the service did not do the work.
 */
final class GcsRetries implements StorageRetryStrategy {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<boolean[]> AMBIGUOUS = new ThreadLocal<>();

    /** A call's result and whether a try of it may have been applied unheard. */
    record Tracked<T>(T value, boolean ambiguous) {
    }

    @Override
    public ResultRetryAlgorithm<?> getIdempotentHandler() {
        return noting(StorageRetryStrategy.getUniformStorageRetryStrategy().getIdempotentHandler());
    }

    @Override
    public ResultRetryAlgorithm<?> getNonidempotentHandler() {
        return getIdempotentHandler();
    }

    /** Runs a call, noting whether the SDK retried it after a try that may have been applied. */
    static <T> Tracked<T> tracked(Supplier<T> call) {
        boolean[] flag = new boolean[1];
        boolean[] outer = AMBIGUOUS.get();
        AMBIGUOUS.set(flag);
        try {
            T value = call.get();
            return new Tracked<>(value, flag[0]);
        } finally {
            AMBIGUOUS.set(outer);
        }
    }

    private static ResultRetryAlgorithm<Object> noting(ResultRetryAlgorithm<?> delegate) {
        @SuppressWarnings("unchecked")
        ResultRetryAlgorithm<Object> d = (ResultRetryAlgorithm<Object>) delegate;
        return new ResultRetryAlgorithm<>() {
            @Override
            public TimedAttemptSettings createNextAttempt(Throwable previous, Object response,
                                                          TimedAttemptSettings settings) {
                return d.createNextAttempt(previous, response, settings);
            }

            @Override
            public boolean shouldRetry(Throwable previous, Object response) {
                boolean retry = d.shouldRetry(previous, response);
                boolean[] flag = AMBIGUOUS.get();
                if (retry && flag != null && previous != null && mayHaveBeenApplied(previous)) {
                    flag[0] = true;
                }
                return retry;
            }
        };
    }

    private static boolean mayHaveBeenApplied(Throwable t) {
        if (t instanceof BaseServiceException e) {
            int code = e.getCode();
            return code != 429 && code != 503 && code != 408;
        }
        return true;
    }
}
