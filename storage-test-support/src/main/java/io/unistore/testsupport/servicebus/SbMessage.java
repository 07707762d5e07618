package io.unistore.testsupport.servicebus;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in a queue or its dead-letter sub-queue: the bare message as the sender encoded it (properties,
 * application properties, body), kept as bytes so each delivery decodes a fresh copy, plus what the broker adds.
 */
final class SbMessage {
    final long sequenceNumber;
    final byte[] bareMessage;
    final String messageId;
    final Instant enqueuedAt;
    /** When it expires (enqueue time plus its time to live, or the queue's default); null for never. */
    final Instant expiresAt;
    final long timeToLiveMillis;
    /** A scheduled message stays invisible until then; null once it is active. */
    Instant scheduledFor;
    /** How many times it was delivered in peek-lock (the AMQP header carries this minus one). */
    int deliveries;
    UUID lockToken;
    Instant lockedUntil;
    /** Where it was dead-lettered from, and why; null while active. */
    String deadLetterSource;
    String deadLetterReason;
    String deadLetterDescription;

    SbMessage(long sequenceNumber, byte[] bareMessage, String messageId, Instant enqueuedAt, long timeToLiveMillis,
              Instant scheduledFor) {
        this.sequenceNumber = sequenceNumber;
        this.bareMessage = bareMessage;
        this.messageId = messageId;
        this.enqueuedAt = enqueuedAt;
        this.timeToLiveMillis = timeToLiveMillis;
        Instant from = scheduledFor != null && scheduledFor.isAfter(enqueuedAt) ? scheduledFor : enqueuedAt;
        this.expiresAt = timeToLiveMillis <= 0 || timeToLiveMillis >= Long.MAX_VALUE / 2 ? null
                : from.plusMillis(timeToLiveMillis);
        this.scheduledFor = scheduledFor;
    }

    boolean isLocked(Instant now) {
        return lockToken != null && lockedUntil.isAfter(now);
    }

    boolean isScheduled(Instant now) {
        return scheduledFor != null && scheduledFor.isAfter(now);
    }

    boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** Whether a receiver may take it now. */
    boolean isAvailable(Instant now) {
        return !isLocked(now) && !isScheduled(now) && !isExpired(now);
    }
}
