package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.spi.ProviderConfig;
import io.unistore.testsupport.azurefiles.AzureFilesStandIn;
import io.unistore.testsupport.azurefiles.LoopbackRedirectPolicy;
import java.util.List;
import java.util.Map;

/**
 * Opens an Azure Files account on the stand-in: the SDK clients are built on the account's usual host-style
 * endpoint and the test-only {@link LoopbackRedirectPolicy} (passed through the provider's package-private test
 * hook) sends each signed request to 127.0.0.1.
 */
final class FilesStandInAccounts {
    private FilesStandInAccounts() {
    }

    static StorageAccount open() {
        AzureFilesStandIn standIn = AzureFilesStandIn.shared();
        String connectionString = "AccountName=" + AzureFilesStandIn.ACCOUNT + ";AccountKey=" + AzureFilesStandIn.KEY
                + ";FileEndpoint=" + AzureFilesStandIn.SDK_ENDPOINT;
        ProviderConfig config = new ProviderConfig(connectionString, Map.of("maxRetries", "1", "retryDelayMs", "50"));
        return Unistore.of(AzureProvider.open(config, List.of(new LoopbackRedirectPolicy(standIn.port()))));
    }
}
