package io.unistore;

/**
 * Provider-neutral error codes. Every failure of a Unistore call carries exactly one of them, so callers
 * can react to "not found" or "throttled" the same way on every cloud.
 */
public enum ErrorCode {
    /** The container, blob, table, entity, queue, message, share, directory or file does not exist. */
    NOT_FOUND(false),
    /** The item to create exists already. */
    ALREADY_EXISTS(false),
    /** A condition (ETag, If-None-Match, pop receipt) did not hold: someone else changed the item. */
    PRECONDITION_FAILED(false),
    /** The item is in a state that forbids the call (archived blob, lease held, non-empty directory). */
    CONFLICT(false),
    /** An argument breaks a rule; the message names the argument and the rule. */
    INVALID_ARGUMENT(false),
    /** No usable credentials, or they were rejected. */
    UNAUTHENTICATED(false),
    /** The credentials are valid but not allowed to do this. */
    PERMISSION_DENIED(false),
    /** The service asked to slow down; retry later with backoff. */
    THROTTLED(true),
    /** The service could not be reached or failed transiently; retry later. */
    UNAVAILABLE(true),
    /** The provider or this account does not support the operation (see {@link Capabilities}). */
    UNSUPPORTED(false),
    /** An unexpected failure; the cause is kept for diagnosis. */
    INTERNAL(false);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether a call failing with this code may succeed if repeated later, unchanged. */
    public boolean isRetryable() {
        return retryable;
    }
}
