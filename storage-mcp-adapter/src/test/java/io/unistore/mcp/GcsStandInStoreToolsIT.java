package io.unistore.mcp;

import io.unistore.testsupport.gcs.GcsStandIn;
import java.nio.file.Path;
import java.util.Map;

/** The blob tools on a Google Cloud Storage account served by the GCS stand-in of storage-test-support. */
class GcsStandInStoreToolsIT extends StoreToolsContract {
    @Override
    Backend backend() {
        return new Backend() {
            private GcsStandIn gcs;

            @Override
            public String name() {
                return "gcs";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                gcs = GcsStandIn.start();
                return Map.of("address", "gs://unistore-test", "options", Map.of("endpoint", gcs.endpoint(),
                        "credentials", "none", "versioning", "true", "maxAttempts", "3", "retryDelayMillis", "10",
                        "maxRetryDelayMillis", "50", "timeoutMillis", "30000"));
            }

            @Override
            public void close() {
                if (gcs != null) {
                    gcs.close();
                }
            }
        };
    }
}
