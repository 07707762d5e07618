package io.unistore.azure;

import com.azure.core.client.traits.AzureNamedKeyCredentialTrait;
import com.azure.core.client.traits.AzureSasCredentialTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.HttpTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.AzureNamedKeyCredential;
import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.HttpClientOptions;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.file.share.ShareServiceClient;
import com.azure.storage.file.share.ShareServiceClientBuilder;
import com.azure.storage.file.share.models.ShareTokenIntent;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.unistore.azure.AzureAddress.Service;
import io.unistore.spi.ProviderConfig;
import java.time.Duration;
import java.util.List;

/**
 * Builds the SDK clients of one account: one HTTP client, one credential and one retry configuration shared by
 * the four services, so retries behave the same everywhere.
 */
final class AzureClients {
    private final AzureAddress address;
    private final HttpClient http;
    private final TokenCredential token;
    private final RetrySettings retry;
    private final List<HttpPipelinePolicy> extraPolicies;

    /**
     * How failed requests are retried (exponential backoff with azure-core's jitter), from the options
     * {@code maxRetries} (default 4), {@code retryDelayMs} (default 800) and {@code maxRetryDelayMs} (default
     * 30000), and how long one try may wait: {@code tryTimeoutMs} (default 60000, azure-core's own default).
     */
    record RetrySettings(int maxRetries, Duration delay, Duration maxDelay, Duration tryTimeout) {
        static RetrySettings from(ProviderConfig config) {
            int retries = config.intOption("maxRetries", 4);
            int delay = config.intOption("retryDelayMs", 800);
            int maxDelay = config.intOption("maxRetryDelayMs", 30_000);
            int tryTimeout = config.intOption("tryTimeoutMs", 60_000);
            if (retries < 0 || retries > 20 || delay < 1 || maxDelay < delay) {
                throw io.unistore.StorageException.invalidArgument("maxRetries/retryDelayMs/maxRetryDelayMs",
                        "need 0 <= maxRetries <= 20 and 1 <= retryDelayMs <= maxRetryDelayMs");
            }
            if (tryTimeout < 1) {
                throw io.unistore.StorageException.invalidArgument("tryTimeoutMs", "must be at least 1, was "
                        + tryTimeout);
            }
            return new RetrySettings(retries, Duration.ofMillis(delay), Duration.ofMillis(maxDelay),
                    Duration.ofMillis(tryTimeout));
        }

        /**
         * The per-try timeout, on the HTTP client all four services share: a try that waits longer than this for
         * the answer's headers, or stalls this long while sending the body or reading the answer, fails and is
         * retried (azure-core's RetryPolicy has no try timeout of its own, and Tables has no storage retry policy).
         */
        HttpClientOptions httpOptions() {
            return new HttpClientOptions().setResponseTimeout(tryTimeout).setReadTimeout(tryTimeout)
                    .setWriteTimeout(tryTimeout);
        }

        /** azure-core's exponential back-off with jitter, which reads Retry-After (capped by RetryAfterCap). */
        RetryOptions options() {
            return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(maxRetries).setBaseDelay(delay)
                    .setMaxDelay(maxDelay));
        }

        /**
         * What the storage builders (Blob, Queue, Files) get: one try. They turn any retry options into their own
         * RequestRetryPolicy, which waits (2^n - 1) x delay without jitter and ignores Retry-After; the retries are
         * made instead by azure-core's RetryPolicy added to the pipeline, as Tables does.
         */
        static RetryOptions oneTry() {
            return new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1)));
        }
    }

    AzureClients(AzureAddress address, ProviderConfig config, List<HttpPipelinePolicy> extraPolicies) {
        this.address = address;
        this.retry = RetrySettings.from(config);
        this.http = HttpClient.createDefault(retry.httpOptions());
        this.extraPolicies = List.copyOf(extraPolicies);
        this.token = address.credential().kind() == AzureAddress.CredentialKind.ENTRA_ID ? entraCredential(config) : null;
    }

    private static TokenCredential entraCredential(ProviderConfig config) {
        DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder();
        if (config.option("tenantId") != null) {
            b.tenantId(config.option("tenantId"));
        }
        if (config.option("managedIdentityClientId") != null) {
            b.managedIdentityClientId(config.option("managedIdentityClientId"));
        }
        return b.build();
    }

    /** The Entra ID credential, or null when the account signs with a key or SAS. */
    TokenCredential tokenCredential() {
        return token;
    }

    BlobServiceClient blobService() {
        return configure(new BlobServiceClientBuilder(), Service.BLOB).buildClient();
    }

    QueueServiceClient queueService() {
        // Bodies become text in AzureQueueStore (QueueMessageText), under the account's or the caller's encoding.
        return configure(new QueueServiceClientBuilder(), Service.QUEUE).messageEncoding(QueueMessageEncoding.NONE)
                .buildClient();
    }

    TableServiceClient tableService() {
        return configure(new TableServiceClientBuilder(), Service.TABLE).buildClient();
    }

    ShareServiceClient shareService() {
        ShareServiceClientBuilder b = configure(new ShareServiceClientBuilder(), Service.FILE);
        if (token != null) {
            // Azure Files over OAuth needs the caller to declare its intent on every request.
            b.shareTokenIntent(ShareTokenIntent.BACKUP);
        }
        return b.buildClient();
    }

    /** The endpoint, credential, HTTP client, retry policy and extra policies every service client shares. */
    private <B extends TokenCredentialTrait<B> & AzureNamedKeyCredentialTrait<B> & AzureSasCredentialTrait<B>
            & HttpTrait<B> & EndpointTrait<B>> B configure(B builder, Service service) {
        builder.endpoint(address.endpoint(service)).httpClient(http);
        if (service == Service.TABLE) {
            builder.retryOptions(retry.options());
        } else {
            builder.retryOptions(RetrySettings.oneTry()).addPolicy(new RetryPolicy(retry.options()));
        }
        switch (address.credential().kind()) {
            case SHARED_KEY -> builder.credential(new AzureNamedKeyCredential(address.accountName(),
                    address.credential().secret()));
            case SAS -> builder.credential(new AzureSasCredential(address.credential().secret()));
            case ENTRA_ID -> builder.credential(token);
        }
        builder.addPolicy(Tries.POLICY).addPolicy(new RetryAfterCap(retry.maxDelay()));
        extraPolicies.forEach(builder::addPolicy);
        return builder;
    }
}
