package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.models.SubQueue;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import io.unistore.queue.UpdateReceipt;
import io.unistore.testsupport.servicebus.ServiceBusStandIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Service Bus queue store does beyond the kit's contract, on the stand-in: the receipts it checks, the
 * dead-letter queue, cancelling a scheduled send, locks kept past the queue's lock duration, what the SDK sees.
 */
class ServiceBusQueueStoreTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static StorageAccount account;
    private static QueueStore queues;

    @BeforeAll
    static void open() {
        account = ServiceBusStandInAccounts.open(Map.of("lockDuration", "PT5S"));
        queues = account.queues();
    }

    @AfterAll
    static void close() {
        account.close();
    }

    private static String newQueue() {
        String name = "sb-" + UUID.randomUUID().toString().substring(0, 8);
        queues.createQueue(name);
        return name;
    }

    private static ServiceBusClientBuilder sdk() {
        return new ServiceBusClientBuilder().connectionString(ServiceBusStandIn.shared().connectionString());
    }

    @Test
    void declaresWhatServiceBusHolds() {
        assertThat(account.capabilities().capabilities()).containsExactlyInAnyOrder(Capability.QUEUES,
                Capability.QUEUE_PEEK, Capability.QUEUE_VISIBILITY_UPDATE, Capability.QUEUE_DEAD_LETTER,
                Capability.QUEUE_MESSAGE_TTL);
        assertThat(account.toString()).doesNotContain(ServiceBusStandIn.shared().key());
    }

    @Test
    void receiptsAreCheckedStaleAndDeleted() {
        String q = newQueue();
        queues.sendMessage(q, "x");
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        UpdateReceipt u = queues.updateMessage(q, m.messageId(), m.popReceipt(), null, Duration.ofMinutes(2));
        assertThat(u.popReceipt()).isNotEqualTo(m.popReceipt());
        assertThatThrownBy(() -> queues.deleteMessage(q, m.messageId(), m.popReceipt()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThatThrownBy(() -> queues.deleteMessage(q, m.messageId(), "not-a-receipt:1"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.PRECONDITION_FAILED));
        queues.deleteMessage(q, m.messageId(), u.popReceipt());
        assertThatThrownBy(() -> queues.deleteMessage(q, m.messageId(), u.popReceipt()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> queues.updateMessage(q, m.messageId(), m.popReceipt(), "new".getBytes(
                StandardCharsets.UTF_8), Duration.ZERO)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED));
    }

    @Test
    void aLockIsKeptPastTheQueuesLockDuration() throws InterruptedException {
        String q = newQueue();
        queues.sendMessage(q, "long job");
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, Duration.ofSeconds(12))).get(0);
        Thread.sleep(7_000);
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(1, LONG))).as("hidden past the 5 s lock").isEmpty();
        queues.deleteMessage(q, m.messageId(), m.popReceipt());
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isZero();
    }

    @Test
    void aScheduledSendsReceiptCancelsIt() {
        String q = newQueue();
        SendReceipt r = queues.sendMessage(q, "later".getBytes(StandardCharsets.UTF_8),
                SendMessageOptions.defaults().withVisibilityDelay(Duration.ofMinutes(10)));
        assertThat(r.popReceipt()).startsWith("scheduled:");
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isEqualTo(1);
        queues.deleteMessage(q, r.messageId(), r.popReceipt());
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isZero();
    }

    @Test
    void aMessageReceivedTooOftenIsDeadLettered() {
        String q = newQueue();
        queues.sendMessage(q, "poison");
        for (int i = 1; i <= 10; i++) {
            QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
            assertThat(m.dequeueCount()).isEqualTo(i);
            queues.updateMessage(q, m.messageId(), m.popReceipt(), null, Duration.ZERO);
        }
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(1, LONG))).isEmpty();
        try (ServiceBusReceiverClient dlq = sdk().receiver().queueName(q).subQueue(SubQueue.DEAD_LETTER_QUEUE)
                .buildClient()) {
            List<ServiceBusReceivedMessage> dead = dlq.receiveMessages(1, Duration.ofSeconds(5)).stream().toList();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).getBody().toString()).isEqualTo("poison");
            assertThat(dead.get(0).getDeadLetterReason()).isEqualTo("MaxDeliveryCountExceeded");
            dlq.complete(dead.get(0));
        }
    }

    @Test
    void theSdkReadsWhatTheStoreSent() {
        String q = newQueue();
        SendReceipt sent = queues.sendMessage(q, "from unistore");
        try (ServiceBusReceiverClient r = sdk().receiver().queueName(q).buildClient()) {
            ServiceBusReceivedMessage m = r.receiveMessages(1, Duration.ofSeconds(5)).stream().findFirst()
                    .orElseThrow();
            assertThat(m.getMessageId()).isEqualTo(sent.messageId());
            assertThat(m.getBody().toString()).isEqualTo("from unistore");
            assertThat(m.getTimeToLive()).isEqualTo(SendMessageOptions.DEFAULT_TIME_TO_LIVE);
            r.complete(m);
        }
    }
}
