package io.unistore.queue;

import io.unistore.StorageException;

/**
 * When a queue gives up on a message: after it was received {@code maxDeliveryCount} times without being deleted,
 * the next delivery moves it to the queue's dead-letter queue instead ({@link QueueStore#deadLetterQueueOf}).
 * Service Bus calls this the queue's {@code MaxDeliveryCount} and keeps dead letters in the queue's own
 * {@code <queue>/$deadletterqueue}; SQS calls it a redrive policy ({@code maxReceiveCount}) whose dead-letter
 * queue is another queue. Immutable.
 *
 * @param maxDeliveryCount deliveries before a message is dead-lettered, at least 1 (SQS: at most 1000)
 * @param deadLetterQueue where dead letters go: null for the provider's own place (Service Bus and the local
 *                        provider: {@code <queue>}{@value QueueStore#DEAD_LETTER_SUBQUEUE}; SQS: a queue named
 *                        {@code <queue>-dlq}, or {@code <name>-dlq-fifo} for a FIFO queue); SQS only: the name
 *                        of a queue of the same kind, created if absent
 */
public record DeadLetterPolicy(int maxDeliveryCount, String deadLetterQueue) {

    public DeadLetterPolicy {
        if (maxDeliveryCount < 1) {
            throw StorageException.invalidArgument("maxDeliveryCount", "must be at least 1, was " + maxDeliveryCount);
        }
    }

    /** Dead-letters after {@code maxDeliveryCount} deliveries, into the provider's own dead-letter queue. */
    public static DeadLetterPolicy of(int maxDeliveryCount) {
        return new DeadLetterPolicy(maxDeliveryCount, null);
    }

    /** This policy with dead letters sent to {@code queue} (SQS). */
    public DeadLetterPolicy withDeadLetterQueue(String queue) {
        return new DeadLetterPolicy(maxDeliveryCount, queue);
    }
}
