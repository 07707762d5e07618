package io.unistore.azure;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.Limits;
import io.unistore.MetadataRules;
import io.unistore.NameRule;
import io.unistore.StorageException;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.QueueBackend;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** One Service Bus namespace: its queues, over one AMQP connection and one administration client. */
final class ServiceBusAccount implements AccountBackend {
    /** The largest body: Service Bus Standard takes messages of 256 KB with their headers; this leaves them room. */
    static final int MAX_MESSAGE_BYTES = 192 * 1024;
    static final Limits LIMITS = new Limits(1000, 100, MAX_MESSAGE_BYTES, 32);
    /** Queue metadata lives in the 1024-character user metadata, form-encoded (up to 3 characters a byte). */
    static final MetadataRules METADATA = new MetadataRules(NameRule.ASCII_IDENTIFIER,
            MetadataRules.KeyCase.KEPT_IGNORING_CASE, NameRule.PRINTABLE_ASCII, 340);
    static final Capabilities CAPABILITIES = Capabilities.of(Capability.QUEUES, Capability.QUEUE_PEEK,
            Capability.QUEUE_VISIBILITY_UPDATE, Capability.QUEUE_DEAD_LETTER, Capability.QUEUE_MESSAGE_TTL)
            .withLimits(LIMITS).withMetadataRules(METADATA);

    private final ServiceBusAddress address;
    private final ServiceBusQueueStore queues;

    ServiceBusAccount(ServiceBusAddress address, ProviderConfig config) {
        this.address = address;
        QueueMessageEncoding encoding = QueueMessageEncoding.parse(QueueMessageEncoding.OPTION,
                config.option(QueueMessageEncoding.OPTION, QueueMessageEncoding.NONE.optionValue()));
        Duration lock = duration(config, "lockDuration", Duration.ofMinutes(1));
        if (lock.compareTo(Duration.ofSeconds(5)) < 0 || lock.compareTo(Duration.ofMinutes(5)) > 0) {
            throw StorageException.invalidArgument("lockDuration", "must be between PT5S and PT5M");
        }
        Duration wait = duration(config, "receiveWait", Duration.ofSeconds(1));
        if (wait.isNegative() || wait.isZero() || wait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw StorageException.invalidArgument("receiveWait", "must be between PT0.001S and PT1M");
        }
        ServiceBusClientBuilder builder = new ServiceBusClientBuilder();
        ServiceBusAdministrationClientBuilder adminBuilder = new ServiceBusAdministrationClientBuilder();
        if (address.connectionString() != null) {
            builder.connectionString(address.connectionString());
            adminBuilder.connectionString(address.connectionString());
        } else {
            var credential = new DefaultAzureCredentialBuilder().build();
            builder.credential(address.fullyQualifiedNamespace(), credential);
            adminBuilder.credential(address.fullyQualifiedNamespace(), credential);
        }
        if (address.administrationEndpoint() != null) {
            adminBuilder.addPolicy(new AdministrationEndpointPolicy(address.administrationEndpoint()));
        }
        ServiceBusAdministrationClient admin = adminBuilder.buildClient();
        this.queues = new ServiceBusQueueStore(builder, admin, encoding, MAX_MESSAGE_BYTES, wait, lock);
    }

    private static Duration duration(ProviderConfig config, String option, Duration fallback) {
        String v = config.option(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Duration.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw StorageException.invalidArgument(option, "must be an ISO-8601 duration such as PT30S");
        }
    }

    @Override
    public String providerId() {
        return ServiceBusProvider.ID;
    }

    @Override
    public String displayName() {
        return address.describe();
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public QueueBackend queues() {
        return queues;
    }

    @Override
    public void close() {
        queues.close();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
