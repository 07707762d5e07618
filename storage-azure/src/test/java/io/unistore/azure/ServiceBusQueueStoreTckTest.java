package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.tck.QueueStoreContract;

/** The conformance kit's queue contract on the Service Bus stand-in (AMQP over Proton-J, one per JVM). */
class ServiceBusQueueStoreTckTest extends QueueStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return ServiceBusStandInAccounts.open();
    }
}
