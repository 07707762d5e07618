package io.unistore;

import io.unistore.internal.OptionsStyle;
import io.unistore.spi.NameRules;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * Optimistic-concurrency conditions on a write or read. A condition that does not hold fails the call with
 * {@link ErrorCode#PRECONDITION_FAILED} and changes nothing. Immutable.
 */
@Value.Immutable
@OptionsStyle
public interface RequestConditions extends WithRequestConditions {

    /** Proceed only if the item's ETag equals this ({@code "*"}: only if the item exists). */
    @Nullable
    String ifMatch();

    /** Proceed only if the item's ETag differs ({@code "*"}: only if the item does not exist). */
    @Nullable
    String ifNoneMatch();

    /** Proceed only if the item changed after this instant. */
    @Nullable
    Instant ifModifiedSince();

    /** Proceed only if the item did not change after this instant. */
    @Nullable
    Instant ifUnmodifiedSince();

    /** The lease held on the blob, required to write a leased blob (needs BLOB_LEASES). */
    @Nullable
    String leaseId();

    /** ETags and lease ids travel in HTTP headers: checked here, before any request is made. */
    @Value.Check
    default void check() {
        NameRules.headerValue("ifMatch", ifMatch());
        NameRules.headerValue("ifNoneMatch", ifNoneMatch());
        NameRules.headerValue("leaseId", leaseId());
    }

    /** No conditions. */
    static RequestConditions none() {
        return Defaults.CONDITIONS;
    }

    /** Only if the item's ETag is {@code etag}. */
    static RequestConditions ifMatch(String etag) {
        return none().withIfMatch(etag);
    }

    /** Only if the item's ETag is not {@code etag}; {@code "*"} means only if it does not exist yet. */
    static RequestConditions ifNoneMatch(String etag) {
        return none().withIfNoneMatch(etag);
    }

    /** Only if the item does not exist yet (create-only). */
    static RequestConditions ifNotExists() {
        return ifNoneMatch("*");
    }

    /** A builder with no conditions set. */
    static Builder builder() {
        return new Builder();
    }

    /** Whether no condition is set. */
    default boolean isEmpty() {
        return ifMatch() == null && ifNoneMatch() == null && ifModifiedSince() == null && ifUnmodifiedSince() == null
                && leaseId() == null;
    }

    /** Builds {@link RequestConditions}. */
    final class Builder extends ImmutableRequestConditions.Builder {
    }
}
