package io.unistore.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A received or peeked message. Immutable.
 */
public final class QueueMessage {
    private final String messageId;
    private final String popReceipt;
    private final byte[] body;
    private final Instant insertedAt;
    private final Instant expiresAt;
    private final Instant nextVisibleAt;
    private final long dequeueCount;
    private final Map<String, String> attributes;
    private final String deadLetterReason;
    private final String deadLetterDescription;

    /**
     * @param popReceipt the receipt to delete or update the message; null for a peeked message
     * @param expiresAt null if the message never expires
     * @param nextVisibleAt null for a peeked message
     */
    public QueueMessage(String messageId, String popReceipt, byte[] body, Instant insertedAt, Instant expiresAt,
                        Instant nextVisibleAt, long dequeueCount) {
        this(messageId, popReceipt, body, insertedAt, expiresAt, nextVisibleAt, dequeueCount, Map.of());
    }

    /** A message with attributes ({@link SendMessageOptions#attributes()}). */
    public QueueMessage(String messageId, String popReceipt, byte[] body, Instant insertedAt, Instant expiresAt,
                        Instant nextVisibleAt, long dequeueCount, Map<String, String> attributes) {
        this(messageId, popReceipt, body, insertedAt, expiresAt, nextVisibleAt, dequeueCount, attributes, null, null);
    }

    private QueueMessage(String messageId, String popReceipt, byte[] body, Instant insertedAt, Instant expiresAt,
                         Instant nextVisibleAt, long dequeueCount, Map<String, String> attributes,
                         String deadLetterReason, String deadLetterDescription) {
        this.deadLetterReason = deadLetterReason;
        this.deadLetterDescription = deadLetterDescription;
        this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.popReceipt = popReceipt;
        this.body = body == null ? new byte[0] : body.clone();
        this.insertedAt = insertedAt;
        this.expiresAt = expiresAt;
        this.nextVisibleAt = nextVisibleAt;
        this.dequeueCount = dequeueCount;
    }

    public String messageId() {
        return messageId;
    }

    /** The receipt to pass to delete or update; null for a peeked message. */
    public String popReceipt() {
        return popReceipt;
    }

    /** The body bytes (a copy). */
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Body length in bytes. */
    public int size() {
        return body.length;
    }

    public Instant insertedAt() {
        return insertedAt;
    }

    /** When the message expires, or null if never. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** When the message becomes visible again (received messages), or null (peeked messages). */
    public Instant nextVisibleAt() {
        return nextVisibleAt;
    }

    /** The attributes it was sent with; empty when none (or the provider has none). */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * This message as read from a dead-letter queue, with why it was dead-lettered (either may be null: SQS
     * records no reason when its redrive policy moves a message).
     */
    public QueueMessage withDeadLetter(String reason, String description) {
        return new QueueMessage(messageId, popReceipt, body, insertedAt, expiresAt, nextVisibleAt, dequeueCount,
                attributes, reason, description);
    }

    /**
     * Why the message was dead-lettered: the reason given to {@link QueueStore#deadLetterMessage}, or the
     * provider's own ({@code MaxDeliveryCountExceeded} on Service Bus and the local provider); null for a message
     * not read from a dead-letter queue, or when the provider recorded none.
     */
    public String deadLetterReason() {
        return deadLetterReason;
    }

    /** The description that came with {@link #deadLetterReason()}; null when there is none. */
    public String deadLetterDescription() {
        return deadLetterDescription;
    }

    /** How many times the message was received, this time included. */
    public long dequeueCount() {
        return dequeueCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueMessage m && messageId.equals(m.messageId) && Objects.equals(popReceipt, m.popReceipt)
                && Arrays.equals(body, m.body) && dequeueCount == m.dequeueCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, popReceipt, dequeueCount) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "QueueMessage{id=" + messageId + ", bytes=" + body.length + ", dequeueCount=" + dequeueCount + '}';
    }
}
