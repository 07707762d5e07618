package io.unistore.aws;

import io.unistore.StorageException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * What every part of the S3 blob store shares: the clients, the settings, the transfer threads, and the one way
 * SDK calls are made ({@link #call}) so that every failure leaves as a {@link StorageException}.
 */
final class S3Context implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    final S3Client s3;
    final S3Presigner presigner;
    final S3Settings settings;
    final ExecutorService transfers;

    S3Context(S3Client s3, S3Presigner presigner, S3Settings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.settings = settings;
        this.transfers = Executors.newCachedThreadPool(daemonThreads("unistore-s3-" + POOLS.incrementAndGet()));
    }

    /** Runs an SDK call, mapping its failure. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.map(what, e);
        }
    }

    @Override
    public void close() {
        transfers.shutdownNow();
        presigner.close();
        s3.close();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
