package io.unistore.aws;

import io.unistore.blob.AccessTier;
import java.util.Locale;

/**
 * Neutral tiers and S3 storage classes. Writing: HOT is STANDARD, COOL is STANDARD_IA, COLD is GLACIER_IR,
 * ARCHIVE is GLACIER or DEEP_ARCHIVE (account option {@code archiveClass}). Reading maps every S3 class back to
 * the nearest tier; {@code BlobProperties.tierName} keeps S3's own name.
 */
final class S3Tiers {
    private S3Tiers() {
    }

    /** The storage class to write for a tier. */
    static String storageClass(AccessTier tier, String archiveClass) {
        return switch (tier) {
            case HOT -> "STANDARD";
            case COOL -> "STANDARD_IA";
            case COLD -> "GLACIER_IR";
            case ARCHIVE -> archiveClass;
        };
    }

    /** S3's class name as reported: an absent header means STANDARD. */
    static String className(String storageClass) {
        return storageClass == null || storageClass.isBlank() ? "STANDARD" : storageClass.toUpperCase(Locale.ROOT);
    }

    /** The tier of an S3 storage class. */
    static AccessTier tier(String storageClass) {
        return switch (className(storageClass)) {
            case "STANDARD_IA", "ONEZONE_IA" -> AccessTier.COOL;
            case "GLACIER_IR" -> AccessTier.COLD;
            case "GLACIER", "DEEP_ARCHIVE" -> AccessTier.ARCHIVE;
            // STANDARD, INTELLIGENT_TIERING, REDUCED_REDUNDANCY, EXPRESS_ONEZONE, OUTPOSTS, SNOW: online, frequent.
            default -> AccessTier.HOT;
        };
    }

    /** Whether objects of this class must be restored before they can be read. */
    static boolean isArchive(String storageClass) {
        return tier(storageClass) == AccessTier.ARCHIVE;
    }

    /**
     * The archive status shown in {@code BlobProperties.archiveStatus} from S3's {@code x-amz-restore} header:
     * {@code restore-pending} while a restore runs, {@code restored} while a restored copy is readable, else null.
     */
    static String archiveStatus(String restoreHeader) {
        if (restoreHeader == null) {
            return null;
        }
        if (restoreHeader.contains("ongoing-request=\"true\"")) {
            return "restore-pending";
        }
        return restoreHeader.contains("ongoing-request=\"false\"") ? "restored" : null;
    }

    /** Whether an object of this class and restore state can be read now. */
    static boolean readable(String storageClass, String restoreHeader) {
        return !isArchive(storageClass) || "restored".equals(archiveStatus(restoreHeader));
    }
}
