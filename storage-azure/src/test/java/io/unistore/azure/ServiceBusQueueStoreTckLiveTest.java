package io.unistore.azure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.QueueStoreContract;

/**
 * The kit's queue contract against a real Service Bus namespace, only when
 * {@code UNISTORE_SERVICEBUS_CONNECTION_STRING} (a namespace connection string with Manage rights) is set.
 */
class ServiceBusQueueStoreTckLiveTest extends QueueStoreContract {
    @Override
    protected StorageAccount openAccount() {
        String connectionString = System.getenv("UNISTORE_SERVICEBUS_CONNECTION_STRING");
        assumeTrue(connectionString != null, "UNISTORE_SERVICEBUS_CONNECTION_STRING is not set");
        return Unistore.open(connectionString);
    }
}
