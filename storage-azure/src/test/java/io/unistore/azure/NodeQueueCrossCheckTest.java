package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.testsupport.NodeScenarios;
import io.unistore.testsupport.azurite.Azurite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Queue messages between Unistore and Microsoft's Node SDK (@azure/storage-queue) with its defaults, which send
 * and read text as it is (node/scenarios/queue-cross-check.mjs): what one sends, the other reads exactly.
 */
class NodeQueueCrossCheckTest {
    /** Texts that happen to be valid base64 (the first five), XML-special text and non-ASCII text. */
    private static final List<String> TEXTS = List.of("OK", "test", "20240101", "0123456789abcdef0123456789abcdef",
            "a+b/c+d/", "<order id=\"7\">&amp;</order>", "héllo wörld 日本 😀");
    /** 60 KiB of text: more than 48 KiB (base64 would make it too long), within the service's 64 KiB. */
    private static final String LARGE = "0123456789abcdef".repeat(60 * 1024 / 16 - 4) + "héllo wörld 日本 😀 end";

    private static StorageAccount account;
    private static QueueStore queues;
    private static String queue;

    @BeforeAll
    static void open() {
        account = AzuriteAccounts.open();
        queues = account.queues();
        queue = AzuriteAccounts.name("xq");
        queues.createQueue(queue);
    }

    @AfterAll
    static void close() {
        queues.deleteQueue(queue);
        account.close();
    }

    /** The Node SDK reads a key only from a connection string that names its protocol. */
    static String nodeConnectionString() {
        return "DefaultEndpointsProtocol=http;" + Azurite.shared().connectionString();
    }

    static JsonNode node(String mode, String queue, String arg) {
        return NodeScenarios.run("queue-cross-check.mjs", mode, nodeConnectionString(), queue, arg);
    }

    private static List<QueueMessage> receiveAll(QueueStore store, String queue, int count) {
        List<QueueMessage> got = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            for (QueueMessage m : store.receiveMessages(queue, ReceiveOptions.of(32, Duration.ofMinutes(1)))) {
                got.add(m);
                store.deleteMessage(queue, m.messageId(), m.popReceipt());
            }
        }
        return got;
    }

    /** A text as a failure message shows it: long ones by length and hash, so a report stays readable. */
    static String shown(String text) {
        return text.length() <= 80 ? text : text.substring(0, 20) + "... (" + text.length() + " chars, hash "
                + Integer.toHexString(text.hashCode()) + ")";
    }

    private static List<String> nodeReceives(String queue, int count) {
        JsonNode got = node("receive", queue, String.valueOf(count));
        List<String> texts = new ArrayList<>();
        got.forEach(m -> {
            assertThat(m.get("dequeueCount").asInt()).isEqualTo(1);
            texts.add(m.get("text").asString());
        });
        return texts;
    }

    @Test
    void textTheNodeSdkSentReadsBackExactly() {
        List<String> sent = new ArrayList<>(TEXTS);
        sent.add(LARGE);
        node("send", queue, NodeScenarios.jsonFile(sent).toString());
        List<QueueMessage> got = receiveAll(queues, queue, sent.size());
        assertThat(got).extracting(m -> shown(m.text()))
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(NodeQueueCrossCheckTest::shown).toList());
    }

    @Test
    void textUnistoreSentReadsAsTheSameTextInTheNodeSdk() {
        for (String text : TEXTS) {
            queues.sendMessage(queue, text);
        }
        assertThat(nodeReceives(queue, TEXTS.size())).containsExactlyInAnyOrderElementsOf(TEXTS);
    }

    @Test
    void sixtyKibOfTextGoesFromUnistoreToTheNodeSdk() {
        queues.sendMessage(queue, LARGE);
        assertThat(nodeReceives(queue, 1)).extracting(NodeQueueCrossCheckTest::shown).containsExactly(shown(LARGE));
    }
}
