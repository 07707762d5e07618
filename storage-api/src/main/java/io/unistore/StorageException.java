package io.unistore;

import java.util.Objects;

/**
 * The one exception type of Unistore. It carries a provider-neutral {@link ErrorCode} and, when the
 * failure came from a service, the service's own HTTP status, error code and request id for diagnosis.
 * SDK exceptions never escape a provider; they are kept only as the {@linkplain #getCause() cause}.
 *
 * <p>Messages never contain secrets (account keys, SAS tokens, connection strings, bearer tokens), and neither
 * does the cause chain: a cause whose messages hold one is replaced by a {@link io.unistore.spi.RedactedException}
 * copy (same class name, masked messages, same stack trace).
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int providerStatus;
    private final String providerCode;
    private final String requestId;
    private final boolean retryable;

    /** A failure that did not come from a service response (bad argument, unsupported call, ...). */
    public StorageException(ErrorCode code, String message) {
        this(code, message, null, 0, null, null);
    }

    /** A failure with an underlying cause but no service response. */
    public StorageException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, 0, null, null);
    }

    /**
     * A failure answered by a service.
     *
     * @param providerStatus the HTTP status the service answered, or 0
     * @param providerCode the service's own error code (e.g. {@code BlobNotFound}, {@code NoSuchKey}), or null
     * @param requestId the service's request id, or null
     */
    public StorageException(ErrorCode code, String message, Throwable cause, int providerStatus,
                            String providerCode, String requestId) {
        this(code, message, cause, providerStatus, providerCode, requestId, code.isRetryable());
    }

    /** As above, with an explicit retry verdict (e.g. a 500 the provider knows to be transient). */
    public StorageException(ErrorCode code, String message, Throwable cause, int providerStatus,
                            String providerCode, String requestId, boolean retryable) {
        super(message, io.unistore.spi.Secrets.redactThrowable(cause));
        this.code = Objects.requireNonNull(code, "code");
        this.providerStatus = providerStatus;
        this.providerCode = providerCode;
        this.requestId = requestId;
        this.retryable = retryable;
    }

    /** The neutral code; never null. */
    public ErrorCode code() {
        return code;
    }

    /** Whether repeating the same call later may succeed. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The HTTP status the service answered, or 0 when the failure did not come from a service. */
    public int providerStatus() {
        return providerStatus;
    }

    /** The service's own error code, or null. */
    public String providerCode() {
        return providerCode;
    }

    /** The service's request id, or null; quote it when asking the cloud vendor for help. */
    public String requestId() {
        return requestId;
    }

    /** Shorthand for an {@link ErrorCode#INVALID_ARGUMENT} failure naming the argument and the rule. */
    public static StorageException invalidArgument(String argument, String rule) {
        return new StorageException(ErrorCode.INVALID_ARGUMENT, argument + ": " + rule);
    }

    /** Shorthand for a {@link ErrorCode#NOT_FOUND} failure. */
    public static StorageException notFound(String what) {
        return new StorageException(ErrorCode.NOT_FOUND, what + " does not exist");
    }

    /** Shorthand for an {@link ErrorCode#ALREADY_EXISTS} failure. */
    public static StorageException alreadyExists(String what) {
        return new StorageException(ErrorCode.ALREADY_EXISTS, what + " already exists");
    }

    /** Shorthand for an {@link ErrorCode#UNSUPPORTED} failure. */
    public static StorageException unsupported(String what) {
        return new StorageException(ErrorCode.UNSUPPORTED, what);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getName()).append(": [").append(code).append("] ")
                .append(getMessage());
        if (providerStatus != 0 || providerCode != null) {
            sb.append(" (provider status ").append(providerStatus);
            if (providerCode != null) {
                sb.append(", code ").append(providerCode);
            }
            if (requestId != null) {
                sb.append(", request id ").append(requestId);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
