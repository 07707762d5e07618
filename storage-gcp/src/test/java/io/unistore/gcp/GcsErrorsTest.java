package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.cloud.storage.StorageException;
import io.unistore.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The mapping table from GCS answers to neutral codes (pure mapping code: no back end needed). */
class GcsErrorsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "404, notFound, NOT_FOUND, false",
            "410, gone, NOT_FOUND, false",
            "409, conflict, ALREADY_EXISTS, false",
            "412, conditionNotMet, PRECONDITION_FAILED, false",
            "304, notModified, PRECONDITION_FAILED, false",
            "429, rateLimitExceeded, THROTTLED, true",
            "403, rateLimitExceeded, THROTTLED, true",
            "403, userRateLimitExceeded, THROTTLED, true",
            "500, internalError, UNAVAILABLE, true",
            "502, badGateway, UNAVAILABLE, true",
            "503, backendError, UNAVAILABLE, true",
            "504, gatewayTimeout, UNAVAILABLE, true",
            "408, requestTimeout, UNAVAILABLE, true",
            "0, , UNAVAILABLE, true",
            "401, authError, UNAUTHENTICATED, false",
            "403, forbidden, PERMISSION_DENIED, false",
            "400, invalid, INVALID_ARGUMENT, false",
            "400, required, INVALID_ARGUMENT, false",
            "411, lengthRequired, INVALID_ARGUMENT, false",
            "413, uploadTooLarge, INVALID_ARGUMENT, false",
            "416, requestedRangeNotSatisfiable, INVALID_ARGUMENT, false",
            "501, notImplemented, UNSUPPORTED, false",
    })
    void mapsStatusAndReason(int status, String reason, ErrorCode code, boolean retryable) {
        assertThat(GcsErrors.codeFor(status, reason)).isEqualTo(code);
        io.unistore.StorageException e = GcsErrors.translate(new StorageException(status, "boom", reason, null), "op");
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.providerStatus()).isEqualTo(status);
        assertThat(e.providerCode()).isEqualTo(reason);
        assertThat(e.getCause()).isInstanceOf(StorageException.class);
    }

    @Test
    void keepsTheRequestIdOfTheHttpAnswer() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("x-guploader-uploadid", java.util.List.of("ABC-123"));
        HttpResponseException http = new HttpResponseException.Builder(503, "Service Unavailable", headers).build();
        io.unistore.StorageException e = GcsErrors.translate(
                new StorageException(503, "backend", "backendError", http), "upload of b/o");
        assertThat(e.requestId()).isEqualTo("ABC-123");
        assertThat(e.getMessage()).startsWith("upload of b/o failed: backend").contains("GCS 503 backendError");
    }

    @Test
    void messagesLoseSecretsAndSessionIds() {
        String raw = "PUT http://h/upload?uploadType=resumable&upload_id=SECRETSESSION failed\n"
                + "Authorization: Bearer ya29.secrettoken";
        String clean = GcsErrors.clean(raw);
        assertThat(clean).doesNotContain("SECRETSESSION").doesNotContain("ya29").contains("upload_id=***");
    }
}
