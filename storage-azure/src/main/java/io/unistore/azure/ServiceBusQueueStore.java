package io.unistore.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.IterableStream;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.azure.messaging.servicebus.administration.ServiceBusAdministrationClient;
import com.azure.messaging.servicebus.administration.models.CreateQueueOptions;
import com.azure.messaging.servicebus.administration.models.QueueRuntimeProperties;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.messaging.servicebus.models.SubQueue;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.queue.DeadLetterPolicy;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueProperties;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import io.unistore.queue.UpdateReceipt;
import io.unistore.spi.ContinuationTokens;
import io.unistore.spi.QueueBackend;
import io.unistore.spi.QueueMessageText;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Azure Service Bus queues as a {@link QueueBackend}, over {@code azure-messaging-servicebus}. Receives are
 * peek-lock; the lock token is the pop receipt (with a generation, {@link HeldLocks}); delete completes,
 * a visibility update renews the lock (or abandons the message for a zero timeout); peek skips messages that are
 * locked, scheduled or expired, as Azure Queue's peek does. Queue metadata is kept in the queue's user metadata
 * (form-encoded). Bodies become text by the {@link QueueMessageEncoding} as on Azure Queue Storage. Dead letters
 * are Service Bus's own: the policy is the queue's {@code MaxDeliveryCount}, an explicit dead-letter is the
 * dead-letter settlement, and {@code <queue>/$deadletterqueue} is read by a receiver on that sub-queue.
 */
final class ServiceBusQueueStore implements QueueBackend, AutoCloseable {
    private static final int PEEK_PAGE = 32;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(3);
    private static final int MAX_PEEK_PAGES = 20;
    private static final long NEVER_MILLIS = Duration.ofDays(3650 * 10).toMillis();

    private final ServiceBusClientBuilder builder;
    private final ServiceBusAdministrationClient admin;
    private final QueueMessageEncoding accountEncoding;
    private final int maxMessageBytes;
    private final Duration receiveWait;
    private final Duration lockDuration;
    private final Map<String, ServiceBusSenderClient> senders = new ConcurrentHashMap<>();
    private final Map<String, ServiceBusReceiverClient> receivers = new ConcurrentHashMap<>();
    /** Receivers whose link is open: the first receive also attaches the link, which takes longer. */
    private final java.util.Set<ServiceBusReceiverClient> attached = ConcurrentHashMap.newKeySet();
    private final HeldLocks locks = new HeldLocks();

    ServiceBusQueueStore(ServiceBusClientBuilder builder, ServiceBusAdministrationClient admin,
                         QueueMessageEncoding accountEncoding, int maxMessageBytes, Duration receiveWait,
                         Duration lockDuration) {
        this.builder = builder;
        this.admin = admin;
        this.accountEncoding = accountEncoding;
        this.maxMessageBytes = maxMessageBytes;
        this.receiveWait = receiveWait;
        this.lockDuration = lockDuration;
    }

    @Override
    public QueueMessageEncoding messageEncoding() {
        return accountEncoding;
    }

    private ServiceBusSenderClient sender(String queue) {
        return senders.computeIfAbsent(queue, q -> builder.sender().queueName(q).buildClient());
    }

    private ServiceBusReceiverClient receiver(String queue) {
        return receivers.computeIfAbsent(queue, q -> {
            var r = builder.receiver().queueName(base(q));
            if (isDeadLetterQueue(q)) {
                r.subQueue(SubQueue.DEAD_LETTER_QUEUE);
            }
            return r.receiveMode(ServiceBusReceiveMode.PEEK_LOCK).disableAutoComplete().prefetchCount(0)
                    .buildClient();
        });
    }

    private static boolean isDeadLetterQueue(String queue) {
        return queue.endsWith(QueueStore.DEAD_LETTER_SUBQUEUE);
    }

