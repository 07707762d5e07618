package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.Unistore;
import io.unistore.spi.ProviderConfig;
import io.unistore.testsupport.s3proxy.S3Proxy;
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
 * The account is built here, to add the recorder to its client, and stands in (by a layer) for the one the
 * provider opens with the same options: so every call goes through the API's rules as {@code Unistore.open}
 * hands accounts out.
 */
final class RecordingStore implements AutoCloseable {
    final List<SdkHttpRequest> requests = new CopyOnWriteArrayList<>();
    /** The bodies of bucket lifecycle requests (small XML documents), in order. */
    final List<String> lifecycleBodies = new CopyOnWriteArrayList<>();
    final BlobStore blobs;
    private final StorageAccount account;

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
                        if (context.httpRequest().rawQueryParameters().containsKey("lifecycle")) {
                            context.requestBody().ifPresent(b -> lifecycleBodies.add(text(b)));
                        }
                    }
                })).build();
        S3Account recording = new S3Account(settings, AwsServices.parse(new io.unistore.spi.ProviderConfig("s3://", java.util.Map.of())),
                new S3Context(s3, S3Clients.presigner(settings, credentials), settings), null, null);
        account = Unistore.builder().address("s3://").options(options).layer(opened -> {
            opened.close();
            return recording;
        }).open();
        blobs = account.blobs();
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

    private static String text(software.amazon.awssdk.core.sync.RequestBody body) {
        try (java.io.InputStream in = body.contentStreamProvider().newStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        account.close();
    }
}
