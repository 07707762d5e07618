package io.unistore.queue;

import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import java.time.Duration;
import org.immutables.value.Value;

/** Options of {@link QueueStore#receiveMessages}. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface ReceiveOptions extends WithReceiveOptions {

    /** How long received messages stay hidden when no timeout is given. */
    Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    /** The longest long-polling wait (SQS's). */
    Duration MAX_WAIT = Duration.ofSeconds(20);

    /** How many messages at most (1 to the account's {@link io.unistore.Limits#maxReceiveMessages()}, 32 on Azure). */
    @Value.Default
    default int maxMessages() {
        return 1;
    }

    /** How long received messages stay hidden from other receivers (1 s to 7 days). */
    @Value.Default
    default Duration visibilityTimeout() {
        return DEFAULT_VISIBILITY_TIMEOUT;
    }

    /**
     * How long to wait for a message when none is visible (long polling), from 0 (answer at once, the default)
     * to 20 seconds. SQS waits on the server; other providers poll until a message comes or the time is up.
     */
    @Value.Default
    default Duration waitTime() {
        return Duration.ZERO;
    }

    @Value.Check
    default void check() {
        if (waitTime().isNegative() || waitTime().compareTo(MAX_WAIT) > 0) {
            throw StorageException.invalidArgument("waitTime", "must be between 0 and 20 seconds, was "
                    + waitTime());
        }
        if (maxMessages() < 1) {
            throw StorageException.invalidArgument("maxMessages", "must be at least 1, was " + maxMessages());
        }
        Duration timeout = visibilityTimeout();
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(SendMessageOptions.MAX_VISIBILITY) > 0) {
            throw StorageException.invalidArgument("visibilityTimeout", "must be between 1 second and 7 days, was "
                    + timeout);
        }
    }

    /** One message, hidden for 30 seconds. */
    static ReceiveOptions defaults() {
        return Defaults.RECEIVE;
    }

    /** Up to {@code maxMessages}, hidden for {@code visibilityTimeout}. */
    static ReceiveOptions of(int maxMessages, Duration visibilityTimeout) {
        return builder().maxMessages(maxMessages).visibilityTimeout(visibilityTimeout).build();
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReceiveOptions}. */
    final class Builder extends ImmutableReceiveOptions.Builder {
    }
}
