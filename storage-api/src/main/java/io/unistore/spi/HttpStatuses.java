package io.unistore.spi;

import io.unistore.ErrorCode;

/**
 * The one fallback from an HTTP status to an {@link ErrorCode}, for answers whose service error code a
 * provider does not know. Providers map their services' own codes first ({@code BlobNotFound},
 * {@code SlowDown}, a GCS reason) and fall back to this table, so the same status means the same thing on
 * every cloud.
 */
public final class HttpStatuses {
    private HttpStatuses() {
    }

    /**
     * The neutral code for a status. 0 (no answer: connection reset, timeout) and 5xx are UNAVAILABLE, which
     * is retryable; 429 is THROTTLED.
     */
    public static ErrorCode errorCode(int status) {
        return switch (status) {
            case 304, 412 -> ErrorCode.PRECONDITION_FAILED;
            case 400, 411, 413, 414, 416, 431 -> ErrorCode.INVALID_ARGUMENT;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.PERMISSION_DENIED;
            case 404, 410 -> ErrorCode.NOT_FOUND;
            case 405, 501, 505 -> ErrorCode.UNSUPPORTED;
            case 409 -> ErrorCode.CONFLICT;
            case 429 -> ErrorCode.THROTTLED;
            case 0, 408 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.INTERNAL;
        };
    }
}
