package io.unistore.aws;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableStore;
import java.util.EnumSet;

/** An S3 endpoint, region and credentials: one blob store whose containers are buckets. */
final class S3Account implements StorageAccount {
    private final S3Context ctx;
    private final Capabilities capabilities;
    private final BlobStore blobs;

    S3Account(S3Context ctx) {
        this.ctx = ctx;
        this.capabilities = capabilities(ctx.settings);
        this.blobs = new S3BlobStore(ctx);
    }

    /**
     * What S3 does: tiers with archive and restore, presigned URLs, server-side copy; versions only when the
     * account enables them on the buckets it creates, tiers unless the account says the store has no storage
     * classes. No container metadata, snapshots, leases or copy from URL.
     */
    static Capabilities capabilities(S3Settings settings) {
        EnumSet<Capability> set = EnumSet.of(Capability.BLOBS, Capability.BLOB_PRESIGNED_URLS,
                Capability.BLOB_SERVER_SIDE_COPY);
        if (settings.tiers()) {
            set.add(Capability.BLOB_TIERS);
            set.add(Capability.BLOB_ARCHIVE);
        }
        if (settings.versioning()) {
            set.add(Capability.BLOB_VERSIONS);
        }
        return new Capabilities(set, Capabilities.DEFAULT_MAX_TRANSACTION_ACTIONS,
                Capabilities.DEFAULT_MAX_QUEUE_MESSAGE_BYTES, Capabilities.DEFAULT_MAX_PAGE_SIZE)
                .withMetadataRules(S3Metadata.RULES);
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
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public TableStore tables() {
        throw StorageException.unsupported("tables: the aws provider serves S3 blobs only (DynamoDB is planned)");
    }

    @Override
    public QueueStore queues() {
        throw StorageException.unsupported("queues: the aws provider serves S3 blobs only (SQS is planned)");
    }

    @Override
    public FileStore files() {
        throw StorageException.unsupported("files: AWS has no file-share service in this provider");
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
