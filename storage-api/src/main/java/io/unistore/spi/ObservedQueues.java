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
import java.util.Optional;

/** The queue store of an {@link ObservingLayer}. Receiving changes a message's visibility, so it writes. */
final class ObservedQueues extends ForwardingQueueBackend {
    private final Observed o;

    ObservedQueues(QueueBackend delegate, CallObserver observer) {
        super(delegate);
        this.o = new Observed(observer, "queue");
    }

    private static long bodies(List<QueueMessage> messages) {
        return messages.stream().mapToLong(m -> m.body().length).sum();
    }

    @Override
    public void createQueue(String queue, Map<String, String> metadata) {
        o.write("createQueue", () -> super.createQueue(queue, metadata), queue);
    }

    @Override
    public boolean deleteQueue(String queue) {
        return o.write("deleteQueue", () -> super.deleteQueue(queue), queue);
    }

    @Override
    public boolean queueExists(String queue) {
        return o.read("queueExists", () -> super.queueExists(queue), queue);
    }

    @Override
    public PagedIterable<QueueInfo> listQueues(ListOptions options) {
        return o.pages("listQueues", () -> super.listQueues(options));
    }

    @Override
    public QueueProperties getQueueProperties(String queue) {
        return o.read("getQueueProperties", () -> super.getQueueProperties(queue), queue);
    }

    @Override
    public void setQueueMetadata(String queue, Map<String, String> metadata) {
        o.write("setQueueMetadata", () -> super.setQueueMetadata(queue, metadata), queue);
    }

    @Override
    public void clearMessages(String queue) {
        o.write("clearMessages", () -> super.clearMessages(queue), queue);
    }

    @Override
    public SendReceipt sendMessage(String queue, byte[] body, QueueMessageEncoding encoding,
                                   SendMessageOptions options) {
        return o.write("sendMessage", () -> super.sendMessage(queue, body, encoding, options), r -> body.length,
                queue);
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, QueueMessageEncoding encoding, ReceiveOptions options) {
        return o.write("receiveMessages", () -> super.receiveMessages(queue, encoding, options),
                ObservedQueues::bodies, queue);
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, QueueMessageEncoding encoding, int maxMessages) {
        return o.read("peekMessages", () -> super.peekMessages(queue, encoding, maxMessages), ObservedQueues::bodies,
                queue);
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                       QueueMessageEncoding encoding, Duration visibilityTimeout) {
        return o.write("updateMessage", () -> super.updateMessage(queue, messageId, popReceipt, newBody, encoding,
                visibilityTimeout), r -> newBody == null ? 0 : newBody.length, queue, messageId);
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        o.write("deleteMessage", () -> super.deleteMessage(queue, messageId, popReceipt), queue, messageId);
    }

    @Override
    public void setDeadLetterPolicy(String queue, DeadLetterPolicy policy) {
        o.write("setDeadLetterPolicy", () -> super.setDeadLetterPolicy(queue, policy), queue);
    }

    @Override
    public Optional<DeadLetterPolicy> deadLetterPolicy(String queue) {
        return o.read("deadLetterPolicy", () -> super.deadLetterPolicy(queue), queue);
    }

    @Override
    public String deadLetterQueueOf(String queue) {
        return o.read("deadLetterQueueOf", () -> super.deadLetterQueueOf(queue), queue);
    }

    @Override
    public void deadLetterMessage(String queue, String messageId, String popReceipt, String reason,
                                  String description) {
        o.write("deadLetterMessage", () -> super.deadLetterMessage(queue, messageId, popReceipt, reason, description),
                queue, messageId);
    }
}
