package io.unistore.examples;

import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.ForwardingBlobBackend;
import io.unistore.spi.Layer;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A small layer to copy from: it reports blob uploads and property reads slower than a threshold. A layer
 * extends {@link ForwardingAccountBackend}, wraps the stores it changes in a {@code Forwarding*Backend}, and
 * overrides only the calls it cares about; everything else passes through unchanged. It sits below the API's
 * rules, so it only ever sees valid calls the account supports.
 *
 * <pre>{@code
 * StorageAccount account = Unistore.builder()
 *         .address("file:unistore-data")
 *         .layer(new SlowCallLayer(Duration.ofMillis(200), System.err::println))
 *         .open();
 * }</pre>
 */
public final class SlowCallLayer implements Layer {
    private final Duration threshold;
    private final Consumer<String> report;

    /** Reports calls slower than {@code threshold} to {@code report}. */
    public SlowCallLayer(Duration threshold, Consumer<String> report) {
        this.threshold = threshold;
        this.report = report;
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        return new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                return new ForwardingBlobBackend(super.blobs()) {
                    @Override
                    public BlobWriteResult upload(String container, String blob, InputStream content,
                                                  UploadOptions options) {
                        return timed("upload " + container + "/" + blob,
                                () -> super.upload(container, blob, content, options));
                    }

                    @Override
                    public io.unistore.blob.BlobProperties getProperties(String container, String blob,
                                                                        ReadOptions options) {
                        return timed("getProperties " + container + "/" + blob,
                                () -> super.getProperties(container, blob, options));
                    }
                };
            }
        };
    }

    private <T> T timed(String call, Supplier<T> run) {
        long start = System.nanoTime();
        try {
            return run.get();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(threshold) >= 0) {
                report.accept("slow call: " + call + " took " + took.toMillis() + " ms");
            }
        }
    }
}
