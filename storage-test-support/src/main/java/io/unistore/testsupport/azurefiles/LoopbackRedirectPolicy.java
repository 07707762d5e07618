package io.unistore.testsupport.azurefiles;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.MalformedURLException;
import java.net.URL;
import reactor.core.publisher.Mono;

/**
 * Test-only: sends requests for {@code devstoreaccount1.file.core.windows.net} to the stand-in on 127.0.0.1,
 * after the SDK has signed them for the original URL (it runs per retry, last in the pipeline), so the stand-in
 * verifies a real SharedKey signature. Requests for any other host pass unchanged. Never use it in production.
 */
public final class LoopbackRedirectPolicy implements HttpPipelinePolicy {
    private static final String HOST = AzureFilesStandIn.ACCOUNT + ".file.core.windows.net";

    private final int port;

    public LoopbackRedirectPolicy(int port) {
        this.port = port;
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        redirect(context);
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        redirect(context);
        return next.processSync();
    }

    private void redirect(HttpPipelineCallContext context) {
        URL url = context.getHttpRequest().getUrl();
        if (!url.getHost().equalsIgnoreCase(HOST)) {
            return;
        }
        String file = url.getFile();
        try {
            context.getHttpRequest().setUrl(new URL("http", "127.0.0.1", port, file));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot redirect " + url, e);
        }
    }
}