    /** The queue an entity belongs to: the name itself, or the queue of a dead-letter sub-queue. */
    private static String base(String queue) {
        return isDeadLetterQueue(queue)
                ? queue.substring(0, queue.length() - QueueStore.DEAD_LETTER_SUBQUEUE.length()) : queue;
    }

    /** How long a receive waits for messages: longer the first time, while the SDK attaches the link. */
    private Duration waitFor(ServiceBusReceiverClient r) {
        return attached.add(r) && receiveWait.compareTo(FIRST_WAIT) < 0 ? FIRST_WAIT : receiveWait;
    }

    /** Closes and forgets a queue's clients (after a delete, or a failure that closed their links). */
    private void forget(String queue) {
        if (!isDeadLetterQueue(queue)) {
            forget(queue + QueueStore.DEAD_LETTER_SUBQUEUE);
        }
        ServiceBusSenderClient s = senders.remove(queue);
        if (s != null) {
            s.close();
        }
        ServiceBusReceiverClient r = receivers.remove(queue);
        if (r != null) {
            attached.remove(r);
            r.close();
        }
    }

    /** Fails NOT_FOUND unless the queue exists (the AMQP links would retry a missing entity for a while). */
    private void requireQueue(String queue) {
        if (!queueExists(base(queue))) {
            forget(queue);
            throw StorageException.notFound("queue " + queue);
        }
    }

    // ---- queues ------------------------------------------------------------------------------------

    @Override
    public void createQueue(String queue, Map<String, String> metadata) {
        ServiceBusErrors.run("create of queue " + queue, () -> admin.createQueue(queue, new CreateQueueOptions()
                .setLockDuration(lockDuration).setUserMetadata(ServiceBusMetadata.encode(metadata))));
    }

    @Override
    public boolean deleteQueue(String queue) {
        forget(queue);
        try {
            admin.deleteQueue(queue);
            return true;
        } catch (RuntimeException e) {
            if (ServiceBusErrors.isNotFound(e)) {
                return false;
            }
            throw ServiceBusErrors.translate("delete of queue " + queue, e);
        }
    }

    @Override
    public boolean queueExists(String queue) {
        return ServiceBusErrors.call("existence check of queue " + queue, () -> admin.getQueueExists(queue));
    }

    /** Queues in name order; the continuation token is the last name returned. */
    @Override
    public PagedIterable<QueueInfo> listQueues(ListOptions options) {
        return PagedIterable.of((token, size) -> {
            String after = ContinuationTokens.decode(token);
            List<QueueInfo> all = ServiceBusErrors.call("listing of queues", () -> {
                List<QueueInfo> items = new ArrayList<>();
                admin.listQueues().forEach(q -> {
                    String name = q.getName();
                    if ((options.prefix() == null || name.startsWith(options.prefix()))
                            && (after == null || name.compareTo(after) > 0)) {
                        items.add(new QueueInfo(name, ServiceBusMetadata.decode(q.getUserMetadata())));
                    }
                });
                items.sort(Comparator.comparing(QueueInfo::name));
                return items;
            });
            if (all.size() > size) {
                List<QueueInfo> page = all.subList(0, size);
                return new Page<>(List.copyOf(page), ContinuationTokens.encode(page.get(size - 1).name()));
            }
            return Page.last(all);
        }, options.continuationToken(), options.pageSize());
    }

    @Override
    public QueueProperties getQueueProperties(String queue) {
        return ServiceBusErrors.call("properties of queue " + queue, () -> {
            var p = admin.getQueue(base(queue));
            QueueRuntimeProperties r = admin.getQueueRuntimeProperties(base(queue));
            return new QueueProperties(queue, ServiceBusMetadata.decode(p.getUserMetadata()), isDeadLetterQueue(queue)
                    ? r.getDeadLetterMessageCount() : (long) r.getActiveMessageCount() + r.getScheduledMessageCount());
        });
    }

    @Override
    public void setQueueMetadata(String queue, Map<String, String> metadata) {
        ServiceBusErrors.run("metadata of queue " + queue, () -> {
            var p = admin.getQueue(queue);
            p.setUserMetadata(ServiceBusMetadata.encode(metadata));
            admin.updateQueue(p);
        });
    }

