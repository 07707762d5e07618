package io.unistore.queue;

import io.unistore.StorageException;
import java.time.Duration;

/**
 * Options of {@link QueueStore#sendMessage}.
 *
 * @param visibilityDelay how long the message stays invisible after sending (0 to 7 days)
 * @param timeToLive how long the message lives (default 7 days), or null for the default; a negative
 *                   duration means forever
 */
public record SendMessageOptions(Duration visibilityDelay, Duration timeToLive) {

    public static final Duration MAX_VISIBILITY = Duration.ofDays(7);
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(7);
    /** A time to live that never expires. */
    public static final Duration FOREVER = Duration.ofSeconds(-1);

    public static final SendMessageOptions DEFAULT = new SendMessageOptions(Duration.ZERO, null);

    public SendMessageOptions {
        visibilityDelay = visibilityDelay == null ? Duration.ZERO : visibilityDelay;
        if (visibilityDelay.isNegative() || visibilityDelay.compareTo(MAX_VISIBILITY) > 0) {
            throw StorageException.invalidArgument("visibilityDelay", "must be between 0 and 7 days, was "
                    + visibilityDelay);
        }
        if (timeToLive != null && timeToLive.isZero()) {
            throw StorageException.invalidArgument("timeToLive", "must be positive, or negative for forever");
        }
        if (timeToLive != null && !timeToLive.isNegative() && timeToLive.compareTo(visibilityDelay) <= 0) {
            throw StorageException.invalidArgument("timeToLive", "must be longer than visibilityDelay");
        }
    }

    public static SendMessageOptions defaults() {
        return DEFAULT;
    }

    public SendMessageOptions withVisibilityDelay(Duration v) {
        return new SendMessageOptions(v, timeToLive);
    }

    public SendMessageOptions withTimeToLive(Duration v) {
        return new SendMessageOptions(visibilityDelay, v);
    }

    /** The time to live in effect (the default when none was given). */
    public Duration effectiveTimeToLive() {
        return timeToLive == null ? DEFAULT_TIME_TO_LIVE : timeToLive;
    }

    /** Whether the message never expires. */
    public boolean neverExpires() {
        return timeToLive != null && timeToLive.isNegative();
    }
}
