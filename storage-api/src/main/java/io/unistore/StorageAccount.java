package io.unistore;

import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableStore;

/**
 * One storage account of one provider, with up to four stores. Obtain it from {@link Unistore#open(String)}.
 * Thread-safe; share one instance. Close it to release connections and files.
 */
public interface StorageAccount extends AutoCloseable {

    /** The id of the provider serving this account, e.g. {@code local}, {@code azure}, {@code aws}, {@code gcp}. */
    String providerId();

    /**
     * A description safe to show and log: the provider and the account or endpoint, never a secret.
     */
    String displayName();

    /** What this account can do; calls outside it fail with {@link ErrorCode#UNSUPPORTED}. */
    Capabilities capabilities();

    /**
     * The blob store.
     *
     * @throws StorageException UNSUPPORTED if the account declares no {@link Capability#BLOBS}
     */
    BlobStore blobs();

    /**
     * The table store.
     *
     * @throws StorageException UNSUPPORTED if the account declares no {@link Capability#TABLES}
     */
    TableStore tables();

    /**
     * The queue store.
     *
     * @throws StorageException UNSUPPORTED if the account declares no {@link Capability#QUEUES}
     */
    QueueStore queues();

    /**
     * The file share store.
     *
     * @throws StorageException UNSUPPORTED if the account declares no {@link Capability#FILES}
     */
    FileStore files();

    /** Releases resources; the stores must not be used afterwards. Never throws a checked exception. */
    @Override
    void close();
}