    /**
     * Removes every message: those this store holds locked are completed, the others received and deleted, and
     * scheduled ones cancelled. Messages locked by another receiver stay until their lock ends.
     */
    @Override
    public void clearMessages(String queue) {
        requireQueue(queue);
        ServiceBusErrors.run("clear of queue " + queue, () -> {
            for (HeldLocks.Held h : locks.heldIn(queue)) {
                settle(h, true);
            }
            // A receive-and-delete link of its own, closed at once: credit left on an open one would take (and
            // delete) messages sent after the clear.
            try (ServiceBusReceiverClient drain = builder.receiver().queueName(queue)
                    .receiveMode(ServiceBusReceiveMode.RECEIVE_AND_DELETE).prefetchCount(0).buildClient()) {
                Duration wait = receiveWait.compareTo(FIRST_WAIT) < 0 ? FIRST_WAIT : receiveWait;
                while (drain.receiveMessages(256, wait).stream().findAny().isPresent()) {
                    wait = receiveWait;
                }
            }
            Instant now = Instant.now();
            List<Long> scheduled = new ArrayList<>();
            for (ServiceBusReceivedMessage m : peekAll(queue)) {
                if (isScheduled(m, now)) {
                    scheduled.add(m.getSequenceNumber());
                }
            }
            if (!scheduled.isEmpty()) {
                sender(queue).cancelScheduledMessages(scheduled);
            }
        });
    }

    // ---- messages ----------------------------------------------------------------------------------

    @Override
    public SendReceipt sendMessage(String queue, byte[] body, QueueMessageEncoding encoding,
                                   SendMessageOptions options) {
        String text = QueueMessageText.encode(body, QueueMessageText.required(encoding), maxMessageBytes);
        String id = UUID.randomUUID().toString();
        ServiceBusMessage m = new ServiceBusMessage(BinaryData.fromString(text)).setMessageId(id);
        if (!options.neverExpires()) {
            m.setTimeToLive(options.effectiveTimeToLive());
        }
        Instant now = Instant.now();
        Duration delay = options.visibilityDelay();
        Instant visible = now.plus(delay);
        Instant expires = options.neverExpires() ? null : visible.plus(options.effectiveTimeToLive());
        return ServiceBusErrors.call("send to queue " + queue, () -> {
            requireQueue(queue);
            if (delay.isZero()) {
                sender(queue).sendMessage(m);
                // Service Bus gives a sent message no handle: only receiving it (its lock) can delete it.
                return new SendReceipt(id, null, now, expires, now);
            }
            long seq = sender(queue).scheduleMessage(m, OffsetDateTime.ofInstant(visible, ZoneOffset.UTC));
            return new SendReceipt(id, "scheduled:" + seq, now, expires, visible);
        });
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, QueueMessageEncoding encoding, ReceiveOptions options) {
        QueueMessageEncoding enc = QueueMessageText.required(encoding);
        requireQueue(queue);
        ServiceBusReceiverClient r = receiver(queue);
        IterableStream<ServiceBusReceivedMessage> got = ServiceBusErrors.call("receive from queue " + queue,
                () -> r.receiveMessages(options.maxMessages(), waitFor(r)));
        List<HeldLocks.Held> held = new ArrayList<>();
        for (ServiceBusReceivedMessage m : got) {
            held.add(locks.hold(queue, m, r, Instant.now().plus(options.visibilityTimeout())));
        }
        List<QueueMessage> out = new ArrayList<>();
        for (HeldLocks.Held h : held) {
            // Bodies are read after every lock is held: a body the encoding cannot read leaves all hidden.
            out.add(toMessage(h.message, enc, "receive from queue " + queue, h.receipt(), h.visibleAt,
                    h.message.getDeliveryCount() + 1));
        }
        return out;
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, QueueMessageEncoding encoding, int maxMessages) {
        QueueMessageEncoding enc = QueueMessageText.required(encoding);
        requireQueue(queue);
        Instant now = Instant.now();
        List<QueueMessage> out = new ArrayList<>();
        long from = 0;
        for (int page = 0; page < MAX_PEEK_PAGES && out.size() < maxMessages; page++) {
            long start = from;
            List<ServiceBusReceivedMessage> batch = ServiceBusErrors.call("peek of queue " + queue,
                    () -> receiver(queue).peekMessages(PEEK_PAGE, start).stream().toList());
            if (batch.isEmpty()) {
                break;
            }
            for (ServiceBusReceivedMessage m : batch) {
                from = Math.max(from, m.getSequenceNumber() + 1);
                boolean locked = m.getLockedUntil() != null && m.getLockedUntil().toInstant().isAfter(now);
                if (locked || isScheduled(m, now) || isExpired(m, now) || out.size() >= maxMessages) {
                    continue;
                }
                out.add(toMessage(m, enc, "peek of queue " + queue, null, null, m.getDeliveryCount()));
            }
        }
        return out;
    }

