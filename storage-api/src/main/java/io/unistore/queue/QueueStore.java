package io.unistore.queue;

import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.Requires;
import io.unistore.StorageException;
import io.unistore.internal.Existence;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Message queues with visibility timeouts: Azure Queue Storage, Amazon SQS, or the local provider. What a service
 * lacks (SQS: peek, body updates, per-message time to live) is a capability the account does not declare.
 *
 * <p>A received message stays invisible for its visibility timeout; delete it with its pop receipt before
 * then, or it becomes visible again with a higher dequeue count. Message bodies are bytes, kept as text by the
 * store's {@link QueueMessageEncoding}: with {@code NONE} (the default, as the Azure SDKs) a body is UTF-8 text
 * stored as is, up to {@link io.unistore.Capabilities#maxQueueMessageBytes()}; with {@code BASE64} (as Azure
 * Functions) any bytes, up to 3/4 of that. Queue names follow Azure's rules (3-63 lowercase letters, digits and
 * single hyphens). Implementations are thread-safe.
 */
public interface QueueStore {

    /**
     * The suffix of a queue's built-in dead-letter queue, as Service Bus names it: {@code orders/$deadletterqueue}
     * holds the dead letters of {@code orders} (Service Bus and the local provider). Receive, peek, update, delete
     * and {@link #getQueueProperties} take such a name where the account declares
     * {@link Capability#QUEUE_DEAD_LETTER}; nothing can be sent to it.
     */
    String DEAD_LETTER_SUBQUEUE = "/$deadletterqueue";

    /** The encoding this store sends and reads bodies with: the account's {@value QueueMessageEncoding#OPTION}. */
    QueueMessageEncoding messageEncoding();

    /**
     * This store with another message encoding, for a queue shared with programs that use it (Azure Functions
     * reads and writes {@code BASE64}). The same account and queues; only how bodies become text differs.
     */
    QueueStore withMessageEncoding(QueueMessageEncoding encoding);

    /**
     * Creates a queue.
     *
     * @throws StorageException ALREADY_EXISTS; INVALID_ARGUMENT for a bad name
     */
    default void createQueue(String queue) {
        createQueue(queue, Map.of());
    }

    /** Creates a queue with metadata; ALREADY_EXISTS if it exists. */
    void createQueue(String queue, Map<String, String> metadata);

    /** Creates the queue unless it exists; true if this call created it. */
    default boolean createQueueIfNotExists(String queue) {
        return Existence.createdUnlessExists(() -> createQueue(queue));
    }

    /** Deletes a queue and its messages; false if it did not exist. */
    boolean deleteQueue(String queue);

    /** Whether the queue exists. */
    boolean queueExists(String queue);

    /** Lists queues in name order, paged. */
    PagedIterable<QueueInfo> listQueues(ListOptions options);

    /** Lists every queue. */
    default PagedIterable<QueueInfo> listQueues() {
        return listQueues(ListOptions.defaults());
    }

    /** Metadata and approximate message count; NOT_FOUND if absent. */
    QueueProperties getQueueProperties(String queue);

    /** Replaces the queue's metadata; NOT_FOUND if absent. */
    void setQueueMetadata(String queue, Map<String, String> metadata);

    /** Deletes every message; NOT_FOUND if the queue is absent. */
    void clearMessages(String queue);

    /**
     * Sends a message.
     *
     * @throws StorageException NOT_FOUND if the queue is absent; INVALID_ARGUMENT if the body is too large for
     *                          the encoding, or (with {@code NONE}) not UTF-8 text that a message can carry
     */
    SendReceipt sendMessage(String queue, byte[] body, SendMessageOptions options);

    /** Sends a UTF-8 text message, visible at once, with the default time to live. */
    default SendReceipt sendMessage(String queue, String text) {
        return sendMessage(queue, text.getBytes(StandardCharsets.UTF_8), SendMessageOptions.defaults());
    }

    /**
     * Receives up to {@code maxMessages} visible messages, hiding them for the visibility timeout.
     *
     * @return the messages, oldest first; empty when none is visible
     * @throws StorageException INVALID_ARGUMENT (naming {@value QueueMessageEncoding#OPTION}) when the encoding is
     *                          {@code BASE64} and a message is not base64 text; the messages stay hidden until
     *                          their timeout ends, so read such a queue with {@code NONE}
     */
    List<QueueMessage> receiveMessages(String queue, ReceiveOptions options);

