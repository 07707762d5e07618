package io.unistore.queue;

import io.unistore.StorageException;
import java.time.Duration;

/**
 * Options of {@link QueueStore#receiveMessages}.
 *
 * @param maxMessages 1 to 32 messages
 * @param visibilityTimeout how long received messages stay hidden from other receivers (1 s to 7 days)
 */
public record ReceiveOptions(int maxMessages, Duration visibilityTimeout) {

    public static final int MAX_MESSAGES = 32;
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

    public static final ReceiveOptions DEFAULT = new ReceiveOptions(1, DEFAULT_VISIBILITY_TIMEOUT);

    public ReceiveOptions {
        if (maxMessages < 1 || maxMessages > MAX_MESSAGES) {
            throw StorageException.invalidArgument("maxMessages", "must be between 1 and 32, was " + maxMessages);
        }
        visibilityTimeout = visibilityTimeout == null ? DEFAULT_VISIBILITY_TIMEOUT : visibilityTimeout;
        if (visibilityTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || visibilityTimeout.compareTo(SendMessageOptions.MAX_VISIBILITY) > 0) {
            throw StorageException.invalidArgument("visibilityTimeout", "must be between 1 second and 7 days, was "
                    + visibilityTimeout);
        }
    }

    public static ReceiveOptions defaults() {
        return DEFAULT;
    }

    public static ReceiveOptions of(int maxMessages, Duration visibilityTimeout) {
        return new ReceiveOptions(maxMessages, visibilityTimeout);
    }

    public ReceiveOptions withMaxMessages(int v) {
        return new ReceiveOptions(v, visibilityTimeout);
    }

    public ReceiveOptions withVisibilityTimeout(Duration v) {
        return new ReceiveOptions(maxMessages, v);
    }
}
