package io.unistore.aws;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.queue.DeadLetterPolicy;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.testsupport.aws.ElasticMq;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What SQS has beyond the queue kit, on ElasticMQ: attributes, FIFO queues (order within a group, deduplication),
 * long polling, delays, dead letters as redrive policies, SQS's own limits refused with the option named; and what
 * another SQS client sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsFeaturesTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private StorageAccount account;
    private QueueStore queues;
    private SqsClient raw;

    @BeforeAll
    void open() {
        account = AwsEmulators.sqs();
        queues = account.queues();
        raw = SqsClient.builder().endpointOverride(ElasticMq.shared().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
    }

    @AfterAll
    void close() {
        raw.close();
        account.close();
    }

    private static String name(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void declaresWhatSqsHas() {
        assertThat(account.capabilities().capabilities()).contains(Capability.QUEUES,
                Capability.QUEUE_VISIBILITY_UPDATE, Capability.QUEUE_MESSAGE_ATTRIBUTES, Capability.QUEUE_FIFO,
                Capability.QUEUE_DEAD_LETTER)
                .doesNotContain(Capability.QUEUE_PEEK, Capability.QUEUE_MESSAGE_UPDATE, Capability.QUEUE_MESSAGE_TTL,
                        Capability.QUEUE_STRICT_RECEIPTS, Capability.BLOBS, Capability.TABLES);
        assertThat(account.capabilities().limits().maxReceiveMessages()).isEqualTo(10);
        assertFails(ErrorCode.UNSUPPORTED, () -> account.blobs());
    }

    @Test
    void attributesTravelWithTheMessage() {
        String q = name("attrs");
        queues.createQueue(q, Map.of("team", "ops"));
        queues.sendMessage(q, "hello".getBytes(StandardCharsets.UTF_8), SendMessageOptions.builder()
                .putAttributes("trace-id", "abc-123").putAttributes("kind", "greeting").build());
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        assertThat(m.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("trace-id", "abc-123", "kind",
                "greeting"));
        assertThat(m.text()).isEqualTo("hello");
        // Another SQS client sees the queue's metadata as tags; a message lives for the queue's retention, the
        // API's default time to live (ElasticMQ does not report MessageRetentionPeriod back; SQS does).
        String url = raw.getQueueUrl(r -> r.queueName(q)).queueUrl();
        assertThat(raw.listQueueTags(r -> r.queueUrl(url)).tags()).containsEntry("team", "ops");
        assertThat(Duration.between(m.insertedAt(), m.expiresAt())).isEqualTo(SendMessageOptions.DEFAULT_TIME_TO_LIVE);
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> SendMessageOptions.builder().putAttributes("bad name", "x")
                .build());
        queues.deleteQueue(q);
    }

    @Test
    void fifoQueuesKeepOrderPerGroupAndDeduplicate() {
        String q = name("orders") + "-fifo";
        queues.createQueue(q);
        assertThat(raw.getQueueUrl(r -> r.queueName(SqsNames.toSqs(q))).queueUrl()).endsWith(".fifo");
        assertThat(queues.listQueues().stream().map(i -> i.name())).contains(q);
        for (int i = 0; i < 5; i++) {
            queues.sendMessage(q, ("a" + i).getBytes(StandardCharsets.UTF_8), SendMessageOptions.builder()
                    .groupId("group-a").deduplicationId("a" + i).build());
        }
        // The same deduplication id within 5 minutes is accepted and dropped.
        queues.sendMessage(q, "a0 again".getBytes(StandardCharsets.UTF_8), SendMessageOptions.builder()
                .groupId("group-a").deduplicationId("a0").build());
        List<String> texts = new ArrayList<>();
        while (texts.size() < 5) {
            List<QueueMessage> got = queues.receiveMessages(q, ReceiveOptions.of(10, LONG));
            assertThat(got).as("5 messages, then none").isNotEmpty();
            for (QueueMessage m : got) {
                texts.add(m.text());
                queues.deleteMessage(q, m.messageId(), m.popReceipt());
            }
        }
        assertThat(texts).containsExactly("a0", "a1", "a2", "a3", "a4");
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(10, Duration.ofSeconds(1)))).isEmpty();
        queues.deleteQueue(q);
        assertThat(queues.queueExists(q)).isFalse();
    }

    @Test
    void fifoOptionsAreForFifoQueuesOnly() {
        String q = name("plain");
        queues.createQueue(q);
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.sendMessage(q, new byte[] {'x'},
                SendMessageOptions.builder().groupId("g").build()));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> SendMessageOptions.builder().groupId("has space").build());
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isZero();
        queues.deleteQueue(q);
    }

    @Test
    void longPollingWaitsForAMessage() throws Exception {
        String q = name("poll");
        queues.createQueue(q);
        long start = System.nanoTime();
        assertThat(queues.receiveMessages(q, ReceiveOptions.builder().waitTime(Duration.ofSeconds(2)).build()))
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1800));

        Thread sender = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            queues.sendMessage(q, "late");
        });
        sender.start();
        List<QueueMessage> got = queues.receiveMessages(q, ReceiveOptions.builder().waitTime(Duration.ofSeconds(10))
                .build());
        sender.join();
        assertThat(got).extracting(QueueMessage::text).containsExactly("late");
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> ReceiveOptions.builder().waitTime(Duration.ofSeconds(21))
                .build());
        queues.deleteQueue(q);
    }

    @Test
    void sqsLimitsAreRefusedNamingTheOption() {
        String q = name("limits");
        queues.createQueue(q);
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.sendMessage(q, new byte[] {'x'},
                SendMessageOptions.defaults().withVisibilityDelay(Duration.ofMinutes(16))));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.receiveMessages(q, ReceiveOptions.of(11, LONG)));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.receiveMessages(q, ReceiveOptions.of(1,
                Duration.ofHours(13))));
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.peekMessages(q, 1));
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isZero();
        queues.deleteQueue(q);
    }

    private String attribute(String queue, QueueAttributeName name) {
        String url = raw.getQueueUrl(r -> r.queueName(SqsNames.toSqs(queue))).queueUrl();
        return raw.getQueueAttributes(r -> r.queueUrl(url).attributeNames(name)).attributes().get(name);
    }

    @Test
    void deadLettersAreARedrivePolicyOnAQueueOfTheirOwn() {
        String q = name("redrive");
        queues.createQueue(q);
        assertThat(queues.deadLetterPolicy(q)).isEmpty();
        assertFails(ErrorCode.NOT_FOUND, () -> queues.deadLetterQueueOf(q));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.setDeadLetterPolicy(q, DeadLetterPolicy.of(1001)));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.setDeadLetterPolicy(q, DeadLetterPolicy.of(2)
                .withDeadLetterQueue(q + "-other-fifo")));
        queues.setDeadLetterPolicy(q, DeadLetterPolicy.of(1));
        String dlq = q + "-dlq";
        assertThat(queues.deadLetterQueueOf(q)).isEqualTo(dlq);
        assertThat(queues.deadLetterPolicy(q)).contains(new DeadLetterPolicy(1, dlq));
        // Another SQS client sees SQS's own redrive policy, naming the dead-letter queue's ARN.
        assertThat(attribute(q, QueueAttributeName.REDRIVE_POLICY)).contains(attribute(dlq,
                QueueAttributeName.QUEUE_ARN)).containsPattern("\"maxReceiveCount\"\\s*:\\s*\"?1\\b");

        // ElasticMQ redrives as SQS does: the receive after the last allowed one moves the message.
        queues.sendMessage(q, "hello".getBytes(StandardCharsets.UTF_8), SendMessageOptions.builder()
                .putAttributes("trace-id", "abc").build());
        QueueMessage first = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        queues.updateMessage(q, first.messageId(), first.popReceipt(), null, Duration.ZERO);
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(1, LONG))).as("a second delivery").isEmpty();
        QueueMessage dead = queues.receiveMessages(q + QueueStore.DEAD_LETTER_SUBQUEUE, ReceiveOptions.of(1, LONG))
                .get(0);
        assertThat(dead.text()).isEqualTo("hello");
        assertThat(dead.attributes()).containsExactlyEntriesOf(Map.of("trace-id", "abc"));
        assertThat(dead.deadLetterReason()).as("SQS records no reason for a redrive").isNull();
        queues.deleteMessage(dlq, dead.messageId(), dead.popReceipt());

        // An explicit dead-letter needs the body, which SQS gives only to the receiver.
        queues.sendMessage(q, "elsewhere");
        String url = raw.getQueueUrl(r -> r.queueName(q)).queueUrl();
        Message other = raw.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(300)).messages().get(0);
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> queues.deadLetterMessage(q, other.messageId(),
                other.receiptHandle(), "poison", null));
        raw.deleteMessage(r -> r.queueUrl(url).receiptHandle(other.receiptHandle()));

        // A FIFO queue's dead letters go to a FIFO queue, in the message's group.
        String base = name("redrive");
        String f = base + "-fifo";
        queues.createQueue(f);
        queues.setDeadLetterPolicy(f, DeadLetterPolicy.of(3));
        assertThat(queues.deadLetterQueueOf(f)).isEqualTo(base + "-dlq-fifo");
        queues.sendMessage(f, "a".getBytes(StandardCharsets.UTF_8), SendMessageOptions.builder().groupId("g1")
                .build());
        QueueMessage m = queues.receiveMessages(f, ReceiveOptions.of(1, LONG)).get(0);
        queues.deadLetterMessage(f, m.messageId(), m.popReceipt(), "poison", "bad");
        QueueMessage deadFifo = queues.receiveMessages(base + "-dlq-fifo", ReceiveOptions.of(1, LONG)).get(0);
        assertThat(deadFifo.text()).isEqualTo("a");
        assertThat(deadFifo.deadLetterReason()).isEqualTo("poison");
        assertThat(deadFifo.deadLetterDescription()).isEqualTo("bad");
        for (String queue : List.of(q, dlq, f, base + "-dlq-fifo")) {
            queues.deleteQueue(queue);
        }
    }
}
