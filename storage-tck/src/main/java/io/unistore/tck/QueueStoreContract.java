package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static io.unistore.tck.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.StorageException;
import io.unistore.queue.DeadLetterPolicy;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueProperties;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import io.unistore.queue.UpdateReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link QueueStore}: every provider with {@link Capability#QUEUES} passes it against its
 * real back end. Extend it and implement {@link #openAccount()}.
 *
 * <p>Timing tests use short visibility timeouts and poll with a generous deadline, so a slow machine makes
 * them slower, not flaky.
 *
 * <p>Peek, updates, per-message time to live and strict receipts are tested only where the account declares
 * them ({@code assumeTrue}, shown as skipped otherwise), and where it does not, the kit checks that the call is
 * refused with UNSUPPORTED and sends nothing. Everything else observes a queue without peeking: by receiving
 * and by the approximate message count (which counts every message, visible or not).
 *
 * <p>Dead letters ({@link Capability#QUEUE_DEAD_LETTER}) are tested the same way: where declared, a message
 * received too often and one dead-lettered explicitly both land in the queue's dead-letter queue with their body
 * (and attributes where declared); where not, every dead-letter operation is refused with UNSUPPORTED.
 */
public abstract class QueueStoreContract extends StoreContract {
    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final Duration LONG = Duration.ofMinutes(5);

    protected QueueStore queues;

    @Override
    final Capability storeCapability() {
        return Capability.QUEUES;
    }

    @Override
    final void openStore() {
        queues = account.queues();
    }

    @Override
    final void remove(String queue) {
        queues.deleteQueue(queue);
    }

    /** Creates a fresh queue that is removed after the class. */
    protected String newQueue() {
        String name = track(TestData.uniqueName("q"));
        queues.createQueue(name);
        return name;
    }

    private static SendMessageOptions defaults() {
        return SendMessageOptions.defaults();
    }

    /** Polls {@code probe} until {@code done} holds, or fails after the deadline. */
    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        T last;
        do {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        } while (System.nanoTime() < end);
        throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what + "; last: " + last);
    }

    /** The most messages one receive or peek may ask for (32 on Azure, 10 on SQS). */
    private int most() {
        return account.capabilities().limits().maxReceiveMessages();
    }

    /**
     * Receives until {@code n} messages came (SQS may answer with fewer than are visible), or fails after the
     * deadline.
     */
    private List<QueueMessage> receiveAll(QueueStore store, String q, int n) {
        List<QueueMessage> got = new ArrayList<>();
        await(n + " messages", () -> {
            got.addAll(store.receiveMessages(q, ReceiveOptions.of(most(), LONG)));
            return got.size();
        }, size -> size >= n);
        return got;
    }

    /** The approximate message count, awaited until it is {@code expected} (SQS counts approximately). */
    private void assertCount(String q, long expected) {
        await("approximate message count " + expected, () -> queues.getQueueProperties(q).approximateMessageCount(),
                n -> n == expected);
    }

    // ---- queues ------------------------------------------------------------------------------------

    @Test
    void createExistsDeleteFollowTheConventions() {
        String q = TestData.uniqueName("life");
        assertThat(queues.queueExists(q)).isFalse();
        queues.createQueue(q);
        track(q);
        assertThat(queues.queueExists(q)).isTrue();
        assertFails(ErrorCode.ALREADY_EXISTS, () -> queues.createQueue(q));
        assertThat(queues.createQueueIfNotExists(q)).isFalse();
        assertThat(queues.deleteQueue(q)).isTrue();
        assertThat(queues.queueExists(q)).isFalse();
        assertThat(queues.deleteQueue(q)).isFalse();

        // A fresh name: Azure refuses to recreate a just-deleted queue for a while.
        String other = track(TestData.uniqueName("life"));
        assertThat(queues.createQueueIfNotExists(other)).isTrue();
        assertThat(queues.queueExists(other)).isTrue();
    }

    @Test
    void badQueueNamesAreRefusedAndCreateNothing() {
        List<String> bad = List.of("ab", "Upper", "a--b", "-ab", "ab-", "under_score", "ünïcode", "x".repeat(64));
        for (String name : bad) {
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.createQueue(name));
        }
        assertThat(queues.listQueues().stream().map(QueueInfo::name).toList()).doesNotContainAnyElementsOf(bad);
    }

    @Test
    void metadataAndPropertiesRoundTrip() {
        String q = TestData.uniqueName("meta");
        queues.createQueue(q, Map.of("owner", "ada", "Purpose", "tck"));
        track(q);
        QueueProperties props = queues.getQueueProperties(q);
        assertThat(props.name()).isEqualTo(q);
        assertThat(props.metadata()).containsEntry("owner", "ada");
        assertThat(props.metadata().keySet()).anyMatch(k -> k.equalsIgnoreCase("purpose"));
        assertThat(props.approximateMessageCount()).isZero();

        queues.setQueueMetadata(q, Map.of("stage", "two"));
        assertThat(queues.getQueueProperties(q).metadata()).containsExactlyEntriesOf(Map.of("stage", "two"));

        for (int i = 0; i < 4; i++) {
            queues.sendMessage(q, "m" + i);
        }
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isEqualTo(4);
    }

    @Test
    void listQueuesFiltersByPrefixAndPages() {
        String prefix = TestData.uniqueName("lst");
        List<String> names = new ArrayList<>();
        for (String suffix : List.of("e", "a", "d", "b", "c")) {
            String name = prefix + "-" + suffix;
            queues.createQueue(name);
            track(name);
            names.add(name);
        }
        names.sort(Comparator.naturalOrder());
        Paging.assertListsExactly("queues", (token, size) -> queues.listQueues(ListOptions.prefix(prefix)
                .withPageSize(size).withContinuationToken(token)), QueueInfo::name, 2, names);
    }

    @Test
    void aMissingQueueIsNotFound() {
        String q = TestData.uniqueName("missing");
        assertFails(ErrorCode.NOT_FOUND, () -> queues.getQueueProperties(q));
        assertFails(ErrorCode.NOT_FOUND, () -> queues.setQueueMetadata(q, Map.of("a", "b")));
        assertFails(ErrorCode.NOT_FOUND, () -> queues.sendMessage(q, "x"));
        assertFails(ErrorCode.NOT_FOUND, () -> queues.receiveMessages(q));
        assertFails(declares(Capability.QUEUE_PEEK) ? ErrorCode.NOT_FOUND : ErrorCode.UNSUPPORTED,
                () -> queues.peekMessages(q, 1));
        assertFails(ErrorCode.NOT_FOUND, () -> queues.clearMessages(q));
        assertThat(queues.deleteQueue(q)).isFalse();
    }

    // ---- messages ----------------------------------------------------------------------------------

    @Test
    void sentMessagesAreReceivedWithReceipts() {
        String q = newQueue();
        Instant before = Instant.now().minusSeconds(60);
        SendReceipt sent = queues.sendMessage(q, utf8("first"), defaults());
        assertThat(sent.messageId()).isNotBlank();
        if (declares(Capability.QUEUE_STRICT_RECEIPTS)) {
            assertThat(sent.popReceipt()).isNotBlank();
        }
        assertThat(sent.insertedAt()).isAfter(before);
        assertThat(sent.expiresAt()).isAfter(sent.insertedAt().plus(Duration.ofDays(6)));
        queues.sendMessage(q, "second");
        queues.sendMessage(q, "third");

        List<QueueMessage> received = receiveAll(queues, q, 3);
        assertThat(received).extracting(QueueMessage::text).containsExactlyInAnyOrder("first", "second", "third");
        assertThat(received).allSatisfy(m -> {
            assertThat(m.popReceipt()).isNotBlank();
            assertThat(m.dequeueCount()).isEqualTo(1);
            assertThat(m.nextVisibleAt()).isAfter(Instant.now().plusSeconds(60));
            assertThat(m.insertedAt()).isAfter(before);
        });
        assertThat(received).extracting(QueueMessage::messageId).contains(sent.messageId());
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(most(), LONG))).as("all are invisible now").isEmpty();
        for (QueueMessage m : received) {
            queues.deleteMessage(q, m.messageId(), m.popReceipt());
        }
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isZero();
    }

    @Test
    void anEmptyQueueReturnsNothing() {
        String q = newQueue();
        assertThat(queues.receiveMessages(q)).isEmpty();
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).isZero();
        if (declares(Capability.QUEUE_PEEK)) {
            assertThat(queues.peekMessages(q, most())).isEmpty();
        }
    }

    @Test
    void peekDoesNotReceive() {
        assumeTrue(declares(Capability.QUEUE_PEEK), "account declares QUEUE_PEEK");
        String q = newQueue();
        queues.sendMessage(q, "peeked");
        List<QueueMessage> peeked = queues.peekMessages(q, most());
        assertThat(peeked).hasSize(1);
        assertThat(peeked.get(0).text()).isEqualTo("peeked");
        assertThat(peeked.get(0).popReceipt()).isNull();
        assertThat(peeked.get(0).dequeueCount()).isZero();
        assertThat(queues.peekMessages(q, 1)).hasSize(1);

        QueueMessage received = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        assertThat(received.dequeueCount()).isEqualTo(1);
        assertThat(queues.peekMessages(q, most())).as("an invisible message is not peeked").isEmpty();
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.peekMessages(q, 0));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.peekMessages(q, 33));
    }

    @Test
    void receiveReturnsAtMostTheRequestedCountAndNeverTwice() {
        String q = newQueue();
        for (int i = 0; i < 10; i++) {
            queues.sendMessage(q, "m" + i);
        }
        List<QueueMessage> firstBatch = queues.receiveMessages(q, ReceiveOptions.of(4, LONG));
        assertThat(firstBatch).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        Set<String> texts = new HashSet<>();
        firstBatch.forEach(m -> assertThat(texts.add(m.text())).isTrue());
        await("the other messages", () -> {
            queues.receiveMessages(q, ReceiveOptions.of(most(), LONG))
                    .forEach(m -> assertThat(texts.add(m.text())).as("received twice: %s", m.text()).isTrue());
            return texts.size();
        }, n -> n == 10);
    }

    @Test
    void aMessageReappearsAfterItsVisibilityTimeout() {
        String q = newQueue();
        queues.sendMessage(q, "again");
        QueueMessage first = queues.receiveMessages(q, ReceiveOptions.of(1, Duration.ofSeconds(1))).get(0);
        assertThat(first.dequeueCount()).isEqualTo(1);

        QueueMessage second = await("the message to reappear",
                () -> queues.receiveMessages(q, ReceiveOptions.of(1, LONG)), l -> !l.isEmpty()).get(0);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.dequeueCount()).isEqualTo(2);
        assertThat(second.popReceipt()).isNotEqualTo(first.popReceipt());

        if (declares(Capability.QUEUE_STRICT_RECEIPTS)) {
            assertFails(ErrorCode.PRECONDITION_FAILED,
                    () -> queues.deleteMessage(q, first.messageId(), first.popReceipt()));
        }
        queues.deleteMessage(q, second.messageId(), second.popReceipt());
        if (declares(Capability.QUEUE_STRICT_RECEIPTS)) {
            assertFails(ErrorCode.NOT_FOUND, () -> queues.deleteMessage(q, second.messageId(), second.popReceipt()));
        }
        assertCount(q, 0);
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(most(), LONG))).isEmpty();
        if (declares(Capability.QUEUE_PEEK)) {
            assertThat(queues.peekMessages(q, most())).isEmpty();
        }
    }

    @Test
    void aDelayedMessageIsInvisibleUntilItsDelayPasses() {
        String q = newQueue();
        long sentAt = System.nanoTime();
        queues.sendMessage(q, utf8("later"), SendMessageOptions.defaults().withVisibilityDelay(Duration.ofSeconds(2)));
        List<QueueMessage> early = queues.receiveMessages(q, ReceiveOptions.of(1, LONG));
        if (!early.isEmpty()) {
            // Only acceptable if this machine was so slow that the delay already passed.
            assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        } else {
            if (declares(Capability.QUEUE_PEEK)) {
                assertThat(queues.peekMessages(q, 1)).isEmpty();
            }
            QueueMessage m = await("the delayed message",
                    () -> queues.receiveMessages(q, ReceiveOptions.of(1, LONG)), l -> !l.isEmpty()).get(0);
            assertThat(m.text()).isEqualTo("later");
            assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
    }

    @Test
    void anExpiredMessageDisappears() {
        assumeTrue(declares(Capability.QUEUE_MESSAGE_TTL), "account declares QUEUE_MESSAGE_TTL");
        String q = newQueue();
        SendReceipt r = queues.sendMessage(q, utf8("short-lived"),
                SendMessageOptions.defaults().withTimeToLive(Duration.ofSeconds(2)));
        assertThat(r.expiresAt()).isBefore(r.insertedAt().plusSeconds(10));
        queues.sendMessage(q, utf8("forever"), SendMessageOptions.defaults().withTimeToLive(SendMessageOptions.FOREVER));
        if (declares(Capability.QUEUE_PEEK)) {
            await("the short-lived message to expire", () -> queues.peekMessages(q, most()),
                    l -> l.stream().noneMatch(m -> m.text().equals("short-lived")));
        } else {
            // Without peek: wait past the expiry, then whatever is received must not be the expired message.
            await("the expiry to pass", Instant::now, now -> now.isAfter(r.expiresAt().plusMillis(500)));
        }
        List<QueueMessage> left = receiveAll(queues, q, 1);
        assertThat(left).extracting(QueueMessage::text).containsExactly("forever");
        assertThat(left.get(0).expiresAt()).as("a message that never expires").isNull();
    }

    @Test
    void withoutPerMessageTimeToLiveASendNamingOneIsRefused() {
        assumeFalse(declares(Capability.QUEUE_MESSAGE_TTL), "account declares QUEUE_MESSAGE_TTL");
        String q = newQueue();
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.sendMessage(q, utf8("short-lived"),
                SendMessageOptions.defaults().withTimeToLive(Duration.ofSeconds(30))));
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.sendMessage(q, utf8("forever"),
                SendMessageOptions.defaults().withTimeToLive(SendMessageOptions.FOREVER)));
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).as("nothing was sent").isZero();
        SendReceipt r = queues.sendMessage(q, utf8("default"), defaults());
        assertThat(r.expiresAt()).as("the queue's retention").isAfter(r.insertedAt());
        assertThat(receiveAll(queues, q, 1)).extracting(QueueMessage::text)
                .containsExactly("default");
    }

    @Test
    void undeclaredMessageOperationsAreRefused() {
        assumeFalse(declares(Capability.QUEUE_PEEK) && declares(Capability.QUEUE_VISIBILITY_UPDATE)
                && declares(Capability.QUEUE_MESSAGE_UPDATE), "account declares peek and both updates");
        String q = newQueue();
        queues.sendMessage(q, "kept");
        if (!declares(Capability.QUEUE_PEEK)) {
            assertFails(ErrorCode.UNSUPPORTED, () -> queues.peekMessages(q, 1));
        }
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        if (!declares(Capability.QUEUE_VISIBILITY_UPDATE)) {
            assertFails(ErrorCode.UNSUPPORTED, () -> queues.updateMessage(q, m.messageId(), m.popReceipt(), null,
                    Duration.ZERO));
        }
        if (!declares(Capability.QUEUE_MESSAGE_UPDATE)) {
            assertFails(ErrorCode.UNSUPPORTED, () -> queues.updateMessage(q, m.messageId(), m.popReceipt(),
                    utf8("changed"), Duration.ZERO));
        }
        queues.deleteMessage(q, m.messageId(), m.popReceipt());
        assertCount(q, 0);
    }

    @Test
    void aVisibilityUpdateHidesOrShowsAReceivedMessage() {
        assumeTrue(declares(Capability.QUEUE_VISIBILITY_UPDATE), "account declares QUEUE_VISIBILITY_UPDATE");
        String q = newQueue();
        queues.sendMessage(q, "shown again");
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);

        UpdateReceipt shown = queues.updateMessage(q, m.messageId(), m.popReceipt(), null, Duration.ZERO);
        assertThat(shown.popReceipt()).isNotBlank();
        assertThat(shown.nextVisibleAt()).isBefore(Instant.now().plusSeconds(30));
        QueueMessage again = await("the message shown again",
                () -> queues.receiveMessages(q, ReceiveOptions.of(1, LONG)), l -> !l.isEmpty()).get(0);
        assertThat(again.messageId()).isEqualTo(m.messageId());
        assertThat(again.text()).isEqualTo("shown again");
        assertThat(again.dequeueCount()).isEqualTo(2);

        UpdateReceipt hidden = queues.updateMessage(q, again.messageId(), again.popReceipt(), null,
                Duration.ofMinutes(10));
        assertThat(hidden.nextVisibleAt()).isAfter(Instant.now().plusSeconds(300));
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(1, Duration.ofSeconds(1)))).isEmpty();
        queues.deleteMessage(q, again.messageId(), hidden.popReceipt());
        assertCount(q, 0);
    }

    @Test
    void updateChangesBodyAndVisibilityAndTheReceipt() {
        assumeTrue(declares(Capability.QUEUE_MESSAGE_UPDATE) && declares(Capability.QUEUE_VISIBILITY_UPDATE),
                "account declares QUEUE_MESSAGE_UPDATE and QUEUE_VISIBILITY_UPDATE");
        String q = newQueue();
        queues.sendMessage(q, "original");
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);

        UpdateReceipt u = queues.updateMessage(q, m.messageId(), m.popReceipt(), utf8("updated"), Duration.ZERO);
        assertThat(u.popReceipt()).isNotBlank();
        assertThat(u.nextVisibleAt()).isBefore(Instant.now().plusSeconds(30));
        if (declares(Capability.QUEUE_STRICT_RECEIPTS)) {
            assertThat(u.popReceipt()).isNotEqualTo(m.popReceipt());
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> queues.deleteMessage(q, m.messageId(), m.popReceipt()));
        }

        QueueMessage again = await("the updated message", () -> queues.receiveMessages(q, ReceiveOptions.of(1, LONG)),
                l -> !l.isEmpty()).get(0);
        assertThat(again.text()).isEqualTo("updated");
        assertThat(again.messageId()).isEqualTo(m.messageId());

        UpdateReceipt hidden = queues.updateMessage(q, again.messageId(), again.popReceipt(), null,
                Duration.ofMinutes(10));
        assertThat(hidden.nextVisibleAt()).isAfter(Instant.now().plusSeconds(300));
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(1, LONG))).isEmpty();
        if (declares(Capability.QUEUE_PEEK)) {
            assertThat(queues.peekMessages(q, 1)).isEmpty();
        }
        if (declares(Capability.QUEUE_STRICT_RECEIPTS)) {
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> queues.updateMessage(q, again.messageId(),
                    again.popReceipt(), null, Duration.ZERO));
        }
        queues.deleteMessage(q, again.messageId(), hidden.popReceipt());
        assertCount(q, 0);
    }

    @Test
    void clearRemovesEveryMessage() {
        String q = newQueue();
        for (int i = 0; i < 5; i++) {
            queues.sendMessage(q, "m" + i);
        }
        queues.receiveMessages(q, ReceiveOptions.of(2, LONG));
        queues.clearMessages(q);
        if (declares(Capability.QUEUE_PEEK)) {
            assertThat(queues.peekMessages(q, most())).isEmpty();
        }
        assertCount(q, 0);
        assertThat(queues.receiveMessages(q, ReceiveOptions.of(most(), LONG))).isEmpty();
        assertThat(queues.queueExists(q)).isTrue();
    }

    @Test
    void theDefaultEncodingKeepsAnyTextAsIs() {
        assertThat(queues.messageEncoding()).isEqualTo(QueueMessageEncoding.NONE);
        String q = newQueue();
        String text = "emoji 😀 日本語 ∑ ünïcödé <xml>&amp; \"quotes\" 'single' \t tab\nnewline";
        // Texts that happen to be valid base64 stay the text they are: the encoding is never guessed.
        List<String> texts = List.of(text, "OK", "test", "20240101", "0123456789abcdef0123456789abcdef", "");
        for (String t : texts) {
            queues.sendMessage(q, t);
        }
        List<QueueMessage> got = receiveAll(queues, q, texts.size());
        assertThat(got).extracting(QueueMessage::text).containsExactlyInAnyOrderElementsOf(texts);
    }

    @Test
    void binaryBodiesNeedBase64() {
        String q = newQueue();
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        StorageException refused = assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.sendMessage(q, binary,
                defaults()));
        assertThat(refused.getMessage()).contains("body").contains("base64");
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.sendMessage(q, utf8("nul \u0000 inside"), defaults()));
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).as("nothing was sent").isZero();
        if (declares(Capability.QUEUE_PEEK)) {
            assertThat(queues.peekMessages(q, most())).as("nothing was sent").isEmpty();
        }

        QueueStore base64 = queues.withMessageEncoding(QueueMessageEncoding.BASE64);
        assertThat(base64.messageEncoding()).isEqualTo(QueueMessageEncoding.BASE64);
        assertThat(queues.messageEncoding()).as("the original store keeps its encoding")
                .isEqualTo(QueueMessageEncoding.NONE);
        base64.sendMessage(q, binary, defaults());
        base64.sendMessage(q, "text too 😀");
        base64.sendMessage(q, new byte[0], defaults());
        List<QueueMessage> got = receiveAll(base64, q, 3);
        assertThat(got).hasSize(3);
        assertThat(got).anySatisfy(m -> assertThat(m.body()).isEqualTo(binary));
        assertThat(got).anySatisfy(m -> assertThat(m.text()).isEqualTo("text too 😀"));
        assertThat(got).anySatisfy(m -> assertThat(m.body()).isEmpty());
    }

    @Test
    void eachEncodingReadsTheStoredTextItsOwnWay() {
        String q = newQueue();
        QueueStore base64 = queues.withMessageEncoding(QueueMessageEncoding.BASE64);
        base64.sendMessage(q, "héllo");
        assertThat(look(queues, q).text()).as("base64 text, read as it is").isEqualTo("aMOpbGxv");
        queues.clearMessages(q);

        queues.sendMessage(q, "test");
        assertThat(look(base64, q).body()).as("valid base64 decodes: what base64 readers get")
                .isEqualTo(java.util.Base64.getDecoder().decode("test"));
        queues.clearMessages(q);

        queues.sendMessage(q, "not base64!");
        if (declares(Capability.QUEUE_PEEK)) {
            StorageException e = assertFails(ErrorCode.INVALID_ARGUMENT, () -> base64.peekMessages(q, 1));
            assertThat(e.getMessage()).contains(QueueMessageEncoding.OPTION).contains("none");
        }
        StorageException e = assertFails(ErrorCode.INVALID_ARGUMENT,
                () -> base64.receiveMessages(q, ReceiveOptions.of(1, LONG)));
        assertThat(e.getMessage()).contains(QueueMessageEncoding.OPTION).contains("none");
        assertThat(queues.getQueueProperties(q).approximateMessageCount()).as("still there: readable with none")
                .isEqualTo(1);
    }

    /** The one message of a queue, by peeking where the account can, else by receiving it. */
    private QueueMessage look(QueueStore store, String q) {
        if (declares(Capability.QUEUE_PEEK)) {
            return store.peekMessages(q, 1).get(0);
        }
        return await("the message", () -> store.receiveMessages(q, ReceiveOptions.of(1, LONG)),
                l -> !l.isEmpty()).get(0);
    }

    @Test
    void theMaximumBodySizeFollowsTheEncoding() {
        String q = newQueue();
        int max = account.capabilities().limits().maxQueueMessageBytes();
        // The limit counts UTF-8 bytes: 100 two-byte letters leave room for max - 200 more. (They come first:
        // Azurite decodes a request body chunk by chunk and garbles a letter split between two.)
        byte[] text = utf8("é".repeat(100) + "x".repeat(max - 200));
        queues.sendMessage(q, text, defaults());
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.sendMessage(q, utf8("é".repeat(100)
                + "x".repeat(max - 199)), defaults()));

        QueueStore base64 = queues.withMessageEncoding(QueueMessageEncoding.BASE64);
        int maxBinary = QueueMessageEncoding.BASE64.maxBodyBytes(max);
        assertThat(maxBinary).isEqualTo(max / 4 * 3);
        byte[] atLimit = TestData.bytes(11, maxBinary);
        base64.sendMessage(q, atLimit, defaults());
        StorageException tooLarge = assertFails(ErrorCode.INVALID_ARGUMENT,
                () -> base64.sendMessage(q, TestData.bytes(12, maxBinary + 1), defaults()));
        assertThat(tooLarge.getMessage()).contains("base64");

        List<QueueMessage> got = receiveAll(queues, q, 2);
        assertThat(got).hasSize(2);
        assertThat(got).anySatisfy(m -> assertThat(m.body()).isEqualTo(text));
        assertThat(got).anySatisfy(m -> assertThat(m.text()).as("read with none: the base64 text")
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(atLimit)));
    }

    @Test
    void optionsAreValidated() {
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> ReceiveOptions.of(0, LONG));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> ReceiveOptions.of(1, Duration.ZERO));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> ReceiveOptions.of(1, Duration.ofDays(8)));
        assertFails(ErrorCode.INVALID_ARGUMENT,
                () -> SendMessageOptions.defaults().withVisibilityDelay(Duration.ofSeconds(-1)));
        String q = newQueue();
        queues.sendMessage(q, "x");
        int most = account.capabilities().limits().maxReceiveMessages();
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.receiveMessages(q, ReceiveOptions.of(most + 1, LONG)));
        if (declares(Capability.QUEUE_PEEK)) {
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.peekMessages(q, most + 1));
        }
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        if (declares(Capability.QUEUE_VISIBILITY_UPDATE)) {
            assertFails(ErrorCode.INVALID_ARGUMENT,
                    () -> queues.updateMessage(q, m.messageId(), m.popReceipt(), null, Duration.ofDays(8)));
        }
    }

    @Test
    void concurrentReceiversNeverShareAMessage() throws Exception {
        String q = newQueue();
        int count = 40;
        for (int i = 0; i < count; i++) {
            queues.sendMessage(q, "m" + i);
        }
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        Concurrently.run(4, Duration.ofMinutes(2), () -> {
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (seen.size() < count && System.nanoTime() < end) {
                for (QueueMessage m : queues.receiveMessages(q, ReceiveOptions.of(5, LONG))) {
                    seen.add(m.messageId());
                }
            }
            return null;
        });
        assertThat(seen).hasSize(count).doesNotHaveDuplicates();
    }

    // ---- dead letters ------------------------------------------------------------------------------

    /** Gives {@code q} a policy of {@code max} deliveries; returns its dead-letter queue, tracked if it is a queue. */
    private String withDeadLetters(String q, int max) {
        queues.setDeadLetterPolicy(q, DeadLetterPolicy.of(max));
        String dlq = queues.deadLetterQueueOf(q);
        if (!dlq.endsWith(QueueStore.DEAD_LETTER_SUBQUEUE)) {
            track(dlq); // SQS: a queue of its own
        }
        assertThat(queues.deadLetterPolicy(q)).map(DeadLetterPolicy::maxDeliveryCount).contains(max);
        return dlq;
    }

    /** A message with attributes where the account declares them. */
    private SendMessageOptions withAttributesIfDeclared() {
        return declares(Capability.QUEUE_MESSAGE_ATTRIBUTES)
                ? SendMessageOptions.builder().putAttributes("kind", "poison").build() : defaults();
    }

    private void assertKeptAttributes(QueueMessage m) {
        if (declares(Capability.QUEUE_MESSAGE_ATTRIBUTES)) {
            assertThat(m.attributes()).containsExactlyEntriesOf(Map.of("kind", "poison"));
        }
    }

    @Test
    void aMessageReceivedTooOftenIsDeadLetteredWithItsBody() {
        assumeTrue(declares(Capability.QUEUE_DEAD_LETTER), "account declares QUEUE_DEAD_LETTER");
        String q = newQueue();
        String dlq = withDeadLetters(q, 2);
        queues.sendMessage(q, utf8("poison"), withAttributesIfDeclared());
        // Each delivery is given back unfinished: at once where visibility updates exist, else by its timeout.
        boolean giveBack = declares(Capability.QUEUE_VISIBILITY_UPDATE);
        Duration hidden = giveBack ? LONG : Duration.ofSeconds(1);
        for (int delivery = 1; delivery <= 2; delivery++) {
            QueueMessage m = await("delivery " + delivery, () -> queues.receiveMessages(q, ReceiveOptions.of(1,
                    hidden)), got -> !got.isEmpty()).get(0);
            assertThat(m.dequeueCount()).isEqualTo(delivery);
            if (giveBack) {
                queues.updateMessage(q, m.messageId(), m.popReceipt(), null, Duration.ZERO);
            }
        }
        // The next delivery dead-letters it instead (SQS and the local provider move it when a receive finds it).
        QueueMessage dead = await("the dead letter", () -> {
            assertThat(queues.receiveMessages(q, ReceiveOptions.of(1, LONG))).as("a third delivery").isEmpty();
            return queues.receiveMessages(dlq, ReceiveOptions.of(1, LONG));
        }, got -> !got.isEmpty()).get(0);
        assertThat(dead.text()).isEqualTo("poison");
        assertKeptAttributes(dead);
        assertThat(dead.popReceipt()).isNotBlank();
        queues.deleteMessage(dlq, dead.messageId(), dead.popReceipt());
        assertCount(dlq, 0);
        assertCount(q, 0);
    }

    @Test
    void anExplicitDeadLetterMovesAMessageAtOnceWithItsReason() {
        assumeTrue(declares(Capability.QUEUE_DEAD_LETTER), "account declares QUEUE_DEAD_LETTER");
        String q = newQueue();
        String dlq = withDeadLetters(q, 5);
        queues.sendMessage(q, utf8("bad input"), withAttributesIfDeclared());
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        queues.deadLetterMessage(q, m.messageId(), m.popReceipt(), "poison", "cannot parse line 3");
        assertCount(q, 0);
        if (declares(Capability.QUEUE_PEEK)) {
            assertThat(queues.peekMessages(dlq, 1)).extracting(QueueMessage::text).containsExactly("bad input");
        }
        QueueMessage dead = await("the dead letter", () -> queues.receiveMessages(dlq, ReceiveOptions.of(1, LONG)),
                got -> !got.isEmpty()).get(0);
        assertThat(dead.text()).isEqualTo("bad input");
        assertThat(dead.deadLetterReason()).isEqualTo("poison");
        assertThat(dead.deadLetterDescription()).isEqualTo("cannot parse line 3");
        assertKeptAttributes(dead);
        assertThat(queues.receiveMessages(dlq, ReceiveOptions.of(1, LONG))).as("received once").isEmpty();
        queues.deleteMessage(dlq, dead.messageId(), dead.popReceipt());
        assertCount(dlq, 0);
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> queues.sendMessage(q + QueueStore.DEAD_LETTER_SUBQUEUE, "x"));
    }

    @Test
    void withoutDeadLettersEveryDeadLetterOperationIsRefused() {
        assumeFalse(declares(Capability.QUEUE_DEAD_LETTER), "account declares QUEUE_DEAD_LETTER");
        String q = newQueue();
        queues.sendMessage(q, "kept");
        QueueMessage m = queues.receiveMessages(q, ReceiveOptions.of(1, LONG)).get(0);
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.setDeadLetterPolicy(q, DeadLetterPolicy.of(2)));
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.deadLetterPolicy(q));
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.deadLetterQueueOf(q));
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.deadLetterMessage(q, m.messageId(), m.popReceipt(), "r",
                null));
        assertFails(ErrorCode.UNSUPPORTED, () -> queues.receiveMessages(q + QueueStore.DEAD_LETTER_SUBQUEUE));
        queues.deleteMessage(q, m.messageId(), m.popReceipt());
        assertCount(q, 0);
    }
}
