package io.unistore.spi;

import io.unistore.Capabilities;
import java.util.Objects;

/**
 * An account that forwards every call to another: the base of a {@link Layer}. Override a store accessor to
 * wrap that store (the API calls each accessor once per account), or {@link #capabilities()} to declare less.
 */
public class ForwardingAccountBackend implements AccountBackend {
    private final AccountBackend delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingAccountBackend(AccountBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The account below. */
    protected AccountBackend delegate() {
        return delegate;
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
        return delegate.capabilities();
    }

    @Override
    public BlobBackend blobs() {
        return delegate.blobs();
    }

    @Override
    public TableBackend tables() {
        return delegate.tables();
    }

    @Override
    public QueueBackend queues() {
        return delegate.queues();
    }

    @Override
    public FileBackend files() {
        return delegate.files();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + delegate + ")";
    }
}
