package io.unistore.mcp;

import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxy;
import java.nio.file.Path;
import java.util.Map;

/** The content tools on Azurite, through a counting proxy. */
class AzuriteContentToolsIT extends ContentToolsContract {
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
                return "azurite";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                proxy = FaultProxy.start(FaultProxy.portOf(Azurite.shared().blobEndpoint()), FaultPlan.none());
                return Map.of("address", "${env:UNISTORE_TEST_AZURE_CONNECTION}", "options",
                        Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100"));
            }

            @Override
            public Map<String, String> environment() {
                return Map.of("UNISTORE_TEST_AZURE_CONNECTION", proxy.route(Azurite.shared().connectionString()));
            }
        };
    }
}
