package io.unistore.blob;

import java.time.Instant;
import java.util.Map;

/**
 * The properties of a blob (or of one of its versions or snapshots). Immutable; build with {@link #builder()}.
 *
 * @param container the container
 * @param name the blob name
 * @param size content length in bytes
 * @param contentType the MIME type, or null
 * @param contentEncoding e.g. {@code gzip}, or null
 * @param cacheControl the Cache-Control value, or null
 * @param contentDisposition the Content-Disposition value, or null
 * @param contentMd5 base64 MD5 of the content, or null when unknown
 * @param etag the ETag to use in {@link io.unistore.RequestConditions}
 * @param lastModified when the content or properties last changed
 * @param createdAt when the blob was created, or null when unknown
 * @param metadata user metadata
 * @param tier the neutral tier, or null when the provider has no tiers or did not say
 * @param tierName the provider's own name of the tier or storage class (e.g. {@code GLACIER_IR}), or null
 * @param archiveStatus rehydration in progress (e.g. {@code rehydrate-pending-to-hot}), or null
 * @param versionId the version id where versions are kept, else null
 * @param currentVersion whether this is the current version (always true without versions)
 * @param snapshot the snapshot id when these are a snapshot's properties, else null
 * @param leaseState {@code available}, {@code leased}, {@code broken}... where leases exist, else null
 * @param lastAccessedOn when the blob was last read or written, where the service tracks it (Azure with last
 *        access time tracking on; the local provider), updated at most once a day per blob, else null - never
 *        the modification time in place of an untracked read
 */
public record BlobProperties(String container, String name, long size, String contentType, String contentEncoding,
                             String cacheControl, String contentDisposition, String contentMd5, String etag,
                             Instant lastModified, Instant createdAt, Map<String, String> metadata, AccessTier tier,
                             String tierName, String archiveStatus, String versionId, boolean currentVersion,
                             String snapshot, String leaseState, Instant lastAccessedOn) {

    public BlobProperties {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A builder with {@code currentVersion} true and everything else unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these properties. */
    public Builder toBuilder() {
        return new Builder().container(container).name(name).size(size).contentType(contentType)
                .contentEncoding(contentEncoding).cacheControl(cacheControl).contentDisposition(contentDisposition)
                .contentMd5(contentMd5).etag(etag).lastModified(lastModified).createdAt(createdAt).metadata(metadata)
                .tier(tier).tierName(tierName).archiveStatus(archiveStatus).versionId(versionId)
                .currentVersion(currentVersion).snapshot(snapshot).leaseState(leaseState)
                .lastAccessedOn(lastAccessedOn);
    }

    /** Builds {@link BlobProperties}. Not thread-safe. */
    public static final class Builder {
        private String container;
        private String name;
        private long size;
        private String contentType;
        private String contentEncoding;
        private String cacheControl;
        private String contentDisposition;
        private String contentMd5;
        private String etag;
        private Instant lastModified;
        private Instant createdAt;
        private Map<String, String> metadata = Map.of();
        private AccessTier tier;
        private String tierName;
        private String archiveStatus;
        private String versionId;
        private boolean currentVersion = true;
        private String snapshot;
        private String leaseState;
        private Instant lastAccessedOn;

        private Builder() {
        }

        public Builder container(String v) { container = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder size(long v) { size = v; return this; }
        public Builder contentType(String v) { contentType = v; return this; }
        public Builder contentEncoding(String v) { contentEncoding = v; return this; }
        public Builder cacheControl(String v) { cacheControl = v; return this; }
        public Builder contentDisposition(String v) { contentDisposition = v; return this; }
        public Builder contentMd5(String v) { contentMd5 = v; return this; }
        public Builder etag(String v) { etag = v; return this; }
        public Builder lastModified(Instant v) { lastModified = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder metadata(Map<String, String> v) { metadata = v; return this; }
        public Builder tier(AccessTier v) { tier = v; return this; }
        public Builder tierName(String v) { tierName = v; return this; }
        public Builder archiveStatus(String v) { archiveStatus = v; return this; }
        public Builder versionId(String v) { versionId = v; return this; }
        public Builder currentVersion(boolean v) { currentVersion = v; return this; }
        public Builder snapshot(String v) { snapshot = v; return this; }
        public Builder leaseState(String v) { leaseState = v; return this; }
        public Builder lastAccessedOn(Instant v) { lastAccessedOn = v; return this; }

        public BlobProperties build() {
            return new BlobProperties(container, name, size, contentType, contentEncoding, cacheControl,
                    contentDisposition, contentMd5, etag, lastModified, createdAt, metadata, tier, tierName,
                    archiveStatus, versionId, currentVersion, snapshot, leaseState, lastAccessedOn);
        }
    }
}
