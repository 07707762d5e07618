package io.unistore.gcp;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A Google Cloud project's Cloud Storage, opened with one set of credentials. */
final class GcsAccount implements AccountBackend {
    /** Deletes in flight at once in batch deletes and when emptying a bucket. */
    private static final int DELETE_CONCURRENCY = 8;

    private final GcsClients.Client client;
    private final GcsSettings settings;
    private final Capabilities capabilities;
    private final ExecutorService deleters;
    private final GcsBlobStore blobs;

    GcsAccount(GcsClients.Client client, GcsSettings settings) {
        this.client = client;
        this.settings = settings;
        this.capabilities = capabilities(settings, client.canSign());
        AtomicInteger n = new AtomicInteger();
        this.deleters = Executors.newFixedThreadPool(DELETE_CONCURRENCY, r -> {
            Thread t = new Thread(r, "unistore-gcs-delete-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.blobs = new GcsBlobStore(client.storage(), client.project(), settings, deleters);
    }

    /**
     * BLOBS, BLOB_TIERS, BLOB_ARCHIVE (the ARCHIVE class exists; unlike Azure's it stays readable),
     * BLOB_SERVER_SIDE_COPY, BLOB_CONTAINER_LIFECYCLE (the bucket's lifecycle field); BLOB_VERSIONS with {@code versioning=true}; BLOB_PRESIGNED_URLS when the
     * credentials can sign (a service-account key). Metadata follows Cloud Storage's rules ({@link GcsBlobs#METADATA}).
     */
    static Capabilities capabilities(GcsSettings settings, boolean canSign) {
        Capabilities c = Capabilities.of(Capability.BLOBS, Capability.BLOB_TIERS, Capability.BLOB_ARCHIVE,
                Capability.BLOB_SERVER_SIDE_COPY, Capability.BLOB_CONTAINER_LIFECYCLE).withMetadataRules(GcsBlobs.METADATA);
        if (settings.versioning()) {
            c = c.with(Capability.BLOB_VERSIONS);
        }
        if (canSign) {
            c = c.with(Capability.BLOB_PRESIGNED_URLS);
        }
        return c;
    }

    @Override
    public String providerId() {
        return GcsProvider.ID;
    }

    @Override
    public String displayName() {
        return "gcp: project " + (client.project() == null ? "(default)" : client.project())
                + (settings.endpoint() != null ? " at " + settings.endpoint() : "")
                + " (" + client.credentialsDescription() + ")";
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
        deleters.shutdownNow();
        try {
            client.storage().close();
        } catch (Exception ignored) {
            // nothing left to release that matters
        }
    }

    @Override
    public String toString() {
        return displayName();
    }
}
