package io.unistore;

import io.unistore.spi.NameRules;
import java.time.Instant;

/**
 * Optimistic-concurrency conditions on a write or read. A condition that does not hold fails the call with
 * {@link ErrorCode#PRECONDITION_FAILED} and changes nothing.
 *
 * @param ifMatch proceed only if the item's ETag equals this ({@code "*"}: only if the item exists)
 * @param ifNoneMatch proceed only if the item's ETag differs ({@code "*"}: only if the item does not exist)
 * @param ifModifiedSince proceed only if the item changed after this instant
 * @param ifUnmodifiedSince proceed only if the item did not change after this instant
 * @param leaseId the lease held on the blob, required to write a leased blob
 */
public record RequestConditions(String ifMatch, String ifNoneMatch, Instant ifModifiedSince,
                                Instant ifUnmodifiedSince, String leaseId) {

    public RequestConditions {
        NameRules.headerValue("ifMatch", ifMatch);
        NameRules.headerValue("ifNoneMatch", ifNoneMatch);
        NameRules.headerValue("leaseId", leaseId);
    }

    /** No conditions. */
    public static final RequestConditions NONE = new RequestConditions(null, null, null, null, null);

    /** Only if the item's ETag is {@code etag}. */
    public static RequestConditions ifMatch(String etag) {
        return new RequestConditions(etag, null, null, null, null);
    }

    /** Only if the item's ETag is not {@code etag}; {@code "*"} means only if it does not exist yet. */
    public static RequestConditions ifNoneMatch(String etag) {
        return new RequestConditions(null, etag, null, null, null);
    }

    /** Only if the item does not exist yet (create-only). */
    public static RequestConditions ifNotExists() {
        return ifNoneMatch("*");
    }

    public RequestConditions withIfModifiedSince(Instant instant) {
        return new RequestConditions(ifMatch, ifNoneMatch, instant, ifUnmodifiedSince, leaseId);
    }

    public RequestConditions withIfUnmodifiedSince(Instant instant) {
        return new RequestConditions(ifMatch, ifNoneMatch, ifModifiedSince, instant, leaseId);
    }

    /** The same conditions with another ifMatch. */
    public RequestConditions withIfMatch(String etag) {
        return new RequestConditions(etag, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, leaseId);
    }

    /** The same conditions, acting under the given lease. */
    public RequestConditions withLeaseId(String lease) {
        return new RequestConditions(ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince, lease);
    }

    /** Whether no condition is set. */
    public boolean isEmpty() {
        return ifMatch == null && ifNoneMatch == null && ifModifiedSince == null && ifUnmodifiedSince == null
                && leaseId == null;
    }
}
