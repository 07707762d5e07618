package io.unistore.gcp;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link GcsStandIn} and an account on it, with retries shortened so injected faults fail fast.
 * Versioning is on unless the options say otherwise.
 */
final class StandInFixture implements AutoCloseable {
    static final String PROJECT = "unistore-test";

    final GcsStandIn gcs;
    final StorageAccount account;
    final BlobStore blobs;

    private StandInFixture(GcsStandIn gcs, StorageAccount account) {
        this.gcs = gcs;
        this.account = account;
        this.blobs = account.blobs();
    }

    /** Starts a stand-in and opens an account on it with {@code extra} options (name, value, ...). */
    static StandInFixture start(String... extra) {
        GcsStandIn gcs = GcsStandIn.start();
        return new StandInFixture(gcs, open(gcs, extra));
    }

    /** Options for an anonymous account on the stand-in, plus {@code extra}. */
    static Map<String, String> options(GcsStandIn gcs, String... extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("endpoint", gcs.endpoint());
        options.put("credentials", "none");
        options.put("versioning", "true");
        options.put("maxAttempts", "3");
        options.put("retryDelayMillis", "10");
        options.put("maxRetryDelayMillis", "50");
        options.put("timeoutMillis", "30000");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return options;
    }

    static StorageAccount open(GcsStandIn gcs, String... extra) {
        return Unistore.open("gs://" + PROJECT, options(gcs, extra));
    }

    @Override
    public void close() {
        account.close();
        gcs.close();
    }
}
