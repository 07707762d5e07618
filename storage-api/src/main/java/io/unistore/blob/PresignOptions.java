package io.unistore.blob;

import io.unistore.StorageException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Options of a presigned URL.
 *
 * @param expiry how long the URL stays valid (at most 7 days, the lowest limit among providers)
 * @param permissions what it allows; never empty
 */
public record PresignOptions(Duration expiry, Set<BlobPermission> permissions) {

    /** The longest validity every provider accepts (S3 and GCS V4 signatures). */
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);

    public PresignOptions {
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw StorageException.invalidArgument("expiry", "must be a positive duration");
        }
        if (expiry.compareTo(MAX_EXPIRY) > 0) {
            throw StorageException.invalidArgument("expiry", "must be at most 7 days, was " + expiry);
        }
        if (permissions == null || permissions.isEmpty()) {
            throw StorageException.invalidArgument("permissions", "must name at least one of READ, WRITE, DELETE");
        }
        permissions = Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** A read-only URL valid for {@code expiry}. */
    public static PresignOptions read(Duration expiry) {
        return new PresignOptions(expiry, EnumSet.of(BlobPermission.READ));
    }

    /** An upload URL valid for {@code expiry}. */
    public static PresignOptions write(Duration expiry) {
        return new PresignOptions(expiry, EnumSet.of(BlobPermission.WRITE));
    }
}