    private List<ServiceBusReceivedMessage> peekAll(String queue) {
        List<ServiceBusReceivedMessage> all = new ArrayList<>();
        long from = 0;
        for (int page = 0; page < MAX_PEEK_PAGES * 10; page++) {
            List<ServiceBusReceivedMessage> batch = receiver(queue).peekMessages(PEEK_PAGE * 8, from).stream()
                    .toList();
            if (batch.isEmpty()) {
                break;
            }
            for (ServiceBusReceivedMessage m : batch) {
                from = Math.max(from, m.getSequenceNumber() + 1);
                all.add(m);
            }
        }
        return all;
    }

    private static boolean isScheduled(ServiceBusReceivedMessage m, Instant now) {
        return m.getScheduledEnqueueTime() != null && m.getScheduledEnqueueTime().toInstant().isAfter(now);
    }

    private static boolean isExpired(ServiceBusReceivedMessage m, Instant now) {
        Instant expires = expiresAt(m);
        return expires != null && !expires.isAfter(now);
    }

    private static Instant expiresAt(ServiceBusReceivedMessage m) {
        Duration ttl = m.getTimeToLive();
        if (ttl == null || ttl.isZero() || ttl.toMillis() >= NEVER_MILLIS || m.getEnqueuedTime() == null) {
            return null;
        }
        return m.getEnqueuedTime().toInstant().plus(ttl);
    }

    private static QueueMessage toMessage(ServiceBusReceivedMessage m, QueueMessageEncoding enc, String where,
                                          String receipt, Instant visibleAt, long dequeueCount) {
        byte[] raw = m.getBody() == null ? new byte[0] : m.getBody().toBytes();
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = QueueMessageText.decode(text, enc, where);
        Instant inserted = m.getEnqueuedTime() == null ? null : m.getEnqueuedTime().toInstant();
        QueueMessage message = new QueueMessage(String.valueOf(m.getMessageId()), receipt, body, inserted,
                expiresAt(m), visibleAt, dequeueCount);
        return m.getDeadLetterSource() == null && m.getDeadLetterReason() == null ? message
                : message.withDeadLetter(m.getDeadLetterReason(), m.getDeadLetterErrorDescription());
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                       QueueMessageEncoding encoding, Duration visibilityTimeout) {
        if (newBody != null) {
            throw StorageException.unsupported("Service Bus cannot change a message's body");
        }
        HeldLocks.Held h = locks.current(queue, messageId, popReceipt);
        return ServiceBusErrors.call("update of message " + messageId + " in queue " + queue, () -> {
            synchronized (h) {
                h.generation++;
                if (visibilityTimeout.isZero()) {
                    h.receiver.abandon(h.message);
                    HeldLocks.settled(h, HeldLocks.State.RELEASED);
                    return new UpdateReceipt(h.receipt(), Instant.now());
                }
                h.visibleAt = Instant.now().plus(visibilityTimeout);
                h.lockedUntil = h.receiver.renewMessageLock(h.message);
                return new UpdateReceipt(h.receipt(), h.visibleAt);
            }
        });
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        if (popReceipt != null && popReceipt.startsWith("scheduled:")) {
            cancelScheduled(queue, messageId, popReceipt);
            return;
        }
        HeldLocks.Held h = locks.current(queue, messageId, popReceipt);
        ServiceBusErrors.run("delete of message " + messageId + " in queue " + queue, () -> settle(h, true));
    }

