package io.unistore.gcp;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens accounts on a {@link GcsStandIn}, with retries shortened so injected faults fail fast. */
final class StandInFixture {
    static final String PROJECT = "unistore-test";

    private StandInFixture() {
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
}