    /** Receives at most one message with the default visibility timeout. */
    default List<QueueMessage> receiveMessages(String queue) {
        return receiveMessages(queue, ReceiveOptions.defaults());
    }

    /**
     * Looks at up to {@code maxMessages} (1-32) visible messages without receiving them.
     */
    @Requires(Capability.QUEUE_PEEK)
    List<QueueMessage> peekMessages(String queue, int maxMessages);

    /**
     * Changes a received message's visibility timeout, and optionally its body.
     *
     * @param newBody the new body, or null to keep it
     * @param visibilityTimeout from now (0 to 7 days)
     * @return the new pop receipt
     * @throws StorageException NOT_FOUND if the message is gone; PRECONDITION_FAILED if the pop receipt is stale;
     *     UNSUPPORTED unless the account declares {@link Capability#QUEUE_VISIBILITY_UPDATE} (no body) or
     *     {@link Capability#QUEUE_MESSAGE_UPDATE} (with a body)
     */
    UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                Duration visibilityTimeout);

    /**
     * Deletes a received message.
     *
     * @throws StorageException NOT_FOUND if the message is gone; PRECONDITION_FAILED if the pop receipt is stale
     */
    void deleteMessage(String queue, String messageId, String popReceipt);

    // ---- dead letters ------------------------------------------------------------------------------

    /**
     * Sets when the queue gives up on a message: a message received {@code policy.maxDeliveryCount()} times
     * without being deleted goes to the queue's dead-letter queue on its next delivery, with its body and
     * attributes. On SQS this is the queue's redrive policy, its dead-letter queue created if absent.
     *
     * @throws StorageException NOT_FOUND if the queue is absent; INVALID_ARGUMENT for a count the provider refuses
     *     (SQS: above 1000), or a {@code deadLetterQueue} it cannot use (Service Bus and local: any; SQS: one of
     *     another kind, FIFO or standard); UNSUPPORTED without {@link Capability#QUEUE_DEAD_LETTER}
     */
    @Requires(Capability.QUEUE_DEAD_LETTER)
    void setDeadLetterPolicy(String queue, DeadLetterPolicy policy);

    /**
     * The queue's dead-letter policy: empty when it has none (SQS without a redrive policy, a local queue never
     * given one); Service Bus queues always have one ({@code MaxDeliveryCount}, 10 unless set).
     *
     * @throws StorageException NOT_FOUND if the queue is absent; UNSUPPORTED without
     *     {@link Capability#QUEUE_DEAD_LETTER}
     */
    @Requires(Capability.QUEUE_DEAD_LETTER)
    Optional<DeadLetterPolicy> deadLetterPolicy(String queue);

    /**
     * The name to receive, peek and delete the queue's dead letters with: {@code <queue>}{@value
     * #DEAD_LETTER_SUBQUEUE} on Service Bus and the local provider, the redrive policy's target queue on SQS.
     *
     * @throws StorageException NOT_FOUND if the queue is absent, or (SQS) has no dead-letter policy; UNSUPPORTED
     *     without {@link Capability#QUEUE_DEAD_LETTER}
     */
    @Requires(Capability.QUEUE_DEAD_LETTER)
    String deadLetterQueueOf(String queue);

    /**
     * Moves a received message to the queue's dead-letter queue at once, with its body and attributes and why.
     * Service Bus does it in one step (dead-letter settlement); SQS has no such call, so the store sends a copy
     * to the redrive target (the reason and description as the attributes {@code unistore-dead-letter-reason}
     * and {@code unistore-dead-letter-description}, read back as {@link QueueMessage#deadLetterReason()}) and then
     * deletes the message: not atomic, and only for messages this store received.
     *
     * @param reason why, up to 1024 characters; may be null
     * @param description more detail, up to 1024 characters; may be null
     * @throws StorageException NOT_FOUND if the message is gone; PRECONDITION_FAILED if the pop receipt is stale
     *     (SQS: unknown to this store); NOT_FOUND (SQS) if the queue has no dead-letter policy; UNSUPPORTED
     *     without {@link Capability#QUEUE_DEAD_LETTER}
     */
    @Requires(Capability.QUEUE_DEAD_LETTER)
    void deadLetterMessage(String queue, String messageId, String popReceipt, String reason, String description);
}
