package io.unistore.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import com.azure.data.tables.models.TableServiceException;
import com.azure.identity.CredentialUnavailableException;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Turns whatever the Azure SDKs throw into a {@link StorageException}: the neutral code from
 * {@link AzureErrorCodes}, the HTTP status, Azure's error code and request id, and a message without secrets.
 */
final class AzureErrors {
    private AzureErrors() {
    }

    /** The Azure error code of a service answer, or null. */
    static String errorCode(Throwable t) {
        if (t instanceof HttpResponseException e) {
            HttpResponse r = e.getResponse();
            String header = r == null ? null : r.getHeaderValue("x-ms-error-code");
            if (header != null) {
                return header;
            }
            if (e instanceof TableServiceException te && te.getValue() != null
                    && te.getValue().getErrorCode() != null) {
                return te.getValue().getErrorCode().toString();
            }
        }
        return null;
    }

    /** The HTTP status of a service answer, or 0. */
    static int status(Throwable t) {
        if (t instanceof HttpResponseException e && e.getResponse() != null) {
            return e.getResponse().getStatusCode();
        }
        return 0;
    }

    /** Whether the failure is the service saying the item does not exist. */
    static boolean isNotFound(Throwable t) {
        return t instanceof HttpResponseException && (status(t) == 404);
    }

    /**
     * Runs one SDK call, translating its failure ({@link #translate}): the one place Azure calls are turned into
     * {@link StorageException}s.
     *
     * @param operation what was attempted, for the message
     */
    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    /** {@link #call} for a call without a result. */
    static void run(String operation, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    /**
     * The StorageException for a failed call.
     *
     * @param operation what was attempted, e.g. {@code "upload of photos/cat.jpg"}, for the message
     */
    static StorageException translate(String operation, Throwable t) {
        if (t instanceof StorageException se) {
            return se;
        }
        Throwable cause = unwrap(t);
        if (cause instanceof HttpResponseException e) {
            int status = status(e);
            String code = errorCode(e);
            AzureErrorCodes.Verdict verdict = AzureErrorCodes.classify(status, code);
            String requestId = e.getResponse() == null ? null : e.getResponse().getHeaderValue("x-ms-request-id");
            String message = operation + " failed: " + (code != null ? code : "HTTP " + status) + " (HTTP " + status
                    + ")" + serviceMessage(e);
            return new StorageException(verdict.code(), Secrets.redact(message), e, status, code, requestId,
                    verdict.retryable());
        }
        if (cause instanceof ClientAuthenticationException || cause instanceof CredentialUnavailableException) {
            return new StorageException(ErrorCode.UNAUTHENTICATED, operation + " failed: no usable Azure credentials ("
                    + Secrets.redact(firstLine(cause.getMessage())) + ")", cause);
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException
                || cause instanceof TimeoutException) {
            return new StorageException(ErrorCode.UNAVAILABLE, operation + " failed: "
                    + Secrets.redact(cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage())), cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return new StorageException(ErrorCode.INVALID_ARGUMENT, operation + " failed: "
                    + Secrets.redact(firstLine(cause.getMessage())), cause);
        }
        return new StorageException(ErrorCode.INTERNAL, operation + " failed: "
                + Secrets.redact(cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage())), cause);
    }

    /** Reactor and the SDK wrap failures; the interesting one is the first service or I/O failure inside. */
    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int depth = 0; cur != null && depth < 8; depth++) {
            if (cur instanceof HttpResponseException || cur instanceof ClientAuthenticationException
                    || cur instanceof IOException || cur instanceof TimeoutException) {
                return cur;
            }
            if (cur.getCause() == null || cur.getCause() == cur) {
                break;
            }
            cur = cur.getCause();
        }
        return t;
    }

    private static String serviceMessage(HttpResponseException e) {
        String m = e.getMessage();
        if (m == null) {
            return "";
        }
        int at = m.indexOf("<Message>");
        if (at >= 0) {
            int end = m.indexOf("</Message>", at);
            m = m.substring(at + "<Message>".length(), end > at ? end : m.length());
        } else if (m.startsWith("Status code")) {
            return "";
        }
        String line = firstLine(m).trim();
        return line.isEmpty() ? "" : ": " + line;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
