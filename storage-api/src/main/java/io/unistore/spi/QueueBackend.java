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

/**
 * What a provider implements to serve queues. Users call {@link io.unistore.queue.QueueStore}, which validates
 * queue names and metadata by the declared {@link NamingRules}, message sizes and counts by the declared
 * {@link Limits}, before calling this interface. Semantics are those of the {@code QueueStore} method of the
 * same name. Implementations are thread-safe.
 */
public interface QueueBackend {

    /** Creates a queue; ALREADY_EXISTS if it exists. */
    void createQueue(String queue, Map<String, String> metadata);

    /** Deletes a queue; false if absent. */
    boolean deleteQueue(String queue);

    /** Whether the queue exists. */
    boolean queueExists(String queue);

    /** Queues in name order. */
    PagedIterable<QueueInfo> listQueues(ListOptions options);

    /** Metadata and approximate message count; NOT_FOUND if absent. */
    QueueProperties getQueueProperties(String queue);

    /** Replaces the queue's metadata. */
    void setQueueMetadata(String queue, Map<String, String> metadata);

    /** Removes every message. */
    void clearMessages(String queue);

    /**
     * The encoding bodies are kept as text with unless a caller chooses another: the account's
     * {@value QueueMessageEncoding#OPTION} option ({@code NONE}, as the Azure SDKs, when the provider has none).
     */
    default QueueMessageEncoding messageEncoding() {
        return QueueMessageEncoding.NONE;
    }

    /**
     * Sends a message, its body made text by {@code encoding} ({@link QueueMessageText#encode}). The API
     * passes the encoding with each call, so a layer sees it and a store variant needs no backend of its own.
     */
    SendReceipt sendMessage(String queue, byte[] body, QueueMessageEncoding encoding, SendMessageOptions options);

    /**
     * Receives up to {@code options.maxMessages()}, hiding them for the visibility timeout, their bodies read
     * by {@code encoding} ({@link QueueMessageText#decode}).
     */
    List<QueueMessage> receiveMessages(String queue, QueueMessageEncoding encoding, ReceiveOptions options);

    /** Looks at up to {@code maxMessages} visible messages without hiding them, bodies read by {@code encoding}. */
    List<QueueMessage> peekMessages(String queue, QueueMessageEncoding encoding, int maxMessages);

    /** Changes a received message's visibility and, if {@code newBody} is not null, its content. */
    UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                QueueMessageEncoding encoding, Duration visibilityTimeout);

    /** Deletes a received message. */
    void deleteMessage(String queue, String messageId, String popReceipt);

    /**
     * Sets the queue's dead-letter policy. Called only where the account declares
     * {@link io.unistore.Capability#QUEUE_DEAD_LETTER}; a name ending in
     * {@link io.unistore.queue.QueueStore#DEAD_LETTER_SUBQUEUE} reaches receive, peek, update, delete and
     * properties only then.
     */
    default void setDeadLetterPolicy(String queue, DeadLetterPolicy policy) {
        throw Unsupported.operation("setDeadLetterPolicy");
    }

    /** The queue's dead-letter policy, if it has one. */
    default Optional<DeadLetterPolicy> deadLetterPolicy(String queue) {
        throw Unsupported.operation("deadLetterPolicy");
    }

    /** The name the queue's dead letters are received with. */
    default String deadLetterQueueOf(String queue) {
        throw Unsupported.operation("deadLetterQueueOf");
    }

    /** Moves a received message to the queue's dead-letter queue with a reason and description (each may be null). */
    default void deadLetterMessage(String queue, String messageId, String popReceipt, String reason,
                                   String description) {
        throw Unsupported.operation("deadLetterMessage");
    }
}
