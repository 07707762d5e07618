package io.unistore.crypto;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.FileStoreContract;
import io.unistore.testsupport.azurefiles.AzureFilesStandIn;
import java.util.Map;

/**
 * The conformance kit's file contract on Azure Files through the encryption layer. Azurite has no Files service:
 * storage-test-support's Files stand-in plays it, reached by its plain address (this module's tests register
 * {@code StandInRedirects}, which sends the SDK's signed requests to it).
 */
class AzureEncryptedFileTckTest extends FileStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return Unistore.builder().address(AzureFilesStandIn.connectionString())
                .options(Map.of("maxRetries", "1", "retryDelayMs", "50"))
                .layer(EncryptionLayer.of(TestKeys.create("azurefiles"))).open();
    }
}
