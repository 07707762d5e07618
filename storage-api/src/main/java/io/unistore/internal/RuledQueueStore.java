package io.unistore.internal;

import static io.unistore.internal.OptionRules.serviceToken;
import static io.unistore.internal.OptionRules.required;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.NamingRules;
import io.unistore.PagedIterable;
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
import io.unistore.spi.QueueBackend;
import io.unistore.spi.QueueMessageText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one implementation of {@link QueueStore}: queue names and metadata are checked by the account's naming
 * rules, bodies by the declared message size, message counts by the declared receive limit, before the
 * backend is called.
 */
final class RuledQueueStore implements QueueStore {
    private static final Duration MAX_VISIBILITY = SendMessageOptions.MAX_VISIBILITY;
    /** The longest dead-letter reason or description (Service Bus keeps each as a message property). */
    private static final int MAX_DEAD_LETTER_TEXT = 1024;

    private final QueueBackend backend;
    private final Capabilities capabilities;
    private final NamingRules names;
    private final Guard guard;
    private final QueueMessageEncoding encoding;

    RuledQueueStore(QueueBackend backend, Capabilities capabilities, Guard guard) {
        this(backend, capabilities, guard, backend.messageEncoding() == null ? QueueMessageEncoding.NONE
                : backend.messageEncoding());
    }

    private RuledQueueStore(QueueBackend backend, Capabilities capabilities, Guard guard,
                            QueueMessageEncoding encoding) {
        this.backend = backend;
        this.capabilities = capabilities;
        this.names = capabilities.naming();
        this.guard = guard;
        this.encoding = encoding;
    }

    @Override
    public QueueMessageEncoding messageEncoding() {
        return encoding;
    }

    @Override
    public QueueStore withMessageEncoding(QueueMessageEncoding other) {
        QueueMessageEncoding e = QueueMessageText.required(other);
        return e == encoding ? this : new RuledQueueStore(backend, capabilities, guard, e);
    }

    @Override
    public void createQueue(String queue, Map<String, String> metadata) {
        names.queue(queue);
        Map<String, String> md = names.metadata(metadata);
        guard.run(() -> backend.createQueue(queue, md));
    }

    @Override
    public boolean deleteQueue(String queue) {
        names.queue(queue);
        return guard.call(() -> backend.deleteQueue(queue));
    }

    @Override
    public boolean queueExists(String queue) {
        names.queue(queue);
        return guard.call(() -> backend.queueExists(queue));
    }

    @Override
    public PagedIterable<QueueInfo> listQueues(ListOptions options) {
        ListOptions clamped = Paging.clamp(options == null ? ListOptions.defaults() : options, capabilities);
        return guard.pages(() -> backend.listQueues(clamped));
    }

    @Override
    public QueueProperties getQueueProperties(String queue) {
        String q = messagesIn(queue);
        return guard.call(() -> backend.getQueueProperties(q));
    }

    @Override
    public void setQueueMetadata(String queue, Map<String, String> metadata) {
        names.queue(queue);
        Map<String, String> md = names.metadata(metadata);
        guard.run(() -> backend.setQueueMetadata(queue, md));
    }

    @Override
    public void clearMessages(String queue) {
        names.queue(queue);
        guard.run(() -> backend.clearMessages(queue));
    }

