package io.unistore.mcp;

import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.nio.file.Path;
import java.util.Map;

/** The content tools on S3Proxy, through a counting proxy. */
class S3ProxyContentToolsIT extends ContentToolsContract {
    private FaultProxy proxy;

    @Override
    FaultProxy proxy() {
        return proxy;
    }

    @Override
    Backend backend() {
        return new Backend() {
            @Override
            public String name() {
                return "s3proxy";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                S3Proxy s3 = S3Proxy.shared();
                proxy = FaultProxy.start(s3.endpoint().getPort(), FaultPlan.none());
                return Map.of("address", "s3://", "options", Map.of("endpoint", proxy.endpoint(),
                        "accessKeyId", s3.identity(), "secretAccessKey", "${env:UNISTORE_TEST_S3_SECRET}",
                        "region", S3Proxy.REGION, "maxAttempts", "2", "tags", "false"));
            }

            @Override
            public Map<String, String> environment() {
                return Map.of("UNISTORE_TEST_S3_SECRET", S3Proxy.shared().credential());
            }
        };
    }
}
