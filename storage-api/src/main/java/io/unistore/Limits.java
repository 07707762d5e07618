package io.unistore;

/**
 * An account's limits, declared by its provider and enforced by the API before any call reaches it: page
 * sizes and {@code top} are clamped to {@link #maxPageSize()}, larger transactions and messages are refused
 * with INVALID_ARGUMENT naming the limit. Immutable.
 *
 * @param maxPageSize the largest page any list or query returns (S3, GCS and Azure stop at 1000)
 * @param maxTransactionActions the most actions one table transaction may hold (Azure: 100)
 * @param maxQueueMessageBytes the largest queue message body, in bytes, as the caller gives it
 * @param maxReceiveMessages the most messages one receive or peek returns (Azure: 32)
 */
public record Limits(int maxPageSize, int maxTransactionActions, int maxQueueMessageBytes, int maxReceiveMessages) {

    private static final Limits DEFAULTS = new Limits(1000, 100, 64 * 1024, 32);

    public Limits {
        if (maxPageSize < 1 || maxTransactionActions < 0 || maxQueueMessageBytes < 0 || maxReceiveMessages < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Azure Storage's limits, the default. */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /** A copy with another largest page. */
    public Limits withMaxPageSize(int value) {
        return new Limits(value, maxTransactionActions, maxQueueMessageBytes, maxReceiveMessages);
    }

    /** A copy with another transaction limit. */
    public Limits withMaxTransactionActions(int value) {
        return new Limits(maxPageSize, value, maxQueueMessageBytes, maxReceiveMessages);
    }

    /** A copy with another message size limit. */
    public Limits withMaxQueueMessageBytes(int value) {
        return new Limits(maxPageSize, maxTransactionActions, value, maxReceiveMessages);
    }

    /** A copy with another receive limit. */
    public Limits withMaxReceiveMessages(int value) {
        return new Limits(maxPageSize, maxTransactionActions, maxQueueMessageBytes, value);
    }
}
