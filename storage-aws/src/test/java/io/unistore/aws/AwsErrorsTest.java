package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.net.ConnectException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 error table: pure mapping, checked on S3 exceptions as the SDK builds them. */
class S3ErrorsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(404, "NoSuchKey", ErrorCode.NOT_FOUND, false),
                Arguments.of(404, "NoSuchBucket", ErrorCode.NOT_FOUND, false),
                Arguments.of(404, "NoSuchVersion", ErrorCode.NOT_FOUND, false),
                Arguments.of(404, "NoSuchUpload", ErrorCode.NOT_FOUND, false),
                Arguments.of(409, "BucketAlreadyExists", ErrorCode.ALREADY_EXISTS, false),
                Arguments.of(409, "BucketAlreadyOwnedByYou", ErrorCode.ALREADY_EXISTS, false),
                Arguments.of(412, "PreconditionFailed", ErrorCode.PRECONDITION_FAILED, false),
                Arguments.of(304, null, ErrorCode.PRECONDITION_FAILED, false),
                Arguments.of(409, "ConditionalRequestConflict", ErrorCode.PRECONDITION_FAILED, false),
                Arguments.of(403, "InvalidObjectState", ErrorCode.CONFLICT, false),
                Arguments.of(409, "BucketNotEmpty", ErrorCode.CONFLICT, false),
                Arguments.of(503, "SlowDown", ErrorCode.THROTTLED, true),
                Arguments.of(503, "ServiceUnavailable", ErrorCode.THROTTLED, true),
                Arguments.of(400, "ThrottlingException", ErrorCode.THROTTLED, true),
                Arguments.of(503, null, ErrorCode.THROTTLED, true),
                Arguments.of(500, "InternalError", ErrorCode.UNAVAILABLE, true),
                Arguments.of(500, null, ErrorCode.UNAVAILABLE, true),
                Arguments.of(400, "RequestTimeout", ErrorCode.UNAVAILABLE, true),
                Arguments.of(403, "AccessDenied", ErrorCode.PERMISSION_DENIED, false),
                Arguments.of(403, "InvalidAccessKeyId", ErrorCode.UNAUTHENTICATED, false),
                Arguments.of(403, "SignatureDoesNotMatch", ErrorCode.UNAUTHENTICATED, false),
                Arguments.of(400, "ExpiredToken", ErrorCode.UNAUTHENTICATED, false),
                Arguments.of(403, "RequestTimeTooSkewed", ErrorCode.UNAUTHENTICATED, false),
                Arguments.of(416, "InvalidRange", ErrorCode.INVALID_ARGUMENT, false),
                Arguments.of(400, "InvalidArgument", ErrorCode.INVALID_ARGUMENT, false),
                Arguments.of(400, "InvalidBucketName", ErrorCode.INVALID_ARGUMENT, false),
                Arguments.of(400, "BadDigest", ErrorCode.INVALID_ARGUMENT, false),
                Arguments.of(400, "EntityTooSmall", ErrorCode.INVALID_ARGUMENT, false),
                Arguments.of(400, "MetadataTooLarge", ErrorCode.INVALID_ARGUMENT, false),
                Arguments.of(400, "KeyTooLongError", ErrorCode.INVALID_ARGUMENT, false),
                Arguments.of(501, "NotImplemented", ErrorCode.UNSUPPORTED, false),
                Arguments.of(403, null, ErrorCode.PERMISSION_DENIED, false),
                Arguments.of(404, null, ErrorCode.NOT_FOUND, false),
                Arguments.of(418, "SomethingNew", ErrorCode.INTERNAL, false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("table")
    void mapsStatusAndCode(int status, String s3Code, ErrorCode expected, boolean retryable) {
        S3Exception e = (S3Exception) S3Exception.builder().statusCode(status).requestId("REQ123")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(s3Code).errorMessage("it failed").build())
                .build();
        StorageException mapped = S3Errors.map("GetObject b/k", e);
        assertThat(mapped.code()).isEqualTo(expected);
        assertThat(mapped.isRetryable()).isEqualTo(retryable);
        assertThat(mapped.providerStatus()).isEqualTo(status);
        assertThat(mapped.providerCode()).isEqualTo(s3Code);
        assertThat(mapped.requestId()).isEqualTo("REQ123");
        assertThat(mapped.getCause()).isSameAs(e);
        assertThat(mapped.getMessage()).startsWith("GetObject b/k failed: it failed");
    }

    @Test
    void messagesAreRedacted() {
        S3Exception e = (S3Exception) S3Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied")
                        .errorMessage("denied for https://b.s3.amazonaws.com/k?X-Amz-Signature=abcdef0123&x=1")
                        .build()).build();
        assertThat(S3Errors.map("GetObject b/k", e).getMessage()).doesNotContain("abcdef0123").contains("***");
    }

    @Test
    void clientFailuresAreUnavailableOrUnauthenticated() {
        StorageException down = S3Errors.map("PutObject b/k", SdkClientException.builder()
                .message("Unable to execute HTTP request").cause(new ConnectException("refused")).build());
        assertThat(down.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(down.isRetryable()).isTrue();
        StorageException noCredentials = S3Errors.map("PutObject b/k", SdkClientException.builder()
                .message("Unable to load credentials from any of the providers in the chain").build());
        assertThat(noCredentials.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(noCredentials.getMessage()).contains("AWS_ACCESS_KEY_ID");
    }
}
