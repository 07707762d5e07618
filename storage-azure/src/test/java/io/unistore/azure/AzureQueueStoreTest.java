package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Azure-specific queue behaviour on Azurite: base64 bodies, size limit, receipts, create idempotence. */
class AzureQueueStoreTest {
    private static StorageAccount account;
    private static QueueStore queues;
    private static String queue;

    @BeforeAll
    static void open() {
        account = AzuriteAccounts.open();
        queues = account.queues();
        queue = AzuriteAccounts.name("q");
        queues.createQueue(queue);
    }

    @AfterAll
    static void close() {
        queues.deleteQueue(queue);
        account.close();
    }

    @Test
    void binaryAndUnicodeBodiesRoundTripUpToTheLimit() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] largest = new byte[account.capabilities().limits().maxQueueMessageBytes()];
        queues.clearMessages(queue);
        queues.sendMessage(queue, binary, SendMessageOptions.defaults());
        queues.sendMessage(queue, "zażółć 😀 <xml/> & \u0000".getBytes(StandardCharsets.UTF_8), SendMessageOptions.defaults());
        queues.sendMessage(queue, largest, SendMessageOptions.defaults().withTimeToLive(SendMessageOptions.FOREVER));
        List<QueueMessage> got = queues.receiveMessages(queue, ReceiveOptions.of(32, Duration.ofSeconds(30)));
        assertThat(got).hasSize(3);
        assertThat(got.get(0).body()).isEqualTo(binary);
        assertThat(got.get(1).text()).isEqualTo("zażółć 😀 <xml/> & \u0000");
        assertThat(got.get(2).body()).isEqualTo(largest);
        assertThat(got.get(2).expiresAt()).isNull();
        assertThatThrownBy(() -> queues.sendMessage(queue, new byte[largest.length + 1], SendMessageOptions.defaults()))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("body");
        got.forEach(m -> queues.deleteMessage(queue, m.messageId(), m.popReceipt()));
    }

    @Test
    void staleReceiptsFailTheConditionAndGoneMessagesAreNotFound() {
        String q = AzuriteAccounts.name("receipts");
        queues.createQueue(q);
        try {
            queues.sendMessage(q, "work");
            QueueMessage m = queues.receiveMessages(q).get(0);
            var update = queues.updateMessage(q, m.messageId(), m.popReceipt(), "more".getBytes(), Duration.ZERO);
            assertThatThrownBy(() -> queues.deleteMessage(q, m.messageId(), m.popReceipt()))
                    .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
            QueueMessage again = queues.receiveMessages(q).get(0);
            assertThat(again.text()).isEqualTo("more");
            assertThat(again.dequeueCount()).isEqualTo(2);
            queues.deleteMessage(q, again.messageId(), again.popReceipt());
            assertThatThrownBy(() -> queues.deleteMessage(q, again.messageId(), again.popReceipt()))
                    .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThat(update.popReceipt()).isNotEqualTo(m.popReceipt());
        } finally {
            queues.deleteQueue(q);
        }
    }

    @Test
    void visibilityDelayTimeoutAndTimeToLiveAreKept() throws InterruptedException {
        String q = AzuriteAccounts.name("timing");
        queues.createQueue(q, java.util.Map.of("purpose", "timing"));
        try {
            queues.sendMessage(q, "later".getBytes(), SendMessageOptions.defaults().withVisibilityDelay(Duration.ofSeconds(2)));
            queues.sendMessage(q, "short".getBytes(), SendMessageOptions.defaults().withTimeToLive(Duration.ofSeconds(2)));
            assertThat(queues.peekMessages(q, 32)).extracting(QueueMessage::text).containsExactly("short");
            QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, Duration.ofSeconds(1))).get(0);
            assertThat(m.text()).isEqualTo("short");
            assertThat(m.nextVisibleAt()).isAfter(java.time.Instant.now().minusSeconds(5));
            assertThat(queues.getQueueProperties(q).approximateMessageCount()).isEqualTo(2);
            assertThat(queues.getQueueProperties(q).metadata()).containsEntry("purpose", "timing");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> seen = List.of();
            while (System.nanoTime() < deadline) {
                seen = queues.peekMessages(q, 32).stream().map(QueueMessage::text).toList();
                if (seen.equals(List.of("later"))) {
                    break;
                }
                Thread.sleep(200);
            }
            // The delayed message became visible, the short-lived one expired.
            assertThat(seen).containsExactly("later");
            assertThat(queues.listQueues(io.unistore.ListOptions.prefix(q)).stream().map(i -> i.name())).containsExactly(q);
        } finally {
            queues.deleteQueue(q);
        }
        assertThat(queues.queueExists(q)).isFalse();
        assertThat(queues.deleteQueue(q)).isFalse();
    }

    @Test
    void creatingAnExistingQueueFailsEvenWithTheSameMetadata() {
        assertThatThrownBy(() -> queues.createQueue(queue))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
    }
}
