package io.unistore.azure;

import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobItemProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import io.unistore.RequestConditions;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.UploadOptions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** Conversions between the neutral blob model and the Blob SDK's. Tier table in the module README. */
final class BlobModels {
    private BlobModels() {
    }

    static AccessTier toAzure(io.unistore.blob.AccessTier tier) {
        if (tier == null) {
            return null;
        }
        return switch (tier) {
            case HOT -> AccessTier.HOT;
            case COOL -> AccessTier.COOL;
            case COLD -> AccessTier.COLD;
            case ARCHIVE -> AccessTier.ARCHIVE;
        };
    }

    /** The neutral tier of an Azure tier, or null for tiers outside the four (premium P10, P20...). */
    static io.unistore.blob.AccessTier fromAzure(AccessTier tier) {
        if (tier == null) {
            return null;
        }
        return switch (tier.toString().toLowerCase(Locale.ROOT)) {
            case "hot" -> io.unistore.blob.AccessTier.HOT;
            case "cool" -> io.unistore.blob.AccessTier.COOL;
            case "cold" -> io.unistore.blob.AccessTier.COLD;
            case "archive" -> io.unistore.blob.AccessTier.ARCHIVE;
            default -> null;
        };
    }

    static BlobRequestConditions conditions(RequestConditions c) {
        if (c == null || c.isEmpty()) {
            return null;
        }
        return new BlobRequestConditions().setIfMatch(c.ifMatch()).setIfNoneMatch(c.ifNoneMatch())
                .setIfModifiedSince(odt(c.ifModifiedSince())).setIfUnmodifiedSince(odt(c.ifUnmodifiedSince()))
                .setLeaseId(c.leaseId());
    }

    static BlobHttpHeaders headers(UploadOptions o) {
        return new BlobHttpHeaders().setContentType(o.contentType()).setContentEncoding(o.contentEncoding())
                .setCacheControl(o.cacheControl()).setContentDisposition(o.contentDisposition());
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * User metadata as read back. A listing's XML gives an empty value as an empty element, which the SDKs read as
     * null; the neutral models copy maps that must not hold null.
     */
    static Map<String, String> metadata(Map<String, String> m) {
        if (m == null || !m.containsValue(null)) {
            return m;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? "" : v));
        return out;
    }

    static String base64(byte[] b) {
        return b == null || b.length == 0 ? null : Base64.getEncoder().encodeToString(b);
    }

    static BlobProperties properties(String container, String name, com.azure.storage.blob.models.BlobProperties p,
                                     String snapshot) {
        return BlobProperties.builder().container(container).name(name).size(p.getBlobSize())
                .contentType(p.getContentType()).contentEncoding(p.getContentEncoding())
                .cacheControl(p.getCacheControl()).contentDisposition(p.getContentDisposition())
                .contentMd5(base64(p.getContentMd5())).etag(p.getETag()).lastModified(instant(p.getLastModified()))
                .createdAt(instant(p.getCreationTime())).metadata(metadata(p.getMetadata()))
                .tier(fromAzure(p.getAccessTier()))
                .tierName(p.getAccessTier() == null ? null : p.getAccessTier().toString())
                .archiveStatus(p.getArchiveStatus() == null ? null : p.getArchiveStatus().toString())
                .versionId(p.getVersionId()).currentVersion(p.isCurrentVersion() == null || p.isCurrentVersion())
                .snapshot(snapshot).leaseState(p.getLeaseState() == null ? null : p.getLeaseState().toString())
                .lastAccessedOn(instant(p.getLastAccessedTime())).build();
    }

    static BlobProperties properties(String container, BlobItem item) {
        BlobItemProperties p = item.getProperties();
        return BlobProperties.builder().container(container).name(item.getName())
                .size(p.getContentLength() == null ? 0 : p.getContentLength()).contentType(p.getContentType())
                .contentEncoding(p.getContentEncoding()).cacheControl(p.getCacheControl())
                .contentDisposition(p.getContentDisposition()).contentMd5(base64(p.getContentMd5()))
                .etag(p.getETag()).lastModified(instant(p.getLastModified())).createdAt(instant(p.getCreationTime()))
                .metadata(metadata(item.getMetadata())).tier(fromAzure(p.getAccessTier()))
                .tierName(p.getAccessTier() == null ? null : p.getAccessTier().toString())
                .archiveStatus(p.getArchiveStatus() == null ? null : p.getArchiveStatus().toString())
                .versionId(item.getVersionId())
                .currentVersion(item.isCurrentVersion() == null || item.isCurrentVersion())
                .snapshot(item.getSnapshot())
                .leaseState(p.getLeaseState() == null ? null : p.getLeaseState().toString())
                .lastAccessedOn(instant(p.getLastAccessedTime())).build();
    }

    static BlobWriteResult written(com.azure.storage.blob.models.BlockBlobItem item, long size) {
        return new BlobWriteResult(item.getETag(), instant(item.getLastModified()), size,
                base64(item.getContentMd5()), item.getVersionId());
    }

    static BlobWriteResult written(BlobProperties p) {
        return new BlobWriteResult(p.etag(), p.lastModified(), p.size(), p.contentMd5(), p.versionId());
    }
}
