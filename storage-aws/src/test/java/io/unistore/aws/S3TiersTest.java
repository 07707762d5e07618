package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.blob.AccessTier;
import org.junit.jupiter.api.Test;

/** The tier table and S3's restore header, as pure mappings. */
class S3TiersTest {
    @Test
    void neutralTiersToClassesAndBack() {
        assertThat(S3Tiers.storageClass(AccessTier.HOT, "GLACIER")).isEqualTo("STANDARD");
        assertThat(S3Tiers.storageClass(AccessTier.COOL, "GLACIER")).isEqualTo("STANDARD_IA");
        assertThat(S3Tiers.storageClass(AccessTier.COLD, "GLACIER")).isEqualTo("GLACIER_IR");
        assertThat(S3Tiers.storageClass(AccessTier.ARCHIVE, "GLACIER")).isEqualTo("GLACIER");
        assertThat(S3Tiers.storageClass(AccessTier.ARCHIVE, "DEEP_ARCHIVE")).isEqualTo("DEEP_ARCHIVE");
        assertThat(S3Tiers.tier(null)).isEqualTo(AccessTier.HOT);
        assertThat(S3Tiers.className(null)).isEqualTo("STANDARD");
        assertThat(S3Tiers.tier("INTELLIGENT_TIERING")).isEqualTo(AccessTier.HOT);
        assertThat(S3Tiers.tier("REDUCED_REDUNDANCY")).isEqualTo(AccessTier.HOT);
        assertThat(S3Tiers.tier("ONEZONE_IA")).isEqualTo(AccessTier.COOL);
        assertThat(S3Tiers.tier("STANDARD_IA")).isEqualTo(AccessTier.COOL);
        assertThat(S3Tiers.tier("GLACIER_IR")).isEqualTo(AccessTier.COLD);
        assertThat(S3Tiers.tier("GLACIER")).isEqualTo(AccessTier.ARCHIVE);
        assertThat(S3Tiers.tier("DEEP_ARCHIVE")).isEqualTo(AccessTier.ARCHIVE);
    }

    @Test
    void restoreHeaderGivesTheArchiveStatus() {
        assertThat(S3Tiers.archiveStatus(null)).isNull();
        assertThat(S3Tiers.archiveStatus("ongoing-request=\"true\"")).isEqualTo("restore-pending");
        assertThat(S3Tiers.archiveStatus("ongoing-request=\"false\", expiry-date=\"Fri, 21 Dec 2012 00:00:00 GMT\""))
                .isEqualTo("restored");
        assertThat(S3Tiers.readable("GLACIER", null)).isFalse();
        assertThat(S3Tiers.readable("GLACIER", "ongoing-request=\"true\"")).isFalse();
        assertThat(S3Tiers.readable("DEEP_ARCHIVE", "ongoing-request=\"false\", expiry-date=\"x\"")).isTrue();
        assertThat(S3Tiers.readable("GLACIER_IR", null)).isTrue();
    }
}
