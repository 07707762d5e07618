package io.unistore.mcp;

import io.unistore.testsupport.s3proxy.S3Proxy;
import java.nio.file.Path;
import java.util.Map;

/** The blob tools on an AWS account served by S3Proxy (in memory, with versioning); the secret key comes from the environment. */
class S3ProxyStoreToolsIT extends StoreToolsContract {
    @Override
    Backend backend() {
        return new Backend() {
            @Override
            public String name() {
                return "s3proxy";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                S3Proxy proxy = S3Proxy.shared();
                return Map.of("address", "s3://", "options", Map.of("endpoint", proxy.endpoint().toString(),
                        "accessKeyId", proxy.identity(), "secretAccessKey", "${env:UNISTORE_TEST_S3_SECRET}",
                        "region", S3Proxy.REGION, "versioning", "true", "maxAttempts", "2"));
            }

            @Override
            public boolean keepsTierChanges() {
                return false;
            }

            @Override
            public Map<String, String> environment() {
                return Map.of("UNISTORE_TEST_S3_SECRET", S3Proxy.shared().credential());
            }
        };
    }
}
