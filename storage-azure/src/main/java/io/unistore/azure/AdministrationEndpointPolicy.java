package io.unistore.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.MalformedURLException;
import java.net.URL;
import reactor.core.publisher.Mono;

/**
 * Sends the Service Bus administration client's requests to another base URL. The client always calls
 * {@code https://<namespace host>}; a development emulator or stand-in serves the administration API over
 * plain HTTP on a port of its own, named by the option {@code administrationEndpoint}.
 */
final class AdministrationEndpointPolicy implements HttpPipelinePolicy {
    private final URL base;

    AdministrationEndpointPolicy(String endpoint) {
        try {
            this.base = new URL(endpoint);
        } catch (MalformedURLException e) {
            throw io.unistore.StorageException.invalidArgument("administrationEndpoint", "is not a valid URL");
        }
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        URL url = context.getHttpRequest().getUrl();
        try {
            context.getHttpRequest().setUrl(new URL(base.getProtocol(), base.getHost(), base.getPort(), url.getFile()));
        } catch (MalformedURLException e) {
            return Mono.error(e);
        }
        return next.process();
    }
}
