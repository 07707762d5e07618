package io.unistore.internal;

import static io.unistore.internal.OptionRules.serviceToken;
import static io.unistore.internal.OptionRules.required;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.NamingRules;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
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
import java.util.Map;

/**
 * The one implementation of {@link QueueStore}: queue names and metadata are checked by the account's naming
 * rules, bodies by the declared message size, message counts by the declared receive limit, before the
 * backend is called.
 */
final class RuledQueueStore implements QueueStore {
    private static final Duration MAX_VISIBILITY = SendMessageOptions.MAX_VISIBILITY;

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
        names.queue(queue);
        return guard.call(() -> backend.getQueueProperties(queue));
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
        return guard.call(() -> backend.sendMessage(queue, body, encoding, o));
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, ReceiveOptions options) {
        names.queue(queue);
        ReceiveOptions o = options == null ? ReceiveOptions.defaults() : options;
        count("maxMessages", o.maxMessages());
        return guard.call(() -> backend.receiveMessages(queue, encoding, o));
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, int maxMessages) {
        capabilities.require(Capability.QUEUE_PEEK, "peekMessages");
        names.queue(queue);
        count("maxMessages", maxMessages);
        return guard.call(() -> backend.peekMessages(queue, encoding, maxMessages));
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                      Duration visibilityTimeout) {
        capabilities.require(newBody == null ? Capability.QUEUE_VISIBILITY_UPDATE : Capability.QUEUE_MESSAGE_UPDATE,
                newBody == null ? "updateMessage (visibility)" : "updateMessage (body)");
        names.queue(queue);
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
        return guard.call(() -> backend.updateMessage(queue, messageId, popReceipt, newBody, encoding,
                visibilityTimeout));
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        names.queue(queue);
        serviceToken("messageId", messageId);
        serviceToken("popReceipt", popReceipt);
        guard.run(() -> backend.deleteMessage(queue, messageId, popReceipt));
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
