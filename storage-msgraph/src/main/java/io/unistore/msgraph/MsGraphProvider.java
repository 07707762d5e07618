package io.unistore.msgraph;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;

/**
 * The Microsoft Graph provider (id {@code msgraph}): a OneDrive or a SharePoint document library as a FileStore,
 * over Microsoft's Graph SDK for Java. It claims {@code msgraph://drive/<driveId>} and
 * {@code msgraph://site/<siteId>} (the site's default document library). Credentials: options {@code tenantId},
 * {@code clientId} and {@code clientSecret} (client credentials), else {@code DefaultAzureCredential}; for tests,
 * {@code accessToken} with a {@code baseUrl} on 127.0.0.1. The module README lists every option.
 */
public final class MsGraphProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "msgraph";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String addressHelp() {
        return "msgraph://drive/<driveId> or msgraph://site/<siteId> (options tenantId, clientId, clientSecret)";
    }

    @Override
    public boolean accepts(String address) {
        return GraphAddress.claims(address);
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        return new GraphAccount(GraphAddress.parse(config));
    }
}
