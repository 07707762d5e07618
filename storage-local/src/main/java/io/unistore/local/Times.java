package io.unistore.local;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Time as stored: nanoseconds since the epoch in a long (good until 2262). */
final class Times {
    /** Version and snapshot ids: fixed-width timestamps, so text order is time order. */
    private static final DateTimeFormatter ID = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private Times() {
    }

    static long now() {
        return nanos(Instant.now());
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** A timestamp id later than {@code previous} (null for none), from the clock or one nanosecond after. */
    static String nextId(String previous) {
        long now = now();
        if (previous != null) {
            long last = nanos(Instant.from(ID.parse(previous)));
            if (now <= last) {
                now = last + 1;
            }
        }
        return ID.format(instant(now));
    }
}
