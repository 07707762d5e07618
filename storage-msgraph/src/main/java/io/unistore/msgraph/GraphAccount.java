package io.unistore.msgraph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.MetadataRules;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.FileBackend;
import java.net.URI;
import java.util.Map;

/**
 * One Graph drive opened as an account: file shares only. What it declares is what {@link GraphFileStore}
 * implements: {@link Capability#FILES}, {@link Capability#FILE_MOVE} (a PATCH of parent and name), no quotas (a drive's quota is the tenant's, not a folder's).
 */
final class GraphAccount implements AccountBackend {
    /** Metadata is kept as JSON in the item's description, so the portable rules; 2 KiB in all. */
    static final Capabilities CAPABILITIES = Capabilities.of(Capability.FILES, Capability.FILE_MOVE)
            .withMetadataRules(MetadataRules.PORTABLE);

    private final GraphAddress address;
    private final GraphFileStore files;

    GraphAccount(GraphAddress address) {
        this.address = address;
        GraphRetry retry = new GraphRetry(address.maxRetries());
        DriveApi api = new DriveApi(client(address), address, retry);
        this.files = new GraphFileStore(api, new SessionUpload(api, address.chunkSize(), retry),
                address.simpleUploadMax());
    }

    /** The SDK's client: a fixed token (tests) or an Azure Identity credential for Graph's scope. */
    private static GraphServiceClient client(GraphAddress address) {
        GraphServiceClient client;
        if (address.accessToken() != null) {
            String token = address.accessToken();
            String host = URI.create(address.baseUrl()).getHost();
            client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(new AccessTokenProvider() {
                @Override
                public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                    return host.equalsIgnoreCase(uri.getHost()) ? token : "";
                }

                @Override
                public AllowedHostsValidator getAllowedHostsValidator() {
                    return new AllowedHostsValidator(host);
                }
            }));
        } else {
            URI base = URI.create(address.baseUrl());
            String scope = base.getScheme() + "://" + base.getHost() + "/.default";
            client = new GraphServiceClient(credential(address), scope);
        }
        client.getRequestAdapter().setBaseUrl(address.baseUrl());
        return client;
    }

    private static TokenCredential credential(GraphAddress address) {
        if (address.clientSecret() != null) {
            return new ClientSecretCredentialBuilder().tenantId(address.tenantId()).clientId(address.clientId())
                    .clientSecret(address.clientSecret()).build();
        }
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
        if (address.tenantId() != null) {
            builder.tenantId(address.tenantId());
        }
        if (address.clientId() != null) {
            builder.managedIdentityClientId(address.clientId());
        }
        return builder.build();
    }

    @Override
    public String providerId() {
        return MsGraphProvider.ID;
    }

    @Override
    public String displayName() {
        return address.describe();
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public FileBackend files() {
        return files;
    }

    @Override
    public void close() {
        // The SDK's OkHttp client frees its idle connections by itself.
    }
}
