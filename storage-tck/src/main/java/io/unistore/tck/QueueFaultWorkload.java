package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The core queue paths through a faulted account: send, receive (with a short visibility timeout) and delete.
 * Every message sent must be received with its exact bytes and deleted; at the end the queue is drained and must
 * be empty. Queues deliver at least once: a message whose receive answer was lost comes back after its visibility
 * timeout (normal), and one whose send answer was lost may be in the queue twice; such second deliveries are
 * counted as duplicates, not failures, and every one of them is received, checked and deleted like the rest.
 *
 * @param faulted the store behind the fault proxy
 * @param direct the same back end without the proxy, for verification
 * @param queue the queue to use (created if missing)
 * @param visibility the visibility timeout of receives (short, so lost receives come back soon)
 */
public record QueueFaultWorkload(QueueStore faulted, QueueStore direct, String queue, Duration visibility) {

    /** Bodies are arbitrary bytes, so both stores keep them as base64 text. */
    public QueueFaultWorkload {
        faulted = faulted.withMessageEncoding(QueueMessageEncoding.BASE64);
        direct = direct.withMessageEncoding(QueueMessageEncoding.BASE64);
    }

    /** Sends {@code rounds} messages, receiving as it goes, then drains the queue; returns the tally. */
    public FaultTally run(int rounds, long seed) {
        FaultTally t = new FaultTally("queues");
        Random random = new Random(seed);
        Map<String, byte[]> sent = new HashMap<>();
        Set<String> delivered = new HashSet<>();
        t.run("create queue", () -> faulted.createQueueIfNotExists(queue));
        for (int r = 0; r < rounds; r++) {
            String id = "m" + r;
            byte[] body = body(id, random);
            if (t.run("send " + id, () -> faulted.sendMessage(queue, body, SendMessageOptions.defaults()))) {
                sent.put(id, body);
            }
            if (r % 2 == 1) {
                receiveAndDelete(t, sent, delivered, 4);
            }
        }
        long deadline = System.nanoTime() + visibility.multipliedBy(6).plusSeconds(10).toNanos();
        while (delivered.size() < sent.size() && System.nanoTime() < deadline) {
            if (receiveAndDelete(t, sent, delivered, 16) == 0) {
                sleep(200);
            }
        }
        t.check("every message delivered", () -> assertThat(delivered).isEqualTo(sent.keySet()));
        // What is left are second copies of messages already delivered, or ones that came back after a lost
        // answer: wait them out and take them too, so the queue ends empty.
        sleep(visibility.toMillis() + 500);
        while (receiveAndDelete(t, sent, delivered, 32) > 0) {
            sleep(50);
        }
        t.check("queue empty at the end", () -> assertThat(direct.peekMessages(queue, 32)).isEmpty());
        return t;
    }

    private int receiveAndDelete(FaultTally t, Map<String, byte[]> sent, Set<String> delivered, int max) {
        List<QueueMessage> got = t.op("receive", () -> faulted.receiveMessages(queue,
                ReceiveOptions.of(max, visibility)));
        if (got == null) {
            return 0;
        }
        for (QueueMessage m : got) {
            String id = new String(m.body(), 0, Math.min(m.body().length, 16), StandardCharsets.UTF_8).split(":")[0];
            t.check("body of " + id, () -> assertThat(m.body()).isEqualTo(sent.get(id)));
            t.messagesVerified(1);
            if (t.run("delete " + id, () -> faulted.deleteMessage(queue, m.messageId(), m.popReceipt()))) {
                if (!delivered.add(id)) {
                    t.duplicateDelivery();
                }
            }
        }
        return got.size();
    }

    /** {@code id:} then random bytes, so every body is unique and says which message it is. */
    private static byte[] body(String id, Random random) {
        byte[] head = (id + ":").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 1 + random.nextInt(2000)];
        System.arraycopy(head, 0, body, 0, head.length);
        for (int i = head.length; i < body.length; i++) {
            body[i] = (byte) random.nextInt(256);
        }
        return body;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
