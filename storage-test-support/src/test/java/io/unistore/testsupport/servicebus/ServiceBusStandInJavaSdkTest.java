package io.unistore.testsupport.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClientBuilder;
import com.azure.messaging.servicebus.administration.models.CreateQueueOptions;
import com.azure.messaging.servicebus.administration.models.QueueProperties;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import com.azure.messaging.servicebus.models.SubQueue;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Microsoft's Java SDK (the one the provider uses) against the stand-in: messaging and administration. */
class ServiceBusStandInJavaSdkTest {
    private static ServiceBusStandIn sb;
    private static ServiceBusClientBuilder builder;
    private static ServiceBusAdministrationClient admin;

    @BeforeAll
    static void start() {
        sb = ServiceBusStandIn.start();
        builder = new ServiceBusClientBuilder().connectionString(sb.connectionString());
        admin = new ServiceBusAdministrationClientBuilder().connectionString(sb.connectionString())
                .addPolicy(toLoopback(sb.administrationEndpoint())).buildClient();
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    /** The administration client speaks https to the namespace host: send it to the stand-in's port. */
    static HttpPipelinePolicy toLoopback(String endpoint) {
        return new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                try {
                    URL url = context.getHttpRequest().getUrl();
                    URL base = new URL(endpoint);
                    context.getHttpRequest().setUrl(new URL("http", base.getHost(), base.getPort(), url.getFile()));
                } catch (java.net.MalformedURLException e) {
                    return Mono.error(e);
                }
                return next.process();
            }
        };
    }

    private static String newQueue(Duration lock) {
        String name = "q-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createQueue(name, new CreateQueueOptions().setLockDuration(lock).setMaxDeliveryCount(3));
        return name;
    }

    @Test
    void administrationCreatesListsReadsAndDeletes() {
        String name = newQueue(Duration.ofSeconds(30));
        QueueProperties p = admin.getQueue(name);
        assertThat(p.getName()).isEqualTo(name);
        assertThat(p.getLockDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.getMaxDeliveryCount()).isEqualTo(3);
        assertThat(admin.listQueues().stream().map(QueueProperties::getName)).contains(name);
        assertThat(admin.getQueueExists(name)).isTrue();
        assertThatThrownBy(() -> admin.createQueue(name)).isInstanceOf(com.azure.core.exception.ResourceExistsException.class);
        assertThat(admin.getQueueRuntimeProperties(name).getActiveMessageCount()).isZero();
        admin.deleteQueue(name);
        assertThat(admin.getQueueExists(name)).isFalse();
    }

    @Test
    void sendReceiveCompleteAbandonDeadLetterPeekSchedule() {
        String q = newQueue(Duration.ofSeconds(30));
        try (ServiceBusSenderClient sender = builder.sender().queueName(q).buildClient();
             ServiceBusReceiverClient receiver = builder.receiver().queueName(q).buildClient()) {
            sender.sendMessage(new ServiceBusMessage("one").setMessageId("m1")
                    .setTimeToLive(Duration.ofMinutes(5)));
            sender.sendMessages(List.of(new ServiceBusMessage("two"), new ServiceBusMessage("three")));
            List<ServiceBusReceivedMessage> peeked = receiver.peekMessages(10).stream().toList();
            assertThat(peeked).extracting(m -> m.getBody().toString()).containsExactly("one", "two", "three");
            assertThat(admin.getQueueRuntimeProperties(q).getActiveMessageCount()).isEqualTo(3);

            List<ServiceBusReceivedMessage> got = receiver.receiveMessages(3, Duration.ofSeconds(5)).stream().toList();
            assertThat(got).hasSize(3);
            ServiceBusReceivedMessage first = got.get(0);
            assertThat(first.getMessageId()).isEqualTo("m1");
            assertThat(first.getDeliveryCount()).isZero();
            assertThat(first.getLockedUntil()).isAfter(OffsetDateTime.now().plusSeconds(20));
            receiver.complete(first);
            assertThatThrownBy(() -> receiver.complete(first)).as("the SDK knows it is settled")
                    .isInstanceOf(IllegalArgumentException.class);
            receiver.abandon(got.get(1));
            receiver.deadLetter(got.get(2), new DeadLetterOptions().setDeadLetterReason("bad")
                    .setDeadLetterErrorDescription("why"));
            OffsetDateTime renewed = null;

            ServiceBusReceivedMessage again = receiver.receiveMessages(1, Duration.ofSeconds(5)).stream().findFirst()
                    .orElseThrow();
            assertThat(again.getBody().toString()).isEqualTo("two");
            assertThat(again.getDeliveryCount()).isEqualTo(1);
            renewed = receiver.renewMessageLock(again);
            assertThat(renewed).isAfter(OffsetDateTime.now().plusSeconds(20));
            receiver.complete(again);

            try (ServiceBusReceiverClient dlq = builder.receiver().queueName(q).subQueue(SubQueue.DEAD_LETTER_QUEUE)
                    .buildClient()) {
                ServiceBusReceivedMessage dead = dlq.receiveMessages(1, Duration.ofSeconds(5)).stream().findFirst()
                        .orElseThrow();
                assertThat(dead.getBody().toString()).isEqualTo("three");
                assertThat(dead.getDeadLetterReason()).isEqualTo("bad");
                assertThat(dead.getDeadLetterErrorDescription()).isEqualTo("why");
                dlq.complete(dead);
            }

            Long seq = sender.scheduleMessage(new ServiceBusMessage(BinaryData.fromString("later")),
                    OffsetDateTime.now().plusSeconds(2));
            Long cancelled = sender.scheduleMessage(new ServiceBusMessage("never"), OffsetDateTime.now().plusMinutes(5));
            sender.cancelScheduledMessage(cancelled);
            assertThat(receiver.receiveMessages(1, Duration.ofMillis(500)).stream().toList()).isEmpty();
            ServiceBusReceivedMessage later = receiver.receiveMessages(1, Duration.ofSeconds(10)).stream().findFirst()
                    .orElseThrow();
            assertThat(later.getSequenceNumber()).isEqualTo(seq);
            receiver.complete(later);
            assertThat(admin.getQueueRuntimeProperties(q).getTotalMessageCount()).isZero();
        }
    }
}
