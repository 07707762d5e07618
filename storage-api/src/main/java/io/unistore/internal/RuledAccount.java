package io.unistore.internal;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.spi.AccountBackend;
import io.unistore.table.TableStore;
import java.util.function.Function;

/**
 * The account handed to users: the top of the account's backend chain (its layers, then the provider) behind
 * the API's rules. Each store is made once, on first use, after its capability is checked.
 */
public final class RuledAccount implements StorageAccount {
    private final AccountBackend backend;
    private final Capabilities capabilities;
    private final Guard guard;
    private final Lazy<BlobStore> blobs;
    private final Lazy<TableStore> tables;
    private final Lazy<QueueStore> queues;
    private final Lazy<FileStore> files;

    private RuledAccount(AccountBackend backend) {
        this.backend = backend;
        this.capabilities = backend.capabilities();
        this.guard = new Guard(backend.providerId());
        this.blobs = new Lazy<>(Capability.BLOBS, "blobs()",
                b -> new RuledBlobStore(b.blobs(), capabilities, guard));
        this.tables = new Lazy<>(Capability.TABLES, "tables()",
                b -> new RuledTableStore(b.tables(), capabilities, guard));
        this.queues = new Lazy<>(Capability.QUEUES, "queues()",
                b -> new RuledQueueStore(b.queues(), capabilities, guard));
        this.files = new Lazy<>(Capability.FILES, "files()",
                b -> new RuledFileStore(b.files(), capabilities, guard));
    }

    /** {@code account}'s backend chain under more layers, as a new user-facing account. */
    public static StorageAccount layered(StorageAccount account, java.util.List<io.unistore.spi.Layer> layers) {
        if (!(account instanceof RuledAccount ruled)) {
            throw new IllegalArgumentException("not an account opened by Unistore: " + account);
        }
        return new RuledAccount(Layers.stack(ruled.backend, layers));
    }

    /** The user-facing account over a backend chain. */
    public static StorageAccount over(AccountBackend backend) {
        return new RuledAccount(backend);
    }

    @Override
    public String providerId() {
        return backend.providerId();
    }

    @Override
    public String displayName() {
        return backend.displayName();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public BlobStore blobs() {
        return blobs.get();
    }

    @Override
    public TableStore tables() {
        return tables.get();
    }

    @Override
    public QueueStore queues() {
        return queues.get();
    }

    @Override
    public FileStore files() {
        return files.get();
    }

    @Override
    public void close() {
        guard.run(backend::close);
    }

    @Override
    public String toString() {
        return displayName();
    }

    /** One store, made on first use once its capability is checked. */
    private final class Lazy<T> {
        private final Capability needed;
        private final String what;
        private final Function<AccountBackend, T> make;
        private volatile T value;

        Lazy(Capability needed, String what, Function<AccountBackend, T> make) {
            this.needed = needed;
            this.what = what;
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        capabilities.require(needed, what);
                        v = guard.call(() -> make.apply(backend));
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
