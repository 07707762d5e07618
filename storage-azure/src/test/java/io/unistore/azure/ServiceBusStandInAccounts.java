package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.servicebus.ServiceBusStandIn;
import java.util.Map;

/** Accounts on the JVM's shared Service Bus stand-in. */
final class ServiceBusStandInAccounts {
    private ServiceBusStandInAccounts() {
    }

    static StorageAccount open() {
        return open(Map.of());
    }

    static StorageAccount open(Map<String, String> extra) {
        ServiceBusStandIn sb = ServiceBusStandIn.shared();
        Map<String, String> options = new java.util.HashMap<>(Map.of(
                "administrationEndpoint", sb.administrationEndpoint()));
        options.putAll(extra);
        return Unistore.open(sb.connectionString(), options);
    }
}
