package io.unistore.spi;

import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.queue.DeadLetterPolicy;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueProperties;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import io.unistore.queue.UpdateReceipt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link QueueBackend} that forwards every call, optional ones included, to another: the base of a layer's
 * queue store. Override what the layer changes.
 */
public class ForwardingQueueBackend implements QueueBackend {
    private final QueueBackend delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingQueueBackend(QueueBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store below. */
    protected QueueBackend delegate() {
        return delegate;
    }

    @Override
    public void createQueue(String queue, Map<String, String> metadata) {
        delegate.createQueue(queue, metadata);
    }

    @Override
    public boolean deleteQueue(String queue) {
        return delegate.deleteQueue(queue);
    }

    @Override
    public boolean queueExists(String queue) {
        return delegate.queueExists(queue);
    }

    @Override
    public PagedIterable<QueueInfo> listQueues(ListOptions options) {
        return delegate.listQueues(options);
    }

    @Override
    public QueueProperties getQueueProperties(String queue) {
        return delegate.getQueueProperties(queue);
    }

    @Override
    public void setQueueMetadata(String queue, Map<String, String> metadata) {
        delegate.setQueueMetadata(queue, metadata);
    }

    @Override
    public void clearMessages(String queue) {
        delegate.clearMessages(queue);
    }

    @Override
    public QueueMessageEncoding messageEncoding() {
        return delegate.messageEncoding();
    }

    @Override
    public SendReceipt sendMessage(String queue, byte[] body, QueueMessageEncoding encoding,
                                   SendMessageOptions options) {
        return delegate.sendMessage(queue, body, encoding, options);
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, QueueMessageEncoding encoding, ReceiveOptions options) {
        return delegate.receiveMessages(queue, encoding, options);
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, QueueMessageEncoding encoding, int maxMessages) {
        return delegate.peekMessages(queue, encoding, maxMessages);
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                       QueueMessageEncoding encoding, Duration visibilityTimeout) {
        return delegate.updateMessage(queue, messageId, popReceipt, newBody, encoding, visibilityTimeout);
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        delegate.deleteMessage(queue, messageId, popReceipt);
    }

    @Override
    public void setDeadLetterPolicy(String queue, DeadLetterPolicy policy) {
        delegate.setDeadLetterPolicy(queue, policy);
    }

    @Override
    public Optional<DeadLetterPolicy> deadLetterPolicy(String queue) {
        return delegate.deadLetterPolicy(queue);
    }

    @Override
    public String deadLetterQueueOf(String queue) {
        return delegate.deadLetterQueueOf(queue);
    }

    @Override
    public void deadLetterMessage(String queue, String messageId, String popReceipt, String reason,
                                  String description) {
        delegate.deadLetterMessage(queue, messageId, popReceipt, reason, description);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + delegate + ")";
    }
}
