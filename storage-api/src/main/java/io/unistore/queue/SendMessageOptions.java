package io.unistore.queue;

import io.unistore.Nullable;
import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import java.time.Duration;
import java.util.Map;
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

    /**
     * Text attributes sent with the message and received with it (SQS message attributes); empty for none.
     * Needs {@link io.unistore.Capability#QUEUE_MESSAGE_ATTRIBUTES}.
     */
    Map<String, String> attributes();

    /**
     * The message group of a FIFO queue: messages of one group are received in order, one batch at a time.
     * Needs {@link io.unistore.Capability#QUEUE_FIFO}; null for the queue's default group.
     */
    @Nullable
    String groupId();

    /**
     * The deduplication id of a FIFO queue: a second send with the same id within 5 minutes is accepted and
     * dropped. Needs {@link io.unistore.Capability#QUEUE_FIFO}; null to deduplicate by content.
     */
    @Nullable
    String deduplicationId();

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
        token("groupId", groupId());
        token("deduplicationId", deduplicationId());
        attributes().forEach((k, v) -> {
            if (k.isEmpty() || k.length() > 256 || !k.matches("[A-Za-z0-9_.-]+") || k.startsWith(".")
                    || k.endsWith(".") || k.contains("..")) {
                throw StorageException.invalidArgument("attributes", "names are 1-256 letters, digits, '_', '-' "
                        + "and '.' (not at either end nor twice in a row), was '" + k + "'");
            }
        });
    }

    /** FIFO ids: 1-128 printable ASCII characters, as SQS takes them. */
    private static void token(String name, String value) {
        if (value != null && (value.isEmpty() || value.length() > 128 || !value.matches("[\\x21-\\x7E]+"))) {
            throw StorageException.invalidArgument(name, "must be 1-128 printable ASCII characters without spaces");
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
