package io.unistore.aws;

import io.unistore.testsupport.s3proxy.S3Proxy;
import io.unistore.spi.ProviderConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The provider's blob store on the shared S3Proxy, with every HTTP request it sends recorded: for behaviour
 * S3Proxy does not carry out (storage classes on copies, RestoreObject), the tests check what was asked of S3.
 */
final class RecordingStore implements AutoCloseable {
    final List<SdkHttpRequest> requests = new CopyOnWriteArrayList<>();
    final S3BlobStore blobs;
    private final S3Context ctx;

    RecordingStore(Map<String, String> extra) {
        Map<String, String> options = S3ProxyAccounts.options(S3Proxy.shared());
        options.putAll(extra);
        S3Settings settings = S3Settings.parse(new ProviderConfig("s3://", options), () -> null);
        var credentials = S3Clients.credentials(settings.credentials());
        var s3 = S3Clients.clientBuilder(settings, credentials)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes a) {
                        requests.add(context.httpRequest());
                    }
                })).build();
        ctx = new S3Context(s3, S3Clients.presigner(settings, credentials), settings);
        blobs = new S3BlobStore(ctx);
    }

    /** The last request sent with this HTTP method. */
    SdkHttpRequest last(String method) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).method().name().equals(method)) {
                return requests.get(i);
            }
        }
        throw new AssertionError("no " + method + " request among " + requests.size());
    }

    @Override
    public void close() {
        ctx.close();
    }
}
