package io.unistore.msgraph;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.FileStoreContract;
import java.util.Map;

/**
 * The kit's file contract against a real tenant's drive, only when {@code MSGRAPH_TENANT_ID},
 * {@code MSGRAPH_CLIENT_ID}, {@code MSGRAPH_CLIENT_SECRET} and {@code MSGRAPH_DRIVE_ID} are set (an app
 * registration with {@code Files.ReadWrite.All} or {@code Sites.ReadWrite.All}, application permission). Its
 * shares are folders at the top of that drive, created and removed by the kit.
 */
class GraphFileStoreTckLiveTest extends FileStoreContract {
    @Override
    protected StorageAccount openAccount() {
        String tenant = System.getenv("MSGRAPH_TENANT_ID");
        String client = System.getenv("MSGRAPH_CLIENT_ID");
        String secret = System.getenv("MSGRAPH_CLIENT_SECRET");
        String drive = System.getenv("MSGRAPH_DRIVE_ID");
        assumeTrue(tenant != null && client != null && secret != null && drive != null,
                "MSGRAPH_TENANT_ID, MSGRAPH_CLIENT_ID, MSGRAPH_CLIENT_SECRET and MSGRAPH_DRIVE_ID are not all set");
        return Unistore.open("msgraph://drive/" + drive, Map.of("tenantId", tenant, "clientId", client,
                "clientSecret", secret));
    }
}
