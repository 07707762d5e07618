package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.testsupport.azurite.Azurite;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Azure-specific queue behaviour on Azurite: encodings and their size limits, receipts, create idempotence. */
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
    void binaryAndUnicodeBodiesRoundTripUpToTheLimitOfEachEncoding() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        int max = account.capabilities().limits().maxQueueMessageBytes();
        assertThat(max).as("Azure stores 64 KiB of text").isEqualTo(64 * 1024);
        QueueStore base64 = queues.withMessageEncoding(QueueMessageEncoding.BASE64);
        byte[] largestBinary = new byte[QueueMessageEncoding.BASE64.maxBodyBytes(max)];
        // Non-ASCII letters first: Azurite decodes a request body chunk by chunk and garbles a letter split
        // between two chunks (then counts the garbled text against the limit). Azure does not.
        String largestText = "ü".repeat(100) + "x".repeat(max - 200);
        String text = "zażółć 😀 <xml/> & \t\n\r\n ]]> end";
        queues.clearMessages(queue);
        base64.sendMessage(queue, binary, SendMessageOptions.defaults());
        queues.sendMessage(queue, text);
        base64.sendMessage(queue, largestBinary, SendMessageOptions.defaults().withTimeToLive(SendMessageOptions.FOREVER));
        queues.sendMessage(queue, largestText);
        List<QueueMessage> got = queues.receiveMessages(queue, ReceiveOptions.of(32, Duration.ofSeconds(30)));
        assertThat(got).hasSize(4);
        assertThat(Base64.getDecoder().decode(got.get(0).text())).isEqualTo(binary);
        assertThat(got.get(1).text()).isEqualTo(text);
        assertThat(Base64.getDecoder().decode(got.get(2).text())).isEqualTo(largestBinary);
        assertThat(got.get(2).expiresAt()).isNull();
        assertThat(got.get(3).text()).isEqualTo(largestText);
        assertThatThrownBy(() -> base64.sendMessage(queue, new byte[largestBinary.length + 1],
                SendMessageOptions.defaults()))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("body").hasMessageContaining("49152");
        assertThatThrownBy(() -> queues.sendMessage(queue, largestText + "x"))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("65536");
        got.forEach(m -> queues.deleteMessage(queue, m.messageId(), m.popReceipt()));
    }

    @Test
    void theAccountOptionSetsTheEncodingAndABadValueIsRefused() {
        String q = AzuriteAccounts.name("enc");
        queues.createQueue(q);
        try (StorageAccount b64 = Unistore.open(Azurite.shared().connectionString(),
                Map.of(QueueMessageEncoding.OPTION, "base64"))) {
            assertThat(b64.queues().messageEncoding()).isEqualTo(QueueMessageEncoding.BASE64);
            b64.queues().sendMessage(q, "héllo");
            assertThat(queues.peekMessages(q, 1).get(0).text()).isEqualTo("aMOpbGxv");
            assertThat(b64.queues().peekMessages(q, 1).get(0).text()).isEqualTo("héllo");
        } finally {
            queues.deleteQueue(q);
        }
        assertThatThrownBy(() -> Unistore.open(Azurite.shared().connectionString(),
                Map.of(QueueMessageEncoding.OPTION, "utf16")))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(QueueMessageEncoding.OPTION);
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
