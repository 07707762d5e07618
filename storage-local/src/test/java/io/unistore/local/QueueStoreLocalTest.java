package io.unistore.local;

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
import io.unistore.queue.UpdateReceipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local queue store: receipts, visibility, dequeue counts, time to live. */
class QueueStoreLocalTest {
    @TempDir
    Path dir;
    StorageAccount account;
    QueueStore queues;

    @BeforeEach
    void open() {
        account = Unistore.open("file:" + dir);
        queues = account.queues();
        queues.createQueue("jobs", Map.of("team", "a"));
    }

    @AfterEach
    void close() {
        account.close();
    }

    private static ErrorCode code(Throwable t) {
        return ((StorageException) t).code();
    }

    @Test
    void receiveHidesAndReceiptsGoStale() {
        queues.sendMessage("jobs", "one");
        queues.sendMessage("jobs", "two");
        List<QueueMessage> got = queues.receiveMessages("jobs", ReceiveOptions.of(1, Duration.ofSeconds(30)));
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("one");
            assertThat(m.dequeueCount()).isEqualTo(1);
        });
        QueueMessage m = got.get(0);
        assertThat(queues.peekMessages("jobs", 32)).extracting(QueueMessage::text).containsExactly("two");
        UpdateReceipt u = queues.updateMessage("jobs", m.messageId(), m.popReceipt(),
                "uno".getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        assertThatThrownBy(() -> queues.deleteMessage("jobs", m.messageId(), m.popReceipt()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        List<QueueMessage> again = queues.receiveMessages("jobs", ReceiveOptions.of(32, Duration.ofSeconds(30)));
        assertThat(again).extracting(QueueMessage::text).containsExactly("uno", "two");
        assertThat(again.get(0).dequeueCount()).isEqualTo(2);
        assertThat(again.get(0).popReceipt()).isNotEqualTo(u.popReceipt());
        queues.deleteMessage("jobs", again.get(0).messageId(), again.get(0).popReceipt());
        assertThatThrownBy(() -> queues.deleteMessage("jobs", again.get(0).messageId(), again.get(0).popReceipt()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(queues.getQueueProperties("jobs").approximateMessageCount()).isEqualTo(1);
        assertThat(queues.getQueueProperties("jobs").metadata()).containsEntry("team", "a");
        queues.clearMessages("jobs");
        assertThat(queues.getQueueProperties("jobs").approximateMessageCount()).isZero();
    }

    @Test
    void visibilityTimeoutExpires() throws Exception {
        queues.sendMessage("jobs", "x");
        assertThat(queues.receiveMessages("jobs", ReceiveOptions.of(1, Duration.ofSeconds(1)))).hasSize(1);
        assertThat(queues.receiveMessages("jobs")).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<QueueMessage> back;
        do {
            Thread.sleep(100);
            back = queues.receiveMessages("jobs");
        } while (back.isEmpty() && System.nanoTime() < deadline);
        assertThat(back).singleElement().satisfies(m -> assertThat(m.dequeueCount()).isEqualTo(2));
    }

    @Test
    void delayAndTimeToLive() throws Exception {
        queues.sendMessage("jobs", "later".getBytes(StandardCharsets.UTF_8),
                SendMessageOptions.defaults().withVisibilityDelay(Duration.ofDays(1)));
        var short_ = queues.sendMessage("jobs", "brief".getBytes(StandardCharsets.UTF_8),
                SendMessageOptions.defaults().withTimeToLive(Duration.ofMillis(300)));
        var forever = queues.sendMessage("jobs", "ever".getBytes(StandardCharsets.UTF_8),
                SendMessageOptions.defaults().withTimeToLive(SendMessageOptions.FOREVER));
        assertThat(forever.expiresAt()).isNull();
        assertThat(short_.expiresAt()).isNotNull();
        assertThat(queues.peekMessages("jobs", 32)).extracting(QueueMessage::text).contains("ever");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (queues.getQueueProperties("jobs").approximateMessageCount() > 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(queues.peekMessages("jobs", 32)).extracting(QueueMessage::text).containsExactly("ever");
        assertThat(queues.receiveMessages("jobs", ReceiveOptions.of(32, Duration.ofSeconds(5))))
                .extracting(QueueMessage::text).containsExactly("ever");
        assertThat(queues.getQueueProperties("jobs").approximateMessageCount()).isEqualTo(2);
    }

    @Test
    void limitsAndMissingQueues() {
        byte[] big = new byte[account.capabilities().limits().maxQueueMessageBytes() + 1];
        assertThatThrownBy(() -> queues.sendMessage("jobs", big, SendMessageOptions.defaults()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> queues.sendMessage("nope", "x"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> queues.createQueue("jobs"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.ALREADY_EXISTS));
        assertThat(queues.deleteQueue("jobs")).isTrue();
        assertThat(queues.deleteQueue("jobs")).isFalse();
    }

    @Test
    void theAccountOptionSetsTheEncodingAndTheStoredTextIsAzures() {
        try (StorageAccount b64 = Unistore.open("file:" + dir + "?queueMessageEncoding=base64")) {
            assertThat(b64.queues().messageEncoding()).isEqualTo(QueueMessageEncoding.BASE64);
            b64.queues().sendMessage("jobs", new byte[] {0, (byte) 0xff, 7}, SendMessageOptions.defaults());
            assertThat(b64.queues().peekMessages("jobs", 1).get(0).body()).containsExactly(0, 0xff, 7);
        }
        assertThat(queues.peekMessages("jobs", 1).get(0).text()).as("the base64 text, as Azure stores it")
                .isEqualTo("AP8H");
        try (StorageAccount b64 = Unistore.open("file:" + dir, Map.of(QueueMessageEncoding.OPTION, "BASE64"))) {
            assertThat(b64.queues().messageEncoding()).isEqualTo(QueueMessageEncoding.BASE64);
        }
        assertThatThrownBy(() -> Unistore.open("file:" + dir + "?queueMessageEncoding=utf7"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(QueueMessageEncoding.OPTION).hasMessageContaining("none or base64");
    }

    @Test
    void aMessageTheEncodingCannotReadFailsTheReceiveButStaysReceivedAsOnAzure() {
        queues.sendMessage("jobs", "plain text!");
        QueueStore b64 = queues.withMessageEncoding(QueueMessageEncoding.BASE64);
        assertThatThrownBy(() -> b64.sendMessage("Bad_Name", "x")).as("the variant keeps the API's rules")
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> b64.receiveMessages("jobs", ReceiveOptions.of(1, Duration.ofMinutes(5))))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("not base64");
        assertThat(queues.peekMessages("jobs", 1)).as("hidden, as the receive took it").isEmpty();
        assertThat(queues.getQueueProperties("jobs").approximateMessageCount()).isEqualTo(1);
        assertThatThrownBy(() -> queues.withMessageEncoding(null))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(queues.withMessageEncoding(QueueMessageEncoding.NONE)).isSameAs(queues);
    }

    @Test
    void concurrentReceiversNeverShareAMessage() throws Exception {
        int messages = 200;
        for (int i = 0; i < messages; i++) {
            queues.sendMessage("jobs", "m" + i);
        }
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                List<QueueMessage> got;
                while (!(got = queues.receiveMessages("jobs", ReceiveOptions.of(5, Duration.ofMinutes(5)))).isEmpty()) {
                    for (QueueMessage m : got) {
                        if (!seen.add(m.messageId())) {
                            duplicates.incrementAndGet();
                        }
                        queues.deleteMessage("jobs", m.messageId(), m.popReceipt());
                    }
                }
                return null;
            }));
        }
        for (var w : workers) {
            w.get();
        }
        pool.shutdown();
        assertThat(duplicates).hasValue(0);
        assertThat(seen).hasSize(messages);
        assertThat(queues.getQueueProperties("jobs").approximateMessageCount()).isZero();
    }
}
