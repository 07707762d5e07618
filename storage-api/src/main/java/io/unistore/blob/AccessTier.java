package io.unistore.blob;

/**
 * Provider-neutral access tiers, from the most to the least expensive to store. Each provider maps them to
 * its own classes (its module README has the table) and reports its own name in
 * {@link BlobProperties#tierName()}.
 */
public enum AccessTier {
    /** Frequently read data. Azure Hot, S3 STANDARD, GCS STANDARD. */
    HOT,
    /** Infrequently read data (30 days+). Azure Cool, S3 STANDARD_IA, GCS NEARLINE. */
    COOL,
    /** Rarely read data (90 days+), still online. Azure Cold, S3 GLACIER_IR, GCS COLDLINE. */
    COLD,
    /** Offline: reads fail until the blob is rehydrated to another tier. Azure Archive, S3 GLACIER/DEEP_ARCHIVE, GCS ARCHIVE. */
    ARCHIVE;

    /** Parses a tier name case-insensitively ("hot", "Cool"...). */
    public static AccessTier parse(String name) {
        for (AccessTier tier : values()) {
            if (tier.name().equalsIgnoreCase(name)) {
                return tier;
            }
        }
        throw io.unistore.StorageException.invalidArgument("tier",
                "must be one of Hot, Cool, Cold, Archive; was '" + name + "'");
    }
}
