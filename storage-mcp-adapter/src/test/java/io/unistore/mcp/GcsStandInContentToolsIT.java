package io.unistore.mcp;

import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.nio.file.Path;
import java.util.Map;

/** The content tools on the GCS stand-in, through a counting proxy. */
class GcsStandInContentToolsIT extends ContentToolsContract {
    private FaultProxy proxy;
    private GcsStandIn gcs;

    @Override
    FaultProxy proxy() {
        return proxy;
    }

    @Override
    Backend backend() {
        return new Backend() {
            @Override
            public String name() {
                return "gcs";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                gcs = GcsStandIn.start();
                proxy = FaultProxy.start(gcs.port(), FaultPlan.none());
                return Map.of("address", "gs://unistore-test", "options", Map.of("endpoint", proxy.endpoint(),
                        "credentials", "none", "maxAttempts", "3", "retryDelayMillis", "10",
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
