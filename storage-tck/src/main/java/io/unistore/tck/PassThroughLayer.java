package io.unistore.tck;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.ForwardingBlobBackend;
import io.unistore.spi.ForwardingFileBackend;
import io.unistore.spi.ForwardingQueueBackend;
import io.unistore.spi.ForwardingTableBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.QueueBackend;
import io.unistore.spi.TableBackend;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A layer that changes nothing: every store is wrapped in the public forwarding bases and every call goes
 * through them. Running the whole kit through it proves layers are transparent, so a layer's author only
 * writes what the layer changes. It counts the stores it wrapped, so a test can check it really sat in the
 * call path.
 */
public final class PassThroughLayer implements Layer {
    private final AtomicLong wrapped = new AtomicLong();

    /** How many stores this layer has wrapped. */
    public long wrappedStores() {
        return wrapped.get();
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        return new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                wrapped.incrementAndGet();
                return new ForwardingBlobBackend(super.blobs());
            }

            @Override
            public TableBackend tables() {
                wrapped.incrementAndGet();
                return new ForwardingTableBackend(super.tables());
            }

            @Override
            public QueueBackend queues() {
                wrapped.incrementAndGet();
                return new ForwardingQueueBackend(super.queues());
            }

            @Override
            public FileBackend files() {
                wrapped.incrementAndGet();
                return new ForwardingFileBackend(super.files());
            }
        };
    }
}
