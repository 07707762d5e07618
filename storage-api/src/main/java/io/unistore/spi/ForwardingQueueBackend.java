package io.unistore.spi;

import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueProperties;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import io.unistore.queue.UpdateReceipt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    public SendReceipt sendMessage(String queue, byte[] body, SendMessageOptions options) {
        return delegate.sendMessage(queue, body, options);
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, ReceiveOptions options) {
        return delegate.receiveMessages(queue, options);
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, int maxMessages) {
        return delegate.peekMessages(queue, maxMessages);
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody, Duration visibilityTimeout) {
        return delegate.updateMessage(queue, messageId, popReceipt, newBody, visibilityTimeout);
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        delegate.deleteMessage(queue, messageId, popReceipt);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + delegate + ")";
    }
}
