package io.unistore.testsupport.azurefiles;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.MalformedURLException;
import java.net.URL;
import reactor.core.publisher.Mono;

/**
 * Test-only: sends requests for {@code devstoreaccount1.file.core.windows.net} to the stand-in on 127.0.0.1,
 * after the SDK has signed them for the original URL (it runs per retry, last in the pipeline), so the stand-in
 * verifies a real SharedKey signature. Requests for any other host pass unchanged. Never use it in production.
 *
 * <p>{@link #to(String, String, int)} does the same for another host and scheme (the Key Vault stand-in: the SDK
 * checks the challenge's resource against the vault's domain, so it must be built on a real-looking vault URL).
 */
public final class LoopbackRedirectPolicy implements HttpPipelinePolicy {
    private final String host;
    private final String scheme;
    private final int port;
    private final boolean restore;

    /** Sends the Files stand-in's account host to {@code http://127.0.0.1:port}. */
    public LoopbackRedirectPolicy(int port) {
        this(AzureFilesStandIn.ACCOUNT + ".file.core.windows.net", "http", port, false);
    }

    private LoopbackRedirectPolicy(String host, String scheme, int port, boolean restore) {
        this.host = host;
        this.scheme = scheme;
        this.port = port;
        this.restore = restore;
    }

    /**
     * Sends requests for {@code host} to {@code scheme://127.0.0.1:port}, path and query unchanged; the policies
     * before this one see their own request again once the answer is back (Key Vault's challenge check compares
     * the challenge's resource with the host of the request it sent).
     */
    public static LoopbackRedirectPolicy to(String host, String scheme, int port) {
        return new LoopbackRedirectPolicy(host, scheme, port, true);
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        HttpRequest original = context.getHttpRequest();
        if (!redirect(context) || !restore) {
            return next.process();
        }
        return next.process().doOnEach(signal -> context.setHttpRequest(original));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        HttpRequest original = context.getHttpRequest();
        if (!redirect(context) || !restore) {
            return next.processSync();
        }
        try {
            return next.processSync();
        } finally {
            context.setHttpRequest(original);
        }
    }

    /**
     * Points the request at 127.0.0.1 when it is for the host: a copy when the original is to be seen again, else
     * the request itself (as the Files stand-in's clients have always had it).
     */
    private boolean redirect(HttpPipelineCallContext context) {
        URL url = context.getHttpRequest().getUrl();
        if (!url.getHost().equalsIgnoreCase(host)) {
            return false;
        }
        String file = url.getFile();
        try {
            URL target = new URL(scheme, "127.0.0.1", port, file);
            if (restore) {
                context.setHttpRequest(context.getHttpRequest().copy().setUrl(target));
            } else {
                context.getHttpRequest().setUrl(target);
            }
            return true;
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot redirect " + url, e);
        }
    }
}
