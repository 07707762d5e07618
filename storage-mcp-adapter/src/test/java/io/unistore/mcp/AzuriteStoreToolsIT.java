package io.unistore.mcp;

import io.unistore.testsupport.azurite.Azurite;
import java.nio.file.Path;
import java.util.Map;

/**
 * The store tools on an Azure account served by Azurite (blobs, tables, queues; Azurite has no Files and no
 * blob versions, so those tools are not listed). The connection string reaches the server through an
 * environment variable, as a user's secret would.
 */
class AzuriteStoreToolsIT extends StoreToolsContract {
    @Override
    Backend backend() {
        return new Backend() {
            @Override
            public String name() {
                return "azurite";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                Azurite.shared();
                return Map.of("address", "${env:UNISTORE_TEST_AZURE_CONNECTION}", "options",
                        Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100"));
            }

            @Override
            public Map<String, String> environment() {
                return Map.of("UNISTORE_TEST_AZURE_CONNECTION", Azurite.shared().connectionString());
            }
        };
    }
}
