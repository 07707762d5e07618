package io.unistore.queue;

import io.unistore.Nullable;
import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import java.time.Duration;
import org.immutables.value.Value;

/** Options of {@link QueueStore#sendMessage}. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface SendMessageOptions extends WithSendMessageOptions {

    /** The longest visibility delay or timeout (Azure: 7 days). */
    Duration MAX_VISIBILITY = Duration.ofDays(7);
    /** The time to live when none is given. */
    Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(7);
    /** A time to live that never expires. */
    Duration FOREVER = Duration.ofSeconds(-1);

    /** How long the message stays invisible after sending (0 to 7 days). */
    @Value.Default
    default Duration visibilityDelay() {
        return Duration.ZERO;
    }

    /** How long the message lives (default 7 days), or null for the default; negative means forever. */
    @Nullable
    Duration timeToLive();

    @Value.Check
    default void check() {
        Duration delay = visibilityDelay();
        if (delay.isNegative() || delay.compareTo(MAX_VISIBILITY) > 0) {
            throw StorageException.invalidArgument("visibilityDelay", "must be between 0 and 7 days, was " + delay);
        }
        Duration ttl = timeToLive();
        if (ttl != null && ttl.isZero()) {
            throw StorageException.invalidArgument("timeToLive", "must be positive, or negative for forever");
        }
        if (ttl != null && !ttl.isNegative() && ttl.compareTo(delay) <= 0) {
            throw StorageException.invalidArgument("timeToLive", "must be longer than visibilityDelay");
        }
    }

    /** The time to live in effect (the default when none was given). */
    default Duration effectiveTimeToLive() {
        return timeToLive() == null ? DEFAULT_TIME_TO_LIVE : timeToLive();
    }

    /** Whether the message never expires. */
    default boolean neverExpires() {
        return timeToLive() != null && timeToLive().isNegative();
    }

    /** Visible at once, living 7 days. */
    static SendMessageOptions defaults() {
        return Defaults.SEND;
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SendMessageOptions}. */
    final class Builder extends ImmutableSendMessageOptions.Builder {
    }
}
