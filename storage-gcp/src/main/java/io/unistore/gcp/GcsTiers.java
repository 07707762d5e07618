package io.unistore.gcp;

import com.google.cloud.storage.StorageClass;
import io.unistore.blob.AccessTier;

/**
 * Neutral tiers and GCS storage classes: HOT = STANDARD, COOL = NEARLINE, COLD = COLDLINE, ARCHIVE = ARCHIVE.
 * The legacy classes (MULTI_REGIONAL, REGIONAL, DURABLE_REDUCED_AVAILABILITY) read as HOT. Unlike Azure's
 * Archive tier, a GCS ARCHIVE object stays online: it can be read at once (at a retrieval fee).
 */
final class GcsTiers {
    private GcsTiers() {
    }

    static StorageClass toStorageClass(AccessTier tier) {
        return switch (tier) {
            case HOT -> StorageClass.STANDARD;
            case COOL -> StorageClass.NEARLINE;
            case COLD -> StorageClass.COLDLINE;
            case ARCHIVE -> StorageClass.ARCHIVE;
        };
    }

    /** The neutral tier of a storage class, or null when none applies (unknown or absent class). */
    static AccessTier toTier(StorageClass storageClass) {
        if (storageClass == null) {
            return null;
        }
        return switch (storageClass.name()) {
            case "STANDARD", "MULTI_REGIONAL", "REGIONAL", "DURABLE_REDUCED_AVAILABILITY" -> AccessTier.HOT;
            case "NEARLINE" -> AccessTier.COOL;
            case "COLDLINE" -> AccessTier.COLD;
            case "ARCHIVE" -> AccessTier.ARCHIVE;
            default -> null;
        };
    }
}
