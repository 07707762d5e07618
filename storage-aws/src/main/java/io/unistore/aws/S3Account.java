package io.unistore.aws;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.Limits;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;

/** An S3 endpoint, region and credentials: one blob store whose containers are buckets. */
final class S3Account implements AccountBackend {
    /** ListObjectsV2 and ListObjectVersions return at most 1000 keys a page. */
    private static final int MAX_KEYS = 1000;

    private final S3Context ctx;
    private final Capabilities capabilities;
    private final BlobBackend blobs;

    S3Account(S3Context ctx) {
        this.ctx = ctx;
        this.capabilities = capabilities(ctx.settings);
        this.blobs = new S3BlobStore(ctx);
    }

    /**
     * What S3 does: tiers with archive and restore, presigned URLs, server-side copy; versions only when the
     * account enables them on the buckets it creates, tiers unless the account says the store has no storage
     * classes. No container metadata, snapshots, leases or copy from URL. Pages of at most 1000 keys; S3's
     * bucket and metadata rules ({@link S3Names}).
     */
    static Capabilities capabilities(S3Settings settings) {
        Capabilities c = Capabilities.of(Capability.BLOBS, Capability.BLOB_PRESIGNED_URLS,
                        Capability.BLOB_SERVER_SIDE_COPY)
                .withLimits(Limits.defaults().withMaxPageSize(MAX_KEYS))
                .withNaming(S3Names.RULES);
        if (settings.tiers()) {
            c = c.with(Capability.BLOB_TIERS).with(Capability.BLOB_ARCHIVE);
        }
        if (settings.versioning()) {
            c = c.with(Capability.BLOB_VERSIONS);
        }
        return c;
    }

    @Override
    public String providerId() {
        return S3Provider.ID;
    }

    @Override
    public String displayName() {
        return ctx.settings.describe();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public BlobBackend blobs() {
        return blobs;
    }

    @Override
    public void close() {
        ctx.close();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
