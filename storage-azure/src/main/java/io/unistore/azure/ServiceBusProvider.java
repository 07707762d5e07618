package io.unistore.azure;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;

/**
 * The Azure Service Bus provider (id {@code servicebus}): a namespace's queues as a
 * {@link io.unistore.queue.QueueStore}, over Microsoft's {@code azure-messaging-servicebus}.
 *
 * <p>It claims namespace connection strings ({@code Endpoint=sb://...}, also with
 * {@code UseDevelopmentEmulator=true}) and namespace addresses {@code sb://<namespace>.servicebus.windows.net}
 * (signed in with Entra ID through {@code DefaultAzureCredential}). Options: {@code lockDuration} of the queues it
 * creates, {@code receiveWait}, {@code administrationEndpoint}, {@code messageEncoding}; the module README
 * lists them.
 */
public final class ServiceBusProvider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "servicebus";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String addressHelp() {
        return "a Service Bus namespace connection string (Endpoint=sb://<namespace>.servicebus.windows.net/;"
                + "SharedAccessKeyName=...;SharedAccessKey=...) or sb://<namespace>.servicebus.windows.net (Entra ID)";
    }

    @Override
    public boolean accepts(String address) {
        return ServiceBusAddress.isServiceBusAddress(address);
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        return new ServiceBusAccount(ServiceBusAddress.parse(config), config);
    }
}