    private void cancelScheduled(String queue, String messageId, String popReceipt) {
        long seq;
        try {
            seq = Long.parseLong(popReceipt.substring("scheduled:".length()));
        } catch (NumberFormatException e) {
            throw StorageException.invalidArgument("popReceipt", "is not a receipt this store issued");
        }
        ServiceBusErrors.run("delete of scheduled message " + messageId + " in queue " + queue,
                () -> sender(queue).cancelScheduledMessage(seq));
    }

    // ---- dead letters ------------------------------------------------------------------------------

    /** The queue's {@code MaxDeliveryCount}; dead letters always go to its own sub-queue. */
    @Override
    public void setDeadLetterPolicy(String queue, DeadLetterPolicy policy) {
        if (policy.deadLetterQueue() != null) {
            throw StorageException.invalidArgument("deadLetterQueue", "must be unset on Service Bus: dead letters "
                    + "go to " + queue + QueueStore.DEAD_LETTER_SUBQUEUE);
        }
        ServiceBusErrors.run("dead-letter policy of queue " + queue, () -> {
            var p = admin.getQueue(queue);
            p.setMaxDeliveryCount(policy.maxDeliveryCount());
            admin.updateQueue(p);
        });
    }

    @Override
    public Optional<DeadLetterPolicy> deadLetterPolicy(String queue) {
        return ServiceBusErrors.call("dead-letter policy of queue " + queue, () -> Optional.of(DeadLetterPolicy.of(
                admin.getQueue(queue).getMaxDeliveryCount())));
    }

    @Override
    public String deadLetterQueueOf(String queue) {
        requireQueue(queue);
        return queue + QueueStore.DEAD_LETTER_SUBQUEUE;
    }

    @Override
    public void deadLetterMessage(String queue, String messageId, String popReceipt, String reason,
                                  String description) {
        HeldLocks.Held h = locks.current(queue, messageId, popReceipt);
        ServiceBusErrors.run("dead-letter of message " + messageId + " in queue " + queue, () -> {
            synchronized (h) {
                if (h.state != HeldLocks.State.HELD) {
                    throw StorageException.notFound("message " + messageId + " of queue " + queue);
                }
                try {
                    h.receiver.deadLetter(h.message, new DeadLetterOptions().setDeadLetterReason(reason)
                            .setDeadLetterErrorDescription(description));
                } catch (RuntimeException e) {
                    HeldLocks.settled(h, HeldLocks.State.RELEASED);
                    throw e;
                }
                HeldLocks.settled(h, HeldLocks.State.COMPLETED);
            }
        });
    }

    private static void settle(HeldLocks.Held h, boolean complete) {
        synchronized (h) {
            if (h.state != HeldLocks.State.HELD) {
                return;
            }
            try {
                if (complete) {
                    h.receiver.complete(h.message);
                } else {
                    h.receiver.abandon(h.message);
                }
            } catch (RuntimeException e) {
                HeldLocks.settled(h, HeldLocks.State.RELEASED);
                throw e;
            }
            HeldLocks.settled(h, complete ? HeldLocks.State.COMPLETED : HeldLocks.State.RELEASED);
        }
    }

    @Override
    public void close() {
        locks.close();
        senders.values().forEach(ServiceBusSenderClient::close);
        receivers.values().forEach(ServiceBusReceiverClient::close);
    }
}
