package io.unistore.azure;

import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peek-locks this store holds, and the visibility timeouts it keeps on them. Service Bus locks a received
 * message for the queue's lock duration, and only the receiver that took it can settle it; a visibility timeout
 * is the caller's choice per receive. So the store keeps each lock until the timeout: it renews the lock while the
 * timeout is further away than the lock's end, and abandons the message when the timeout ends (it reappears,
 * its delivery count one higher). The pop receipt is {@code <lock token>:<generation>}; each visibility update
 * issues the next generation, so older receipts are stale. If this process ends, Service Bus ends the locks at
 * their own expiry: the message reappears then, earlier than a longer timeout promised.
 */
final class HeldLocks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeldLocks.class);
    /** Settled locks are remembered this long, to tell a stale receipt from an unknown one. */
    private static final Duration REMEMBER = Duration.ofMinutes(15);

    enum State { HELD, RELEASED, COMPLETED }

    /** One received message and what the store does with its lock. */
    static final class Held {
        final String queue;
        final ServiceBusReceivedMessage message;
        final ServiceBusReceiverClient receiver;
        final Duration lockDuration;
        int generation;
        Instant visibleAt;
        OffsetDateTime lockedUntil;
        State state = State.HELD;
        Instant settledAt;

        Held(String queue, ServiceBusReceivedMessage message, ServiceBusReceiverClient receiver, Instant visibleAt) {
            this.queue = queue;
            this.message = message;
            this.receiver = receiver;
            this.visibleAt = visibleAt;
            this.lockedUntil = message.getLockedUntil();
            Duration left = lockedUntil == null ? Duration.ofSeconds(30)
                    : Duration.between(Instant.now(), lockedUntil.toInstant());
            this.lockDuration = left.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : left;
        }

        String receipt() {
            return message.getLockToken() + ":" + generation;
        }
    }

    private final Map<String, Held> byToken = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unistore-servicebus-locks");
        t.setDaemon(true);
        return t;
    });

    HeldLocks() {
        timer.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Starts holding a received message until {@code visibleAt}. */
    Held hold(String queue, ServiceBusReceivedMessage message, ServiceBusReceiverClient receiver, Instant visibleAt) {
        Held h = new Held(queue, message, receiver, visibleAt);
        byToken.put(message.getLockToken(), h);
        return h;
    }

    /**
     * The held message a receipt names.
     *
     * @throws StorageException PRECONDITION_FAILED for a stale receipt or one this store does not hold; NOT_FOUND
     *                          once the message was deleted
     */
    Held current(String queue, String messageId, String popReceipt) {
        int colon = popReceipt == null ? -1 : popReceipt.lastIndexOf(':');
        Held h = colon < 0 ? null : byToken.get(popReceipt.substring(0, colon));
        if (h == null || !h.queue.equals(queue) || !String.valueOf(h.message.getMessageId()).equals(messageId)) {
            throw new StorageException(ErrorCode.PRECONDITION_FAILED, "message " + messageId + " of queue " + queue
                    + ": the pop receipt is not a lock this store holds (Service Bus locks belong to the receiver "
                    + "that took the message)");
        }
        synchronized (h) {
            if (h.state == State.COMPLETED) {
                throw StorageException.notFound("message " + messageId + " of queue " + queue);
            }
            if (h.state == State.RELEASED || !popReceipt.equals(h.receipt())) {
                throw new StorageException(ErrorCode.PRECONDITION_FAILED, "message " + messageId + " of queue "
                        + queue + ": the pop receipt is stale (the message was updated or became visible again)");
            }
        }
        return h;
    }

    /** The messages of a queue this store holds now. */
    List<Held> heldIn(String queue) {
        List<Held> out = new ArrayList<>();
        for (Held h : byToken.values()) {
            if (h.queue.equals(queue) && h.state == State.HELD) {
                out.add(h);
            }
        }
        return out;
    }

    static void settled(Held h, State state) {
        synchronized (h) {
            h.state = state;
            h.settledAt = Instant.now();
        }
    }

    private void tick() {
        Instant now = Instant.now();
        for (Held h : byToken.values()) {
            try {
                synchronized (h) {
                    if (h.state != State.HELD) {
                        if (h.settledAt.plus(REMEMBER).isBefore(now)) {
                            byToken.remove(h.message.getLockToken());
                        }
                        continue;
                    }
                    if (!now.isBefore(h.visibleAt)) {
                        h.receiver.abandon(h.message);
                        settled(h, State.RELEASED);
                    } else if (h.lockedUntil != null && h.visibleAt.isAfter(h.lockedUntil.toInstant())
                            && Duration.between(now, h.lockedUntil.toInstant())
                                    .compareTo(h.lockDuration.dividedBy(2)) < 0) {
                        h.lockedUntil = h.receiver.renewMessageLock(h.message);
                    }
                }
            } catch (RuntimeException e) {
                // The lock is gone (expired, or the queue deleted): Service Bus makes the message visible itself.
                LOG.debug("Service Bus lock of a message in {} ended: {}", h.queue, e.toString());
                settled(h, State.RELEASED);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
