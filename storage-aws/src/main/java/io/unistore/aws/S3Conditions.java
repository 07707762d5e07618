package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import java.time.Instant;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * The neutral conditions on S3. Reads (GET, HEAD) send all four as HTTP conditions, which S3 evaluates itself.
 * Writes can only send {@code If-Match: <etag>} and {@code If-None-Match: *}; any other condition is checked
 * against a HEAD of the object and the write is then pinned to what the HEAD saw (If-Match its ETag, or
 * If-None-Match * when it was absent), so a change in between fails the write instead of slipping through.
 */
final class S3Conditions {
    private S3Conditions() {
    }

    /**
     * What a write sends: at most one of the two.
     *
     * @param ifMatch the ETag the object must still have, or null
     * @param ifNoneMatch {@code *} when the object must still be absent, or null
     */
    record WritePin(String ifMatch, String ifNoneMatch) {
        static final WritePin NONE = new WritePin(null, null);

        /** The pin that keeps the object as observed (null: absent). */
        static WritePin observed(HeadObjectResponse current) {
            return current == null ? new WritePin(null, "*") : new WritePin(current.eTag(), null);
        }
    }

    /** Whether a write can send the conditions as they are, without looking at the object first. */
    static boolean sendable(RequestConditions c) {
        return c.ifModifiedSince() == null && c.ifUnmodifiedSince() == null
                && (c.ifMatch() == null || c.ifNoneMatch() == null)
                && (c.ifMatch() == null || !c.ifMatch().equals("*"))
                && (c.ifNoneMatch() == null || c.ifNoneMatch().equals("*"));
    }

    /** The pin of conditions that {@link #sendable} accepted. */
    static WritePin direct(RequestConditions c) {
        return new WritePin(quote(c.ifMatch()), c.ifNoneMatch());
    }

    /**
     * Checks the conditions against the object as a HEAD saw it (null: absent) and pins the write to it.
     *
     * @throws StorageException PRECONDITION_FAILED when they do not hold
     */
    static WritePin check(RequestConditions c, HeadObjectResponse current, String what) {
        if (c.isEmpty()) {
            return WritePin.NONE;
        }
        if (!holds(c, current)) {
            throw new StorageException(ErrorCode.PRECONDITION_FAILED, what + ": the conditions do not hold "
                    + (current == null ? "(the object does not exist)" : "(ETag " + current.eTag() + ")"));
        }
        return WritePin.observed(current);
    }

    /** Whether the conditions hold for an object (null: absent). */
    static boolean holds(RequestConditions c, HeadObjectResponse current) {
        boolean exists = current != null;
        String etag = exists ? current.eTag() : null;
        Instant modified = exists ? current.lastModified() : null;
        if (c.ifMatch() != null && !(exists && ("*".equals(c.ifMatch()) || sameEtag(c.ifMatch(), etag)))) {
            return false;
        }
        if (c.ifNoneMatch() != null && exists && ("*".equals(c.ifNoneMatch()) || sameEtag(c.ifNoneMatch(), etag))) {
            return false;
        }
        if (c.ifModifiedSince() != null && !(exists && modified != null && modified.isAfter(c.ifModifiedSince()))) {
            return false;
        }
        return c.ifUnmodifiedSince() == null || !exists || modified == null
                || !modified.isAfter(c.ifUnmodifiedSince());
    }

    /**
     * The conditions of a GET or HEAD. The {@code *} forms are not sent (stores compare them as ETags): a read
     * that succeeds shows the object exists, which is all {@code If-Match: *} asks, and {@link #wantsAbsent}
     * tells the caller to fail a read that succeeds.
     */
    static GetObjectRequest.Builder onGet(GetObjectRequest.Builder b, RequestConditions c) {
        return b.ifMatch(quote(named(c.ifMatch()))).ifNoneMatch(quote(named(c.ifNoneMatch())))
                .ifModifiedSince(c.ifModifiedSince()).ifUnmodifiedSince(c.ifUnmodifiedSince());
    }

    static HeadObjectRequest.Builder onHead(HeadObjectRequest.Builder b, RequestConditions c) {
        return b.ifMatch(quote(named(c.ifMatch()))).ifNoneMatch(quote(named(c.ifNoneMatch())))
                .ifModifiedSince(c.ifModifiedSince()).ifUnmodifiedSince(c.ifUnmodifiedSince());
    }

    /** Whether the conditions hold only for an absent object ({@code If-None-Match: *}). */
    static boolean wantsAbsent(RequestConditions c) {
        return "*".equals(c.ifNoneMatch());
    }

    /** PRECONDITION_FAILED for a read whose object exists although the conditions asked for none. */
    static StorageException existsAlthoughAbsentWanted(String what) {
        return new StorageException(ErrorCode.PRECONDITION_FAILED, what + ": the object exists (ifNoneMatch *)");
    }

    private static String named(String etag) {
        return "*".equals(etag) ? null : etag;
    }

    /**
     * A write's failure as the caller should see it: S3 answers an If-Match on a missing key with 404
     * NoSuchKey, which for the caller is a condition that did not hold.
     */
    static StorageException writeFailure(StorageException e, WritePin pin) {
        if (pin.ifMatch() != null && e.code() == ErrorCode.NOT_FOUND && "NoSuchKey".equals(e.providerCode())) {
            return new StorageException(ErrorCode.PRECONDITION_FAILED, e.getMessage(), e, e.providerStatus(),
                    e.providerCode(), e.requestId());
        }
        return e;
    }

    private static boolean sameEtag(String a, String b) {
        return b != null && unquote(a).equals(unquote(b));
    }

    /** An ETag as S3 compares it: in double quotes ({@code *} stays as is). */
    static String quote(String etag) {
        if (etag == null || etag.equals("*") || etag.startsWith("\"")) {
            return etag;
        }
        return "\"" + etag + "\"";
    }

    private static String unquote(String etag) {
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
