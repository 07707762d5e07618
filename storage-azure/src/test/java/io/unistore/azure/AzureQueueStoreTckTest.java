package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.tck.QueueStoreContract;

/** The conformance kit's queue contract on Azurite (one shared instance for every class). */
class AzureQueueStoreTckTest extends QueueStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return AzuriteAccounts.open();
    }
}
