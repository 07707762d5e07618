package io.unistore.azure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.TableStoreContract;

/** The kit's table contract against a real account, only when {@code UNISTORE_AZURE_CONNECTION_STRING} is set. */
class AzureTableStoreTckLiveTest extends TableStoreContract {
    @Override
    protected StorageAccount openAccount() {
        String connectionString = System.getenv("UNISTORE_AZURE_CONNECTION_STRING");
        assumeTrue(connectionString != null, "UNISTORE_AZURE_CONNECTION_STRING is not set");
        return Unistore.open(connectionString);
    }
}
