package io.unistore.azure;

import io.unistore.ErrorCode;
import io.unistore.spi.HttpStatuses;
import java.util.Map;

/**
 * The table from Azure Storage's answers (HTTP status + error code) to neutral {@link ErrorCode}s: Azure's codes
 * first, {@link HttpStatuses} (the providers' one status table) for the rest. Pure data and
 * logic, no SDK types, so it is unit-tested on its own. Codes are those of the REST references of Blob, Queue,
 * Table and File services ("Common REST API error codes" and each service's own list).
 */
final class AzureErrorCodes {

    /** A neutral code and whether repeating the call later may succeed. */
    record Verdict(ErrorCode code, boolean retryable) {
        static Verdict of(ErrorCode code) {
            return new Verdict(code, code.isRetryable());
        }
    }

    /** Codes whose meaning differs from what their HTTP status alone says. */
    private static final Map<String, Verdict> BY_CODE = Map.ofEntries(
            // 400s that are really a failed condition: the receipt or lease no longer matches.
            Map.entry("PopReceiptMismatch", Verdict.of(ErrorCode.PRECONDITION_FAILED)),
            // 401/403: no or bad credentials versus valid credentials without the right.
            Map.entry("AuthenticationFailed", Verdict.of(ErrorCode.UNAUTHENTICATED)),
            Map.entry("NoAuthenticationInformation", Verdict.of(ErrorCode.UNAUTHENTICATED)),
            Map.entry("InvalidAuthenticationInfo", Verdict.of(ErrorCode.UNAUTHENTICATED)),
            Map.entry("AuthorizationFailure", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            Map.entry("AuthorizationPermissionMismatch", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            Map.entry("AuthorizationResourceTypeMismatch", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            Map.entry("AuthorizationServiceMismatch", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            Map.entry("AuthorizationSourceIPMismatch", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            Map.entry("AuthorizationProtocolMismatch", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            Map.entry("InsufficientAccountPermissions", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            Map.entry("AccountIsDisabled", Verdict.of(ErrorCode.PERMISSION_DENIED)),
            // 409s that are state conflicts, not "already exists".
            Map.entry("BlobArchived", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("BlobBeingRehydrated", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("LeaseAlreadyPresent", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("LeaseAlreadyBroken", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("LeaseIdMismatchWithLeaseOperation", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("LeaseIsBreakingAndCannotBeAcquired", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("LeaseIsBreakingAndCannotBeChanged", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("LeaseIsBrokenAndCannotBeRenewed", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("LeaseNotPresentWithLeaseOperation", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("DirectoryNotEmpty", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("ShareHasSnapshots", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("SnapshotsPresent", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("PendingCopyOperation", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("NoPendingCopyOperation", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("SharingViolation", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("ResourceTypeMismatch", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("OperationNotAllowedOnIncrementalCopyBlob", Verdict.of(ErrorCode.CONFLICT)),
            // Being deleted: the name frees up after a while, so trying again later can succeed.
            Map.entry("ContainerBeingDeleted", new Verdict(ErrorCode.CONFLICT, true)),
            Map.entry("QueueBeingDeleted", new Verdict(ErrorCode.CONFLICT, true)),
            Map.entry("TableBeingDeleted", new Verdict(ErrorCode.CONFLICT, true)),
            Map.entry("ShareBeingDeleted", new Verdict(ErrorCode.CONFLICT, true)),
            Map.entry("ContainerDisabled", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("QueueDisabled", Verdict.of(ErrorCode.CONFLICT)),
            Map.entry("ShareDisabled", Verdict.of(ErrorCode.CONFLICT)),
            // The service or this API version lacks the feature.
            Map.entry("FeatureVersionMismatch", Verdict.of(ErrorCode.UNSUPPORTED)),
            Map.entry("UnsupportedHeader", Verdict.of(ErrorCode.UNSUPPORTED)),
            Map.entry("UnsupportedQueryParameter", Verdict.of(ErrorCode.UNSUPPORTED)),
            Map.entry("UnsupportedHttpVerb", Verdict.of(ErrorCode.UNSUPPORTED)),
            Map.entry("NotImplemented", Verdict.of(ErrorCode.UNSUPPORTED)),
            Map.entry("APINotImplemented", Verdict.of(ErrorCode.UNSUPPORTED)),
            // Throttling, whatever the status (429 on some endpoints, 503 on others).
            Map.entry("ServerBusy", Verdict.of(ErrorCode.THROTTLED)),
            Map.entry("TooManyRequests", Verdict.of(ErrorCode.THROTTLED)),
            Map.entry("IngressOverAccountLimit", Verdict.of(ErrorCode.THROTTLED)),
            Map.entry("EgressOverAccountLimit", Verdict.of(ErrorCode.THROTTLED)),
            Map.entry("OperationTimedOut", Verdict.of(ErrorCode.UNAVAILABLE)),
            Map.entry("InternalError", Verdict.of(ErrorCode.UNAVAILABLE)),
            // Transactions name the failed rule in the code; the status may be missing on a batch part.
            Map.entry("EntityAlreadyExists", Verdict.of(ErrorCode.ALREADY_EXISTS)),
            Map.entry("UpdateConditionNotSatisfied", Verdict.of(ErrorCode.PRECONDITION_FAILED)),
            Map.entry("ConditionNotMet", Verdict.of(ErrorCode.PRECONDITION_FAILED)),
            Map.entry("ResourceNotFound", Verdict.of(ErrorCode.NOT_FOUND)),
            Map.entry("InvalidRange", Verdict.of(ErrorCode.INVALID_ARGUMENT)),
            Map.entry("RequestBodyTooLarge", Verdict.of(ErrorCode.INVALID_ARGUMENT)),
            Map.entry("Md5Mismatch", Verdict.of(ErrorCode.INVALID_ARGUMENT)),
            Map.entry("InvalidMd5", Verdict.of(ErrorCode.INVALID_ARGUMENT)));

    private AzureErrorCodes() {
    }

    /**
     * The neutral verdict for an answer.
     *
     * @param status the HTTP status, or 0 when only the code is known (a part of a table transaction)
     * @param code the {@code x-ms-error-code} / error body code, or null
     */
    static Verdict classify(int status, String code) {
        if (code != null) {
            Verdict exact = BY_CODE.get(code);
            if (exact != null && !(status == 404 && exact.code() != ErrorCode.NOT_FOUND)) {
                return exact;
            }
            if (code.endsWith("NotFound") && (status == 0 || status == 404)) {
                return Verdict.of(ErrorCode.NOT_FOUND);
            }
            if (code.endsWith("AlreadyExists") && (status == 0 || status == 409)) {
                return Verdict.of(ErrorCode.ALREADY_EXISTS);
            }
            // A part of a table transaction has only its code: the service's "Invalid..." and "OutOfRange..."
            // codes are all 400s (InvalidInput, InvalidValueType, OutOfRangeInput; Azurite's InvalidOperation).
            if (status == 0 && (code.startsWith("Invalid") || code.startsWith("OutOfRange"))) {
                return Verdict.of(ErrorCode.INVALID_ARGUMENT);
            }
        }
        return byStatus(status);
    }

    /** The shared status table; 0 here means a transaction part whose code alone was not enough to tell. */
    private static Verdict byStatus(int status) {
        return Verdict.of(status == 0 ? ErrorCode.INTERNAL : HttpStatuses.errorCode(status));
    }
}
