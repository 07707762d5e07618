package io.unistore.azure;

import com.azure.core.http.policy.HttpPipelinePolicy;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;
import java.util.List;

/**
 * The Azure Storage provider (id {@code azure}): Blob, Table, Queue and Files over Microsoft's official SDKs.
 *
 * <p>It claims Azure Storage connection strings (including {@code UseDevelopmentStorage=true}) and URLs of the
 * Azure clouds ({@code https://<account>.blob.core.windows.net}, sovereign clouds, SAS URLs). Other endpoints,
 * such as an emulator's {@code http://127.0.0.1:10000/devstoreaccount1}, open when the provider is named
 * explicitly ({@code provider=azure}). Credentials: an account key (connection string or option
 * {@code accountKey}), a SAS (connection string, URL query or option {@code sasToken}), else Entra ID through
 * {@code DefaultAzureCredential}. The module README lists every option.
 */
public final class AzureProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "azure";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String addressHelp() {
        return "an Azure Storage connection string (or UseDevelopmentStorage=true), an account URL "
                + "https://<account>.blob.core.windows.net (Entra ID, or options accountKey/sasToken) or a SAS URL";
    }

    @Override
    public boolean accepts(String address) {
        return AzureAddress.isAzureAddress(address);
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        return open(config, List.of());
    }

    /**
     * Test-only hook: opens an account whose SDK clients also run {@code extraPolicies} (after signing). The
     * Azure Files stand-in tests use it to reach a local server; production code never passes any.
     */
    static AccountBackend open(ProviderConfig config, List<HttpPipelinePolicy> extraPolicies) {
        AzureAddress address = AzureAddress.parse(config);
        return new AzureAccount(address, config, new AzureClients(address, config, extraPolicies));
    }
}
