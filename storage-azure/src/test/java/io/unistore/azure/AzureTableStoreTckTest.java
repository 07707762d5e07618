package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.tck.TableStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit's table contract on Azurite (one shared instance for every class). One test meets an
 * emulator gap and is reported skipped with it ({@link AzuriteGaps}).
 */
@ExtendWith(AzuriteGaps.class)
class AzureTableStoreTckTest extends TableStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return AzuriteAccounts.open();
    }
}
