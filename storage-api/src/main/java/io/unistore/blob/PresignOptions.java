package io.unistore.blob;

import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.immutables.value.Value;

/** Options of a presigned URL. Immutable; made with {@link #read}, {@link #write} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface PresignOptions extends WithPresignOptions {

    /** The longest validity every provider accepts (S3 and GCS V4 signatures). */
    Duration MAX_EXPIRY = Duration.ofDays(7);

    /** How long the URL stays valid (at most 7 days, the lowest limit among providers). */
    Duration expiry();

    /** What it allows; never empty. */
    Set<BlobPermission> permissions();

    @Value.Check
    default void check() {
        Duration expiry = expiry();
        if (expiry.isNegative() || expiry.isZero()) {
            throw StorageException.invalidArgument("expiry", "must be a positive duration");
        }
        if (expiry.compareTo(MAX_EXPIRY) > 0) {
            throw StorageException.invalidArgument("expiry", "must be at most 7 days, was " + expiry);
        }
        if (permissions().isEmpty()) {
            throw StorageException.invalidArgument("permissions", "must name at least one of READ, WRITE, DELETE");
        }
    }

    /** Whether the URL lets its holder change or delete the blob. */
    default boolean writes() {
        return permissions().contains(BlobPermission.WRITE) || permissions().contains(BlobPermission.DELETE);
    }

    /** A read-only URL valid for {@code expiry}. */
    static PresignOptions read(Duration expiry) {
        return builder().expiry(expiry).addPermissions(BlobPermission.READ).build();
    }

    /** An upload URL valid for {@code expiry}. */
    static PresignOptions write(Duration expiry) {
        return builder().expiry(expiry).addPermissions(BlobPermission.WRITE).build();
    }

    /** A URL with the given permissions. */
    static PresignOptions of(Duration expiry, Set<BlobPermission> permissions) {
        return builder().expiry(expiry).permissions(permissions == null ? EnumSet.noneOf(BlobPermission.class)
                : permissions).build();
    }

    /** A builder; expiry and at least one permission are required. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PresignOptions}. */
    final class Builder extends ImmutablePresignOptions.Builder {
    }
}
