package io.unistore.testsupport.azurefiles;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.AfterRetryPolicyProvider;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * Test-only: lets any Azure SDK client of the JVM reach the shared {@link AzureFilesStandIn} by its plain address
 * ({@link AzureFilesStandIn#connectionString()}), so tests of modules that cannot pass a policy to the Azure
 * provider (another layer's kit, the MCP server) open the stand-in like any Files account. The SDK's storage builders
 * add every {@link AfterRetryPolicyProvider} found by {@link java.util.ServiceLoader} after their signing policy; a
 * module opts in with a test resource {@code META-INF/services/com.azure.core.http.policy.AfterRetryPolicyProvider}
 * naming this class. Only requests for the stand-in's host ({@link AzureFilesStandIn#SDK_ENDPOINT}, never a real
 * account) are redirected, to the shared stand-in (started on the first such request); others pass unchanged.
 */
public final class StandInRedirects implements AfterRetryPolicyProvider {
    private static final String HOST = AzureFilesStandIn.ACCOUNT + ".file.core.windows.net";

    @Override
    public HttpPipelinePolicy create() {
        return new HttpPipelinePolicy() {
            @Override
            public HttpPipelinePosition getPipelinePosition() {
                return HttpPipelinePosition.PER_RETRY;
            }

            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                return forStandIn(context) ? redirect().process(context, next) : next.process();
            }

            @Override
            public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
                return forStandIn(context) ? redirect().processSync(context, next) : next.processSync();
            }
        };
    }

    private static boolean forStandIn(HttpPipelineCallContext context) {
        return context.getHttpRequest().getUrl().getHost().equalsIgnoreCase(HOST);
    }

    private static LoopbackRedirectPolicy redirect() {
        return new LoopbackRedirectPolicy(AzureFilesStandIn.shared().port());
    }
}