    @Override
    public SendReceipt sendMessage(String queue, byte[] body, SendMessageOptions options) {
        names.queue(queue);
        body(body);
        SendMessageOptions o = options == null ? SendMessageOptions.defaults() : options;
        if (o.timeToLive() != null) {
            capabilities.require(Capability.QUEUE_MESSAGE_TTL, "sendMessage with timeToLive");
        }
        if (!o.attributes().isEmpty()) {
            capabilities.require(Capability.QUEUE_MESSAGE_ATTRIBUTES, "sendMessage with attributes");
        }
        if (o.groupId() != null || o.deduplicationId() != null) {
            capabilities.require(Capability.QUEUE_FIFO, "sendMessage with groupId or deduplicationId");
        }
        return guard.call(() -> backend.sendMessage(queue, body, encoding, o));
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, ReceiveOptions options) {
        String q = messagesIn(queue);
        ReceiveOptions o = options == null ? ReceiveOptions.defaults() : options;
        count("maxMessages", o.maxMessages());
        return LongPolling.receive(o.waitTime(), () -> guard.call(() -> backend.receiveMessages(q, encoding, o)));
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, int maxMessages) {
        capabilities.require(Capability.QUEUE_PEEK, "peekMessages");
        String q = messagesIn(queue);
        count("maxMessages", maxMessages);
        return guard.call(() -> backend.peekMessages(q, encoding, maxMessages));
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                      Duration visibilityTimeout) {
        capabilities.require(newBody == null ? Capability.QUEUE_VISIBILITY_UPDATE : Capability.QUEUE_MESSAGE_UPDATE,
                newBody == null ? "updateMessage (visibility)" : "updateMessage (body)");
        String q = messagesIn(queue);
        serviceToken("messageId", messageId);
        serviceToken("popReceipt", popReceipt);
        if (newBody != null) {
            body(newBody);
        }
        required("visibilityTimeout", visibilityTimeout);
        if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(MAX_VISIBILITY) > 0) {
            throw StorageException.invalidArgument("visibilityTimeout", "must be between 0 and 7 days, was "
                    + visibilityTimeout);
        }
        return guard.call(() -> backend.updateMessage(q, messageId, popReceipt, newBody, encoding,
                visibilityTimeout));
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        String q = messagesIn(queue);
        serviceToken("messageId", messageId);
        serviceToken("popReceipt", popReceipt);
        guard.run(() -> backend.deleteMessage(q, messageId, popReceipt));
    }

    @Override
    public void setDeadLetterPolicy(String queue, DeadLetterPolicy policy) {
        capabilities.require(Capability.QUEUE_DEAD_LETTER, "setDeadLetterPolicy");
        names.queue(queue);
        required("policy", policy);
        if (policy.deadLetterQueue() != null) {
            names.queue(policy.deadLetterQueue());
            if (policy.deadLetterQueue().equals(queue)) {
                throw StorageException.invalidArgument("deadLetterQueue", "must be another queue than " + queue);
            }
        }
        guard.run(() -> backend.setDeadLetterPolicy(queue, policy));
    }

    @Override
    public Optional<DeadLetterPolicy> deadLetterPolicy(String queue) {
        capabilities.require(Capability.QUEUE_DEAD_LETTER, "deadLetterPolicy");
        names.queue(queue);
        return guard.call(() -> backend.deadLetterPolicy(queue));
    }

    @Override
    public String deadLetterQueueOf(String queue) {
        capabilities.require(Capability.QUEUE_DEAD_LETTER, "deadLetterQueueOf");
        names.queue(queue);
        return guard.call(() -> backend.deadLetterQueueOf(queue));
    }

    @Override
    public void deadLetterMessage(String queue, String messageId, String popReceipt, String reason,
                                  String description) {
        capabilities.require(Capability.QUEUE_DEAD_LETTER, "deadLetterMessage");
        names.queue(queue);
        serviceToken("messageId", messageId);
        serviceToken("popReceipt", popReceipt);
        deadLetterText("reason", reason);
        deadLetterText("description", description);
        guard.run(() -> backend.deadLetterMessage(queue, messageId, popReceipt, reason, description));
    }

    /**
     * Checks a queue name that messages are read from: a queue, or (where dead letters are declared) a queue's
     * dead-letter sub-queue, returned with the suffix in its canonical lower case.
     */
    private String messagesIn(String queue) {
        String suffix = QueueStore.DEAD_LETTER_SUBQUEUE;
        if (queue != null && queue.length() > suffix.length()
                && queue.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            capabilities.require(Capability.QUEUE_DEAD_LETTER, "the dead-letter queue " + queue);
            String base = queue.substring(0, queue.length() - suffix.length());
            names.queue(base);
            return base + suffix;
        }
        names.queue(queue);
        return queue;
    }

    private static void deadLetterText(String argument, String text) {
        if (text != null && text.length() > MAX_DEAD_LETTER_TEXT) {
            throw StorageException.invalidArgument(argument, "must be at most " + MAX_DEAD_LETTER_TEXT
                    + " characters, was " + text.length());
        }
    }

    private void body(byte[] body) {
        if (body == null) {
            throw StorageException.invalidArgument("body", "is required (use an empty array for an empty message)");
        }
        // The service's limit is on the stored text: base64 makes 3 bytes 4 characters.
        int max = encoding.maxBodyBytes(capabilities.limits().maxQueueMessageBytes());
        if (body.length > max) {
            throw StorageException.invalidArgument("body", "must be at most " + max + " bytes with "
                    + QueueMessageEncoding.OPTION + "=" + encoding.optionValue() + ", was " + body.length);
        }
    }

    private void count(String argument, int n) {
        int max = capabilities.limits().maxReceiveMessages();
        if (n < 1 || n > max) {
            throw StorageException.invalidArgument(argument, "must be between 1 and " + max + ", was " + n);
        }
    }

    @Override
    public String toString() {
        return "QueueStore(" + backend + ")";
    }
}
