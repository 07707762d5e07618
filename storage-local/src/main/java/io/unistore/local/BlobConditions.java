package io.unistore.local;

import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import java.time.Instant;

/** Checks {@link RequestConditions} and leases against a blob's stored state. */
final class BlobConditions {
    private BlobConditions() {
    }

    /**
     * Checks ETag and time conditions.
     *
     * @param etag the item's ETag, or null when it does not exist
     * @param modified when it last changed (nanoseconds), ignored when it does not exist
     */
    static void check(String what, String etag, long modified, RequestConditions c) {
        if (c == null || c.isEmpty()) {
            return;
        }
        if (etag == null) {
            if (c.ifMatch() != null) {
                throw failed(what + " does not exist, but ifMatch asked for ETag " + c.ifMatch());
            }
            return;
        }
        if (c.ifMatch() != null && !c.ifMatch().equals("*") && !c.ifMatch().equals(etag)) {
            throw failed(what + " has changed: its ETag is not " + c.ifMatch());
        }
        if (c.ifNoneMatch() != null && (c.ifNoneMatch().equals("*") || c.ifNoneMatch().equals(etag))) {
            throw failed(c.ifNoneMatch().equals("*") ? what + " already exists (ifNoneMatch *)"
                    : what + " still has ETag " + etag + " (ifNoneMatch)");
        }
        Instant lastModified = Times.instant(modified);
        if (c.ifModifiedSince() != null && !lastModified.isAfter(c.ifModifiedSince())) {
            throw failed(what + " was not modified since " + c.ifModifiedSince());
        }
        if (c.ifUnmodifiedSince() != null && lastModified.isAfter(c.ifUnmodifiedSince())) {
            throw failed(what + " was modified after " + c.ifUnmodifiedSince());
        }
    }

    /**
     * Checks that a write may proceed: an active lease needs its id; a lease id given needs an active lease;
     * then the ETag and time conditions.
     */
    static void checkWrite(String what, BlobRow current, RequestConditions c, long now) {
        RequestConditions conditions = c == null ? RequestConditions.none() : c;
        boolean leased = current != null && current.lease() != null && current.lease().isActive(now);
        if (leased && conditions.leaseId() == null) {
            throw failed(what + " is leased: pass its lease id (RequestConditions.withLeaseId) to write it");
        }
        if (leased && !conditions.leaseId().equals(current.lease().id())) {
            throw failed(what + " is leased under another lease id");
        }
        if (!leased && conditions.leaseId() != null) {
            throw failed(what + " has no active lease, but a lease id was given");
        }
        check(what, current == null ? null : current.etag(), current == null ? 0 : current.modified(), conditions);
    }

    static StorageException failed(String message) {
        return new StorageException(ErrorCode.PRECONDITION_FAILED, message);
    }
}
