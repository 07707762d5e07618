package io.unistore.testsupport.servicebus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One queue and its dead-letter sub-queue, with Service Bus's rules: sequence numbers per entity, peek-lock with
 * a lock of the queue's duration, a delivery count that rises with each lock (abandoned or expired), dead
 * lettering after {@code maxDeliveryCount} deliveries, time to live, scheduled messages. Thread-safe: the AMQP
 * thread and the administration threads share it.
 */
final class SbQueue {
    /** Service Bus's defaults for a new queue. */
    static final Duration DEFAULT_LOCK = Duration.ofMinutes(1);
    static final int DEFAULT_MAX_DELIVERIES = 10;

    final String name;
    final Instant createdAt;
    Instant updatedAt;
    Duration lockDuration = DEFAULT_LOCK;
    int maxDeliveryCount = DEFAULT_MAX_DELIVERIES;
    /** Null: messages without a time to live never expire. */
    Duration defaultTimeToLive;
    boolean deadLetteringOnMessageExpiration;
    String userMetadata;

    private final TreeMap<Long, SbMessage> active = new TreeMap<>();
    private final TreeMap<Long, SbMessage> deadLetters = new TreeMap<>();
    private long nextSequence = 1;

    SbQueue(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    private TreeMap<Long, SbMessage> part(boolean deadLetter) {
        return deadLetter ? deadLetters : active;
    }

    /** Enqueues a message (scheduled when {@code scheduledFor} is later than now); returns it. */
    synchronized SbMessage enqueue(byte[] bare, String messageId, long ttlMillis, Instant scheduledFor, Instant now) {
        long ttl = ttlMillis > 0 ? ttlMillis : defaultTimeToLive == null ? 0 : defaultTimeToLive.toMillis();
        Instant at = scheduledFor != null && scheduledFor.isAfter(now) ? scheduledFor : null;
        SbMessage m = new SbMessage(nextSequence++, bare, messageId, now, ttl, at);
        active.put(m.sequenceNumber, m);
        return m;
    }

    /** Cancels a scheduled message; false if no such message is still scheduled. */
    synchronized boolean cancelScheduled(long sequenceNumber, Instant now) {
        SbMessage m = active.get(sequenceNumber);
        if (m == null || !m.isScheduled(now)) {
            return false;
        }
        active.remove(sequenceNumber);
        return true;
    }

    /**
     * Locks the oldest available message for a peek-lock receiver, or removes it for receive-and-delete.
     *
     * @return the message, or null when none is available
     */
    synchronized SbMessage takeNext(boolean deadLetter, boolean peekLock, Instant now) {
        sweep(now);
        TreeMap<Long, SbMessage> part = part(deadLetter);
        for (SbMessage m : part.values()) {
            if (!m.isAvailable(now)) {
                continue;
            }
            m.deliveries++;
            if (peekLock) {
                m.lockToken = UUID.randomUUID();
                m.lockedUntil = now.plus(lockDuration);
            } else {
                part.remove(m.sequenceNumber);
            }
            return m;
        }
        return null;
    }

    private SbMessage locked(UUID lockToken, Instant now) {
        for (TreeMap<Long, SbMessage> part : List.of(active, deadLetters)) {
            for (SbMessage m : part.values()) {
                if (lockToken.equals(m.lockToken)) {
                    return m.isLocked(now) ? m : null;
                }
            }
        }
        return null;
    }

    /** Completes (removes) a locked message; false if its lock was lost. */
    synchronized boolean complete(UUID lockToken, Instant now) {
        SbMessage m = locked(lockToken, now);
        if (m == null) {
            return false;
        }
        (m.deadLetterSource == null ? active : deadLetters).remove(m.sequenceNumber);
        return true;
    }

    /**
     * Releases a lock: the message is available again, dead-lettered once its deliveries reach the maximum.
     *
     * @param counted false for AMQP's {@code released} outcome (the client never handed the message to anyone,
     *                e.g. it arrived after a receive timed out), which the delivery count does not include
     */
    synchronized boolean abandon(UUID lockToken, boolean counted, Instant now) {
        SbMessage m = locked(lockToken, now);
        if (m == null) {
            return false;
        }
        if (!counted) {
            m.deliveries--;
        }
        release(m);
        return true;
    }

    /** Moves a locked message to the dead-letter sub-queue. */
    synchronized boolean deadLetter(UUID lockToken, String reason, String description, Instant now) {
        SbMessage m = locked(lockToken, now);
        if (m == null) {
            return false;
        }
        if (m.deadLetterSource == null) {
            moveToDeadLetters(m, reason, description);
        } else {
            m.lockToken = null;
        }
        return true;
    }

    /** Renews a lock for another lock duration; null if the lock was lost. */
    synchronized Instant renew(UUID lockToken, Instant now) {
        SbMessage m = locked(lockToken, now);
        if (m == null) {
            return null;
        }
        m.lockedUntil = now.plus(lockDuration);
        return m.lockedUntil;
    }

    /** Up to {@code count} messages from {@code fromSequence} on, locked or scheduled ones included, as Service Bus peeks. */
    synchronized List<SbMessage> peek(boolean deadLetter, long fromSequence, int count, Instant now) {
        sweep(now);
        List<SbMessage> out = new ArrayList<>();
        for (SbMessage m : part(deadLetter).tailMap(fromSequence, true).values()) {
            if (out.size() >= count) {
                break;
            }
            out.add(m);
        }
        return out;
    }

    /** Ends expired locks and removes (or dead-letters) expired messages. */
    synchronized void sweep(Instant now) {
        Iterator<SbMessage> it = active.values().iterator();
        List<SbMessage> toDeadLetter = new ArrayList<>();
        while (it.hasNext()) {
            SbMessage m = it.next();
            if (m.lockToken != null && !m.lockedUntil.isAfter(now)) {
                m.lockToken = null;
                if (m.deliveries >= maxDeliveryCount) {
                    toDeadLetter.add(m);
                    continue;
                }
            }
            if (m.lockToken == null && m.isExpired(now)) {
                if (deadLetteringOnMessageExpiration) {
                    toDeadLetter.add(m);
                } else {
                    it.remove();
                }
            }
        }
        for (SbMessage m : toDeadLetter) {
            moveToDeadLetters(m, m.isExpired(now) ? "TTLExpiredException" : "MaxDeliveryCountExceeded",
                    m.isExpired(now) ? "The message expired and was dead lettered."
                            : "Message could not be consumed after " + maxDeliveryCount + " delivery attempts.");
        }
        for (SbMessage m : deadLetters.values()) {
            if (m.lockToken != null && !m.lockedUntil.isAfter(now)) {
                m.lockToken = null;
            }
        }
    }

    private void release(SbMessage m) {
        m.lockToken = null;
        if (m.deadLetterSource == null && m.deliveries >= maxDeliveryCount) {
            moveToDeadLetters(m, "MaxDeliveryCountExceeded",
                    "Message could not be consumed after " + maxDeliveryCount + " delivery attempts.");
        }
    }

    private void moveToDeadLetters(SbMessage m, String reason, String description) {
        active.remove(m.sequenceNumber);
        m.lockToken = null;
        m.deadLetterSource = name;
        m.deadLetterReason = reason;
        m.deadLetterDescription = description;
        deadLetters.put(m.sequenceNumber, m);
    }

    /** Active (not scheduled), scheduled and dead-lettered message counts, and their bytes. */
    synchronized long[] counts(Instant now) {
        sweep(now);
        long activeCount = 0;
        long scheduled = 0;
        long bytes = 0;
        for (SbMessage m : active.values()) {
            if (m.isScheduled(now)) {
                scheduled++;
            } else {
                activeCount++;
            }
            bytes += m.bareMessage.length;
        }
        for (SbMessage m : deadLetters.values()) {
            bytes += m.bareMessage.length;
        }
        return new long[] {activeCount, scheduled, deadLetters.size(), bytes};
    }
}
