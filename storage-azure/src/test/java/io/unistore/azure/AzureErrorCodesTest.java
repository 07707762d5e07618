package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping table from Azure answers to neutral codes (pure data: no service needed). */
class AzureErrorCodesTest {

    @ParameterizedTest(name = "{0} {1} -> {2} (retryable {3})")
    @CsvSource({
            "404, ContainerNotFound, NOT_FOUND, false",
            "404, BlobNotFound, NOT_FOUND, false",
            "404, ResourceNotFound, NOT_FOUND, false",
            "404, TableNotFound, NOT_FOUND, false",
            "404, QueueNotFound, NOT_FOUND, false",
            "404, MessageNotFound, NOT_FOUND, false",
            "404, ShareNotFound, NOT_FOUND, false",
            "404, ParentNotFound, NOT_FOUND, false",
            "404, CannotVerifyCopySource, NOT_FOUND, false",
            "409, ContainerAlreadyExists, ALREADY_EXISTS, false",
            "409, BlobAlreadyExists, ALREADY_EXISTS, false",
            "409, TableAlreadyExists, ALREADY_EXISTS, false",
            "409, EntityAlreadyExists, ALREADY_EXISTS, false",
            "409, QueueAlreadyExists, ALREADY_EXISTS, false",
            "409, ShareAlreadyExists, ALREADY_EXISTS, false",
            "409, ResourceAlreadyExists, ALREADY_EXISTS, false",
            "412, ConditionNotMet, PRECONDITION_FAILED, false",
            "412, LeaseIdMissing, PRECONDITION_FAILED, false",
            "412, LeaseIdMismatchWithBlobOperation, PRECONDITION_FAILED, false",
            "412, UpdateConditionNotSatisfied, PRECONDITION_FAILED, false",
            "412, TargetConditionNotMet, PRECONDITION_FAILED, false",
            "304, ConditionNotMet, PRECONDITION_FAILED, false",
            "400, PopReceiptMismatch, PRECONDITION_FAILED, false",
            "409, BlobArchived, CONFLICT, false",
            "409, LeaseAlreadyPresent, CONFLICT, false",
            "409, LeaseIdMismatchWithLeaseOperation, CONFLICT, false",
            "409, DirectoryNotEmpty, CONFLICT, false",
            "409, PendingCopyOperation, CONFLICT, false",
            "409, ContainerBeingDeleted, CONFLICT, true",
            "409, TableBeingDeleted, CONFLICT, true",
            "409, SomethingNew, CONFLICT, false",
            "503, ServerBusy, THROTTLED, true",
            "429, TooManyRequests, THROTTLED, true",
            "503, IngressOverAccountLimit, THROTTLED, true",
            "500, InternalError, UNAVAILABLE, true",
            "500, OperationTimedOut, UNAVAILABLE, true",
            "503, ServiceUnavailable, UNAVAILABLE, true",
            "502, , UNAVAILABLE, true",
            "403, AuthenticationFailed, UNAUTHENTICATED, false",
            "401, NoAuthenticationInformation, UNAUTHENTICATED, false",
            "400, InvalidAuthenticationInfo, UNAUTHENTICATED, false",
            "403, AuthorizationPermissionMismatch, PERMISSION_DENIED, false",
            "403, AuthorizationFailure, PERMISSION_DENIED, false",
            "403, InsufficientAccountPermissions, PERMISSION_DENIED, false",
            "403, , PERMISSION_DENIED, false",
            "400, InvalidInput, INVALID_ARGUMENT, false",
            "400, OutOfRangeInput, INVALID_ARGUMENT, false",
            "400, InvalidQueryParameterValue, INVALID_ARGUMENT, false",
            "400, InvalidDuplicateRow, INVALID_ARGUMENT, false",
            "400, Md5Mismatch, INVALID_ARGUMENT, false",
            "413, RequestBodyTooLarge, INVALID_ARGUMENT, false",
            "416, InvalidRange, INVALID_ARGUMENT, false",
            "400, FeatureVersionMismatch, UNSUPPORTED, false",
            "501, APINotImplemented, UNSUPPORTED, false",
            "405, UnsupportedHttpVerb, UNSUPPORTED, false",
            "0, EntityAlreadyExists, ALREADY_EXISTS, false",
            "0, ResourceNotFound, NOT_FOUND, false",
            "0, UpdateConditionNotSatisfied, PRECONDITION_FAILED, false",
            "0, InvalidInput, INVALID_ARGUMENT, false",
            "0, InvalidOperation, INVALID_ARGUMENT, false",
            "0, OutOfRangeInput, INVALID_ARGUMENT, false",
            "0, InvalidAuthenticationInfo, UNAUTHENTICATED, false",
            "0, , INTERNAL, false"
    })
    void mapsStatusAndCode(int status, String code, ErrorCode expected, boolean retryable) {
        AzureErrorCodes.Verdict v = AzureErrorCodes.classify(status, code);
        assertThat(v.code()).isEqualTo(expected);
        assertThat(v.retryable()).isEqualTo(retryable);
    }
}
