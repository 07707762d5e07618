package io.unistore.gcp;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.BaseServiceException;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.HttpStatuses;
import io.unistore.spi.Secrets;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Cloud Storage failures into {@link StorageException}s with a neutral code, keeping the HTTP status,
 * GCS's reason ({@code notFound}, {@code conditionNotMet}, {@code rateLimitExceeded}...) and the request id
 * ({@code X-GUploader-UploadID}).
 */
final class GcsErrors {
    private static final Pattern UPLOAD_ID_HEADER = Pattern.compile("(?i)x-guploader-uploadid:\\s*([\\w-]+)");
    private static final Pattern UPLOAD_ID_PARAM = Pattern.compile("(?i)(upload_id=)[^&\\s\"']+");

    private GcsErrors() {
    }

    /**
     * The neutral code of a GCS answer. Status 0 is a failure without an answer (connection refused, reset,
     * timeout).
     */
    static ErrorCode codeFor(int status, String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.equals("ratelimitexceeded") || r.equals("userratelimitexceeded")) {
            return ErrorCode.THROTTLED;
        }
        if (status == 409) {
            // The JSON API answers 409 only to the creation of a bucket that exists (objects fail with 412).
            return ErrorCode.ALREADY_EXISTS;
        }
        return HttpStatuses.errorCode(status);
    }

    /** Runs a call, translating what the SDK throws; {@code what} says what was attempted. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (BaseServiceException e) {
            throw translate(e, what);
        }
    }

    static StorageException translate(BaseServiceException e, String what) {
        ErrorCode code = e.getCode() == 0 && credentialsRefused(e) ? ErrorCode.UNAUTHENTICATED
                : codeFor(e.getCode(), e.getReason());
        return translate(e, what, code);
    }

    /**
     * Whether the failure is the token endpoint refusing the credentials: Google's auth library wraps its 4xx
     * answer (400 invalid_grant for a key it does not know) in a retryable-aware exception, and the storage
     * client reports that as code 0, which alone reads as "no answer".
     */
    private static boolean credentialsRefused(Throwable e) {
        boolean auth = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            auth |= t instanceof com.google.auth.Retryable;
            if (auth && t instanceof HttpResponseException h && h.getStatusCode() >= 400 && h.getStatusCode() < 500) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #translate(BaseServiceException, String)} with the code chosen by the caller. */
    static StorageException translate(BaseServiceException e, String what, ErrorCode code) {
        String message = what + " failed: " + clean(e.getMessage()) + " (GCS " + e.getCode()
                + (e.getReason() != null ? " " + e.getReason() : "") + ")";
        return new StorageException(code, message, e, e.getCode(), e.getReason(), requestId(e));
    }

    /** The first line of an SDK message, without secrets or resumable-session ids. */
    static String clean(String message) {
        if (message == null) {
            return "(no message)";
        }
        String first = message.lines().findFirst().orElse("").trim();
        return UPLOAD_ID_PARAM.matcher(Secrets.redact(first)).replaceAll("$1" + Secrets.MASK);
    }

    private static String requestId(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException http && http.getHeaders() != null) {
                Object v = http.getHeaders().get("x-guploader-uploadid");
                if (v instanceof java.util.List<?> list && !list.isEmpty()) {
                    return String.valueOf(list.get(0));
                }
                if (v != null) {
                    return String.valueOf(v);
                }
            }
            if (t.getMessage() != null) {
                Matcher m = UPLOAD_ID_HEADER.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
