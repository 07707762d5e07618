package io.unistore.spi;

import io.unistore.Capabilities;

/**
 * What a provider's {@link StorageProvider#open} returns: one account, with the stores it serves. Users never
 * see it: {@link io.unistore.Unistore} wraps it in the layers asked for and then in the API's rules. A
 * provider overrides the accessors of the stores it serves; the others report UNSUPPORTED (and the API never
 * calls them unless the account declares the store's capability).
 */
public interface AccountBackend extends AutoCloseable {

    /** The id of the provider: {@code local}, {@code azure}, {@code aws}, {@code gcp}. */
    String providerId();

    /** A description safe to show and log: the provider and the account or endpoint, never a secret. */
    String displayName();

    /** What the account can do, its limits and its naming rules. Must not change over the account's life. */
    Capabilities capabilities();

    /** The blob store; needs the BLOBS capability. */
    default BlobBackend blobs() {
        throw Unsupported.store("blobs", providerId());
    }

    /** The table store; needs the TABLES capability. */
    default TableBackend tables() {
        throw Unsupported.store("tables", providerId());
    }

    /** The queue store; needs the QUEUES capability. */
    default QueueBackend queues() {
        throw Unsupported.store("queues", providerId());
    }

    /** The file share store; needs the FILES capability. */
    default FileBackend files() {
        throw Unsupported.store("files", providerId());
    }

    /** Releases connections and files; never throws a checked exception. */
    @Override
    void close();
}
