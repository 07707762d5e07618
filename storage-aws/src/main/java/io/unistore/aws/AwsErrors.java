package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.HttpStatuses;
import io.unistore.spi.Secrets;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into {@link StorageException}s: S3's error code decides the neutral code, the HTTP status
 * is the fallback; the status, S3 code and request id are kept, the SDK exception is the cause.
 */
final class S3Errors {
    /** S3 error codes and what they mean everywhere. */
    static final Map<String, ErrorCode> BY_S3_CODE = Map.ofEntries(
            Map.entry("NoSuchKey", ErrorCode.NOT_FOUND),
            Map.entry("NoSuchBucket", ErrorCode.NOT_FOUND),
            Map.entry("NoSuchVersion", ErrorCode.NOT_FOUND),
            Map.entry("NoSuchUpload", ErrorCode.NOT_FOUND),
            Map.entry("NotFound", ErrorCode.NOT_FOUND),
            Map.entry("BucketAlreadyExists", ErrorCode.ALREADY_EXISTS),
            Map.entry("BucketAlreadyOwnedByYou", ErrorCode.ALREADY_EXISTS),
            Map.entry("PreconditionFailed", ErrorCode.PRECONDITION_FAILED),
            Map.entry("NotModified", ErrorCode.PRECONDITION_FAILED),
            // S3's answer when two conditional writes race: someone else changed the object.
            Map.entry("ConditionalRequestConflict", ErrorCode.PRECONDITION_FAILED),
            Map.entry("InvalidObjectState", ErrorCode.CONFLICT),
            Map.entry("BucketNotEmpty", ErrorCode.CONFLICT),
            Map.entry("OperationAborted", ErrorCode.CONFLICT),
            Map.entry("RestoreAlreadyInProgress", ErrorCode.CONFLICT),
            Map.entry("SlowDown", ErrorCode.THROTTLED),
            Map.entry("Throttling", ErrorCode.THROTTLED),
            Map.entry("ThrottlingException", ErrorCode.THROTTLED),
            Map.entry("RequestLimitExceeded", ErrorCode.THROTTLED),
            Map.entry("TooManyRequests", ErrorCode.THROTTLED),
            Map.entry("ServiceUnavailable", ErrorCode.THROTTLED),
            Map.entry("InternalError", ErrorCode.UNAVAILABLE),
            Map.entry("RequestTimeout", ErrorCode.UNAVAILABLE),
            Map.entry("AccessDenied", ErrorCode.PERMISSION_DENIED),
            Map.entry("AllAccessDisabled", ErrorCode.PERMISSION_DENIED),
            Map.entry("AccountProblem", ErrorCode.PERMISSION_DENIED),
            Map.entry("InvalidAccessKeyId", ErrorCode.UNAUTHENTICATED),
            Map.entry("SignatureDoesNotMatch", ErrorCode.UNAUTHENTICATED),
            Map.entry("ExpiredToken", ErrorCode.UNAUTHENTICATED),
            Map.entry("InvalidToken", ErrorCode.UNAUTHENTICATED),
            Map.entry("TokenRefreshRequired", ErrorCode.UNAUTHENTICATED),
            Map.entry("RequestTimeTooSkewed", ErrorCode.UNAUTHENTICATED),
            Map.entry("AuthorizationHeaderMalformed", ErrorCode.UNAUTHENTICATED),
            Map.entry("InvalidRange", ErrorCode.INVALID_ARGUMENT),
            Map.entry("InvalidArgument", ErrorCode.INVALID_ARGUMENT),
            Map.entry("InvalidBucketName", ErrorCode.INVALID_ARGUMENT),
            Map.entry("KeyTooLongError", ErrorCode.INVALID_ARGUMENT),
            Map.entry("MetadataTooLarge", ErrorCode.INVALID_ARGUMENT),
            Map.entry("EntityTooLarge", ErrorCode.INVALID_ARGUMENT),
            Map.entry("EntityTooSmall", ErrorCode.INVALID_ARGUMENT),
            Map.entry("BadDigest", ErrorCode.INVALID_ARGUMENT),
            Map.entry("InvalidDigest", ErrorCode.INVALID_ARGUMENT),
            Map.entry("InvalidPart", ErrorCode.INVALID_ARGUMENT),
            Map.entry("InvalidPartOrder", ErrorCode.INVALID_ARGUMENT),
            Map.entry("InvalidStorageClass", ErrorCode.INVALID_ARGUMENT),
            Map.entry("InvalidRequest", ErrorCode.INVALID_ARGUMENT),
            Map.entry("MalformedXML", ErrorCode.INVALID_ARGUMENT),
            Map.entry("IncompleteBody", ErrorCode.INVALID_ARGUMENT),
            Map.entry("NotImplemented", ErrorCode.UNSUPPORTED),
            Map.entry("MethodNotAllowed", ErrorCode.UNSUPPORTED));

    private S3Errors() {
    }

    /**
     * The neutral code for an S3 answer: by S3's error code, else by HTTP status. S3 documents a bare 503 as
     * "Slow Down" (its throttling answer), so that status is THROTTLED here; every other status goes by the
     * shared table, {@link HttpStatuses}.
     */
    static ErrorCode code(int status, String s3Code) {
        ErrorCode byCode = s3Code == null ? null : BY_S3_CODE.get(s3Code);
        if (byCode != null) {
            return byCode;
        }
        return status == 503 ? ErrorCode.THROTTLED : HttpStatuses.errorCode(status);
    }

    /**
     * The {@link StorageException} for an SDK failure.
     *
     * @param what the call and its target, e.g. {@code "GetObject photos/cat.jpg"}
     */
    static StorageException map(String what, SdkException e) {
        if (e instanceof AwsServiceException se) {
            AwsErrorDetails d = se.awsErrorDetails();
            String s3Code = d == null ? null : d.errorCode();
            int status = se.statusCode();
            ErrorCode code = code(status, s3Code);
            String detail = d != null && d.errorMessage() != null ? d.errorMessage() : "HTTP " + status;
            String message = what + " failed: " + detail + (s3Code == null ? "" : " (" + s3Code + ")");
            return new StorageException(code, Secrets.redact(message), e, status, s3Code, se.requestId(),
                    code.isRetryable());
        }
        return clientFailure(what, e);
    }

    private static StorageException clientFailure(String what, SdkException e) {
        String message = what + " failed: " + e.getMessage();
        if (e instanceof AbortedException || causedBy(e, InterruptedException.class)
                || causedBy(e, InterruptedIOException.class) && !causedBy(e, SocketTimeoutException.class)) {
            return new StorageException(ErrorCode.UNAVAILABLE, Secrets.redact(what + " was interrupted"), e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().contains("Unable to load credentials")) {
            return new StorageException(ErrorCode.UNAUTHENTICATED, Secrets.redact(what + " failed: no AWS "
                    + "credentials found (give accessKeyId/secretAccessKey or profile, or set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY)"), e);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, java.io.IOException.class)) {
            return new StorageException(ErrorCode.UNAVAILABLE, Secrets.redact(message), e);
        }
        return new StorageException(ErrorCode.INTERNAL, Secrets.redact(message), e);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
