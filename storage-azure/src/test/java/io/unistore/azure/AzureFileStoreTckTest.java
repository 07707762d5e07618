package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.tck.FileStoreContract;

/**
 * The conformance kit's file contract on the Azure Files stand-in. The account is opened through the provider's
 * test hook (to add the loopback redirect) and wrapped in the same capability guard {@code Unistore.open} uses.
 */
class AzureFileStoreTckTest extends FileStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return FilesStandInAccounts.open();
    }
}
