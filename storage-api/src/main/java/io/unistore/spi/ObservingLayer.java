package io.unistore.spi;

import java.util.Objects;

/**
 * A layer that reports every call of every store to a {@link CallObserver} and changes nothing: the shared base
 * of the audit and telemetry layers. Each SPI call is one {@link StoreCall}; a listing or query is one call per
 * page it fetches (pages are fetched lazily, as the caller iterates); {@code openInputStream} ends when the
 * stream is closed, with the bytes read.
 */
public final class ObservingLayer implements Layer {
    private final CallObserver observer;

    /** Reports to {@code observer}. */
    public ObservingLayer(CallObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        return new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                return new ObservedBlobs(super.blobs(), observer);
            }

            @Override
            public TableBackend tables() {
                return new ObservedTables(super.tables(), observer);
            }

            @Override
            public QueueBackend queues() {
                return new ObservedQueues(super.queues(), observer);
            }

            @Override
            public FileBackend files() {
                return new ObservedFiles(super.files(), observer);
            }
        };
    }

    @Override
    public String toString() {
        return "ObservingLayer(" + observer + ")";
    }
}
