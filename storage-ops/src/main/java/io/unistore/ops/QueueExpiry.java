package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.ReceiveOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Expires queue messages older than a cut-off (by the time each was inserted), on providers that can peek
 * ({@link Capability#QUEUE_PEEK}). Queues hand out their oldest messages first, so the head is peeked: when it
 * holds messages inserted before the cut-off, as many are received (hidden for {@link #HOLD}) and those
 * received that are old are deleted with their receipt; a young one received in the meantime (another consumer
 * took the old one) is made visible again at once where the provider can ({@link Capability#QUEUE_VISIBILITY_UPDATE}),
 * else it reappears when the hold ends. The run stops at the first young message at the head, so an old message
 * behind a younger one (queues are only roughly ordered) waits for a later run.
 *
 * <p>A provider that cannot peek (SQS, Service Bus here) is not touched: finding old messages would mean receiving
 * every message, which counts a delivery each (and can move them to a dead-letter queue). The result says so; such
 * queues expire messages themselves with a time to live given when sending ({@link Capability#QUEUE_MESSAGE_TTL}).
 */
public final class QueueExpiry {
    /** How long received messages stay hidden while they are looked at. */
    static final Duration HOLD = Duration.ofSeconds(30);

    private QueueExpiry() {
    }

    /**
     * The result of an expiry.
     *
     * @param peeked messages looked at by peeking
     * @param expired messages found older than the cut-off (in a dry run: among the first peeked at the head)
     * @param deleted messages deleted (0 in a dry run)
     * @param released young messages received and made visible again
     * @param heldUntilTimeout young messages received that reappear only when {@link #HOLD} ends (no visibility
     *        update on this provider)
     * @param skippedChanged old messages deleted or taken by another consumer meanwhile
     * @param cutoff messages inserted before this expired
     * @param notDone why nothing was done (the provider cannot peek), else null
     * @param interrupted whether the run was stopped before the end
     * @param duration how long it took
     */
    public record Result(long peeked, long expired, long deleted, long released, long heldUntilTimeout,
                         long skippedChanged, Instant cutoff, String notDone, boolean interrupted, Duration duration) {
    }

    /**
     * Deletes (or, with {@code dryRun}, counts at the head) the messages of {@code queue} inserted more than
     * {@code olderThan} before {@code now}.
     *
     * @param now the instant ages are measured from (null: the clock)
     */
    public static Result expire(StorageAccount account, String queue, Duration olderThan, boolean dryRun, Instant now,
                                ProgressCallback progress) {
        if (olderThan == null || olderThan.isNegative()) {
            throw StorageException.invalidArgument("olderThan", "must be a duration of 0 or more");
        }
        Instant cutoff = (now == null ? Instant.now() : now).minus(olderThan);
        ProgressMeter meter = new ProgressMeter("expire-queue-messages", progress, Duration.ofMillis(500));
        if (!account.capabilities().has(Capability.QUEUE_PEEK)) {
            account.queues().getQueueProperties(queue); // a missing queue is still NOT_FOUND
            meter.phase("done");
            return new Result(0, 0, 0, 0, 0, 0, cutoff, "not done: " + account.providerId() + " queues cannot be "
                    + "peeked, and finding old messages would receive every message (a delivery each); give "
                    + "messages a time to live when sending instead", false, meter.elapsed());
        }
        boolean release = account.capabilities().has(Capability.QUEUE_VISIBILITY_UPDATE);
        int batch = account.capabilities().limits().maxReceiveMessages();
        meter.phase(dryRun ? "counting" : "expiring");
        long peeked = 0;
        long expired = 0;
        long deleted = 0;
        long released = 0;
        long held = 0;
        long changed = 0;
        boolean interrupted = false;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                break;
            }
            List<QueueMessage> head = account.queues().peekMessages(queue, batch);
            peeked += head.size();
            int old = 0;
            while (old < head.size() && isOld(head.get(old), cutoff)) {
                old++;
            }
            if (dryRun) {
                expired += old;
                break;
            }
            if (old == 0) {
                break;
            }
            List<QueueMessage> received = account.queues().receiveMessages(queue, ReceiveOptions.of(old, HOLD));
            long oldReceived = 0;
            for (QueueMessage m : received) {
                if (isOld(m, cutoff)) {
                    oldReceived++;
                    expired++;
                    try {
                        account.queues().deleteMessage(queue, m.messageId(), m.popReceipt());
                        deleted++;
                        meter.done();
                    } catch (StorageException e) {
                        if (e.code() != ErrorCode.NOT_FOUND && e.code() != ErrorCode.PRECONDITION_FAILED) {
                            throw e;
                        }
                        changed++;
                        meter.skipped();
                    }
                } else if (release) {
                    account.queues().updateMessage(queue, m.messageId(), m.popReceipt(), null, Duration.ZERO);
                    released++;
                } else {
                    held++;
                }
            }
            if (oldReceived == 0) {
                changed += old; // another consumer took the old ones first
                break;
            }
        }
        meter.phase(interrupted ? "interrupted" : "done");
        return new Result(peeked, expired, deleted, released, held, changed, cutoff, null, interrupted,
                meter.elapsed());
    }

    private static boolean isOld(QueueMessage m, Instant cutoff) {
        return m.insertedAt() != null && m.insertedAt().isBefore(cutoff);
    }
}
