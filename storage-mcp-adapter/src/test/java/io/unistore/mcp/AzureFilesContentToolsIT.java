package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.azurefiles.AzureFilesStandIn;
import io.unistore.testsupport.azurefiles.LoopbackHttpProxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The file content tools (download-file ranges, grep-files, find-files, edit-file, patch-file, read-many-files) on
 * the Azure Files stand-in. The server is a child process, so it reaches the stand-in through an HTTP proxy
 * (the JVM's {@code http.proxyHost}, read by the Azure SDK) rather than a pipeline policy. The account has only
 * a FileEndpoint, so the blob tools are not listed.
 */
class AzureFilesContentToolsIT extends FileContentToolsContract {
    private LoopbackHttpProxy files;

    @Override
    Backend backend() {
        return new Backend() {
            @Override
            public String name() {
                return "azurefiles";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                files = LoopbackHttpProxy.start(AzureFilesStandIn.shared().port());
                return Map.of("address", "AccountName=" + AzureFilesStandIn.ACCOUNT
                        + ";AccountKey=${env:UNISTORE_TEST_FILES_KEY};FileEndpoint=" + AzureFilesStandIn.SDK_ENDPOINT,
                        "options",
                        Map.of("maxRetries", "1", "retryDelayMs", "50"));
            }

            @Override
            public Map<String, String> environment() {
                // the Azure SDK takes a proxy from the JVM's http.proxyHost (HTTP_PROXY only with useSystemProxies)
                return Map.of("UNISTORE_TEST_FILES_KEY", AzureFilesStandIn.KEY, "JAVA_TOOL_OPTIONS",
                        "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=" + files.port());
            }

            @Override
            public void close() {
                if (files != null) {
                    files.close();
                }
            }
        };
    }

    @Test
    void theFileToolsAreListedAndTheBlobToolsAreNot() {
        assertThat(mcp.tools()).containsKeys("grep-files", "find-files", "edit-file", "patch-file", "read-many-files",
                "download-file").doesNotContainKeys("grep-blobs", "set-blob-tags");
    }
}
