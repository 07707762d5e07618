package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.tck.BlobStoreContract;

/** The conformance kit's blob contract on Azurite (one shared instance for every class). */
class AzureBlobStoreTckTest extends BlobStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return AzuriteAccounts.open();
    }
}
