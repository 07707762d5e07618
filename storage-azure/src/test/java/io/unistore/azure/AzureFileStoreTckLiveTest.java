package io.unistore.azure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.FileStoreContract;

/** The kit's file contract against a real account, only when {@code UNISTORE_AZURE_CONNECTION_STRING} is set. */
class AzureFileStoreTckLiveTest extends FileStoreContract {
    @Override
    protected StorageAccount openAccount() {
        String connectionString = System.getenv("UNISTORE_AZURE_CONNECTION_STRING");
        assumeTrue(connectionString != null, "UNISTORE_AZURE_CONNECTION_STRING is not set");
        return Unistore.open(connectionString);
    }
}
