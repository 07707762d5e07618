package io.unistore.azure;

import com.azure.core.credential.AzureNamedKeyCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.file.share.ShareServiceClient;
import com.azure.storage.file.share.ShareServiceClientBuilder;
import com.azure.storage.file.share.models.ShareTokenIntent;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.unistore.azure.AzureAddress.CredentialKind;
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
    private final HttpClient http = HttpClient.createDefault();
    private final TokenCredential token;
    private final RetrySettings retry;
    private final List<HttpPipelinePolicy> extraPolicies;

    /**
     * How failed requests are retried (exponential backoff), from the options {@code maxRetries} (default 4),
     * {@code retryDelayMs} (default 800) and {@code maxRetryDelayMs} (default 30000).
     */
    record RetrySettings(int maxRetries, Duration delay, Duration maxDelay) {
        static RetrySettings from(ProviderConfig config) {
            int retries = config.intOption("maxRetries", 4);
            int delay = config.intOption("retryDelayMs", 800);
            int maxDelay = config.intOption("maxRetryDelayMs", 30_000);
            if (retries < 0 || delay < 1 || maxDelay < delay) {
                throw io.unistore.StorageException.invalidArgument("maxRetries/retryDelayMs/maxRetryDelayMs",
                        "need maxRetries >= 0 and 1 <= retryDelayMs <= maxRetryDelayMs");
            }
            return new RetrySettings(retries, Duration.ofMillis(delay), Duration.ofMillis(maxDelay));
        }

        RequestRetryOptions storage() {
            return new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, maxRetries + 1, (Duration) null, delay,
                    maxDelay, null);
        }

        RetryOptions core() {
            return new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(maxRetries).setBaseDelay(delay)
                    .setMaxDelay(maxDelay));
        }
    }

    AzureClients(AzureAddress address, ProviderConfig config, List<HttpPipelinePolicy> extraPolicies) {
        this.address = address;
        this.retry = RetrySettings.from(config);
        this.extraPolicies = List.copyOf(extraPolicies);
        this.token = address.credential().kind() == CredentialKind.ENTRA_ID ? entraCredential(config) : null;
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
        BlobServiceClientBuilder b = new BlobServiceClientBuilder().endpoint(address.endpoint(Service.BLOB))
                .httpClient(http).retryOptions(retry.storage());
        switch (address.credential().kind()) {
            case SHARED_KEY -> b.credential(sharedKey());
            case SAS -> b.sasToken(address.credential().secret());
            case ENTRA_ID -> b.credential(token);
        }
        extraPolicies.forEach(b::addPolicy);
        return b.buildClient();
    }

    QueueServiceClient queueService() {
        QueueServiceClientBuilder b = new QueueServiceClientBuilder().endpoint(address.endpoint(Service.QUEUE))
                .httpClient(http).retryOptions(retry.storage()).messageEncoding(QueueMessageEncoding.NONE);
        switch (address.credential().kind()) {
            case SHARED_KEY -> b.credential(sharedKey());
            case SAS -> b.sasToken(address.credential().secret());
            case ENTRA_ID -> b.credential(token);
        }
        extraPolicies.forEach(b::addPolicy);
        return b.buildClient();
    }

    TableServiceClient tableService() {
        TableServiceClientBuilder b = new TableServiceClientBuilder().endpoint(address.endpoint(Service.TABLE))
                .httpClient(http).retryOptions(retry.core());
        switch (address.credential().kind()) {
            case SHARED_KEY -> b.credential(new AzureNamedKeyCredential(address.accountName(),
                    address.credential().secret()));
            case SAS -> b.sasToken(address.credential().secret());
            case ENTRA_ID -> b.credential(token);
        }
        extraPolicies.forEach(b::addPolicy);
        return b.buildClient();
    }

    ShareServiceClient shareService() {
        ShareServiceClientBuilder b = new ShareServiceClientBuilder().endpoint(address.endpoint(Service.FILE))
                .httpClient(http).retryOptions(retry.storage());
        switch (address.credential().kind()) {
            case SHARED_KEY -> b.credential(sharedKey());
            case SAS -> b.sasToken(address.credential().secret());
            // Azure Files over OAuth needs the caller to declare its intent on every request.
            case ENTRA_ID -> b.credential(token).shareTokenIntent(ShareTokenIntent.BACKUP);
        }
        extraPolicies.forEach(b::addPolicy);
        return b.buildClient();
    }

    private StorageSharedKeyCredential sharedKey() {
        return new StorageSharedKeyCredential(address.accountName(), address.credential().secret());
    }
}
