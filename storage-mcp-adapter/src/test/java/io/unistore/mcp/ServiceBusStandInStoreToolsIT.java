package io.unistore.mcp;

import io.unistore.testsupport.servicebus.ServiceBusStandIn;
import java.nio.file.Path;
import java.util.Map;

/** The queue tools on an Azure Service Bus account served by the Service Bus stand-in of storage-test-support. */
class ServiceBusStandInStoreToolsIT extends StoreToolsContract {
    @Override
    Backend backend() {
        return new Backend() {
            private ServiceBusStandIn sb;

            @Override
            public String name() {
                return "servicebus";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                sb = ServiceBusStandIn.start();
                return Map.of("address", sb.connectionString(), "options",
                        Map.of("administrationEndpoint", sb.administrationEndpoint()));
            }

            @Override
            public void close() {
                if (sb != null) {
                    sb.close();
                }
            }
        };
    }
}
