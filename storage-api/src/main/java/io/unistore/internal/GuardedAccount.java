package io.unistore.internal;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableStore;

/**
 * The account handed to users: the provider's account with each store behind a {@link CapabilityGuard}.
 */
public final class GuardedAccount implements StorageAccount {
    private final StorageAccount delegate;
    private final Capabilities capabilities;
    private volatile BlobStore blobs;
    private volatile TableStore tables;
    private volatile QueueStore queues;
    private volatile FileStore files;

    private GuardedAccount(StorageAccount delegate) {
        this.delegate = delegate;
        this.capabilities = delegate.capabilities();
    }

    /** Guards an account (once). */
    public static StorageAccount wrap(StorageAccount account) {
        return account instanceof GuardedAccount ? account : new GuardedAccount(account);
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public String displayName() {
        return delegate.displayName();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public BlobStore blobs() {
        BlobStore b = blobs;
        if (b == null) {
            capabilities.require(Capability.BLOBS, "blobs()");
            b = CapabilityGuard.wrap(BlobStore.class, delegate.blobs(), capabilities, providerId());
            blobs = b;
        }
        return b;
    }

    @Override
    public TableStore tables() {
        TableStore t = tables;
        if (t == null) {
            capabilities.require(Capability.TABLES, "tables()");
            t = CapabilityGuard.wrap(TableStore.class, delegate.tables(), capabilities, providerId());
            tables = t;
        }
        return t;
    }

    @Override
    public QueueStore queues() {
        QueueStore q = queues;
        if (q == null) {
            capabilities.require(Capability.QUEUES, "queues()");
            q = CapabilityGuard.wrap(QueueStore.class, delegate.queues(), capabilities, providerId());
            queues = q;
        }
        return q;
    }

    @Override
    public FileStore files() {
        FileStore f = files;
        if (f == null) {
            capabilities.require(Capability.FILES, "files()");
            f = CapabilityGuard.wrap(FileStore.class, delegate.files(), capabilities, providerId());
            files = f;
        }
        return f;
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
