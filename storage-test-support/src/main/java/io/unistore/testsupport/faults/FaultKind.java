package io.unistore.testsupport.faults;

/** What a {@link FaultProxy} can do to one request instead of passing it through unharmed. */
public enum FaultKind {
    /** Answers 429 Too Many Requests with {@code Retry-After}; the back end never sees the request. */
    THROTTLE_429,
    /** Answers 503 Service Unavailable with {@code Retry-After}; the back end never sees the request. */
    UNAVAILABLE_503,
    /**
     * Reads part of the request body (none when it has none) and resets the connection: the back end never sees
     * the request, the client sees its upload fail.
     */
    RESET_REQUEST_BODY,
    /**
     * Passes the request to the back end, which applies it, then sends the status, the headers and half of the
     * answer's body and resets the connection (an answer without a body is lost whole). The client cannot tell
     * whether its write happened: the case that makes blind retries of non-idempotent writes unsafe.
     */
    RESET_RESPONSE_BODY,
    /** Waits a random time within the plan's latency range, then passes the request through unharmed. */
    LATENCY
}
