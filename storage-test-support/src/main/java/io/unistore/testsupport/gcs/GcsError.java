package io.unistore.testsupport.gcs;

/**
 * A failure the stand-in answers with Cloud Storage's documented error document:
 * {@code {"error":{"code":404,"message":"...","errors":[{"reason":"notFound",...}]}}}.
 */
final class GcsError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String reason;

    GcsError(int status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    static GcsError notFound(String message) {
        return new GcsError(404, "notFound", message);
    }

    static GcsError noSuchBucket(String bucket) {
        return notFound("The specified bucket does not exist: " + bucket);
    }

    static GcsError noSuchObject(String bucket, String name) {
        return notFound("No such object: " + bucket + "/" + name);
    }

    static GcsError invalid(String message) {
        return new GcsError(400, "invalid", message);
    }

    static GcsError conditionNotMet(String message) {
        return new GcsError(412, "conditionNotMet", message);
    }
}
