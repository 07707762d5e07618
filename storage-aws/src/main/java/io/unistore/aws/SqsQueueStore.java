package io.unistore.aws;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Amazon SQS as a {@link QueueBackend}. Queue metadata is the queue's tags; FIFO queues are the names ending in
 * {@code -fifo} ({@link SqsNames}). SQS has no peek and cannot replace a body, returns no receipt on send, keeps
 * every message for the queue's retention period (7 days for queues made here) and refuses empty bodies, so:
 * the account does not declare peek, body updates, per-message time to live or strict receipts; an empty body
 * is sent as one space marked by the attribute {@value #EMPTY_ATTRIBUTE} and read back empty.
 *
 * <p>Dead letters are SQS's redrive policy: the dead-letter queue is another queue ({@link SqsRedrive}), also
 * reachable as {@code <queue>/$deadletterqueue}. SQS has no call to dead-letter one message, so
 * {@link #deadLetterMessage} sends a copy there (with {@value #REASON_ATTRIBUTE} and {@value #DESCRIPTION_ATTRIBUTE})
 * and deletes the original: two requests, not atomic, for messages this store received ({@link SqsReceived}).
 */
final class SqsQueueStore implements QueueBackend {
    /** SQS's largest message, in bytes of text (body and attributes). */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** SQS receives at most 10 messages a call. */
    static final int MAX_RECEIVE = 10;
    /** Marks a message whose body is empty: SQS requires at least one character. */
    static final String EMPTY_ATTRIBUTE = "unistore-empty-body";
    /** Retention of queues this store creates: the API's default time to live (SQS's own default is 4 days). */
    static final Duration RETENTION = SendMessageOptions.DEFAULT_TIME_TO_LIVE;
    /** SQS's longest send delay. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** SQS's longest visibility timeout. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);
    /** SQS's longest long-polling wait. */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    /** The message group of a FIFO send that names none: one group, so the whole queue keeps its order. */
    static final String DEFAULT_GROUP = "default";
    /** The attribute carrying an explicit dead-letter's reason, read back as {@code deadLetterReason}. */
    static final String REASON_ATTRIBUTE = "unistore-dead-letter-reason";
    /** The attribute carrying an explicit dead-letter's description. */
    static final String DESCRIPTION_ATTRIBUTE = "unistore-dead-letter-description";
    private static final int LIST_PAGE = 1000;
    private static final String SENT_TIMESTAMP = "SentTimestamp";
    private static final String APPROXIMATE_RECEIVE_COUNT = "ApproximateReceiveCount";
    private static final String MESSAGE_GROUP_ID = "MessageGroupId";
    /** The system attributes a receive asks for, by name: the enum form is copied to names at every request. */
    private static final List<String> SYSTEM_ATTRIBUTES = List.of(SENT_TIMESTAMP, APPROXIMATE_RECEIVE_COUNT,
            MESSAGE_GROUP_ID);
    private final SqsReceived received = new SqsReceived();

    private final SqsClient sqs;
    private final Map<String, QueueRef> refs = new ConcurrentHashMap<>();

    /** A queue's URL and how long it keeps messages, looked up once. */
    private record QueueRef(String url, Duration retention) {
    }

    SqsQueueStore(SqsClient sqs) {
        this.sqs = sqs;
    }

    private <T> T call(String what, java.util.function.Supplier<T> call) {
        return AwsErrors.call(what, call);
    }

    private QueueRef ref(String queue) {
        if (queue.endsWith(QueueStore.DEAD_LETTER_SUBQUEUE)) {
            String base = queue.substring(0, queue.length() - QueueStore.DEAD_LETTER_SUBQUEUE.length());
            return ref(deadLetterQueueOf(base));
        }
        QueueRef cached = refs.get(queue);
        if (cached != null) {
            return cached;
        }
        String url = call("GetQueueUrl " + queue, () -> sqs.getQueueUrl(r -> r.queueName(SqsNames.toSqs(queue)))
                .queueUrl());
        String retention = call("GetQueueAttributes " + queue, () -> sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).attributes()
                .get(QueueAttributeName.MESSAGE_RETENTION_PERIOD));
        QueueRef ref = new QueueRef(url, Duration.ofSeconds(retention == null ? RETENTION.toSeconds()
                : Long.parseLong(retention)));
        refs.put(queue, ref);
        return ref;
    }

    /** Runs a call on a queue; a queue deleted behind the cache's back is looked up once more. */
    private <T> T onQueue(String queue, String what, java.util.function.Function<QueueRef, T> call) {
        QueueRef ref = ref(queue);
        try {
            return call(what + " " + queue, () -> call.apply(ref));
        } catch (StorageException e) {
            if (e.getCause() instanceof QueueDoesNotExistException) {
                refs.remove(queue);
            }
            throw e;
        }
    }

    @Override
    public void createQueue(String queue, Map<String, String> metadata) {
        // CreateQueue succeeds for an existing queue with the same attributes: ask first (a race may still let two
        // creators both succeed, which SQS cannot tell apart).
        if (queueExists(queue)) {
            throw new StorageException(io.unistore.ErrorCode.ALREADY_EXISTS, "create of queue " + queue
                    + " failed: it already exists", null, 400, "QueueAlreadyExists", null);
        }
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, String.valueOf(RETENTION.toSeconds()));
        if (SqsNames.fifo(queue)) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            // Sends without a deduplication id are deduplicated by their body, as SQS does for such queues.
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
        }
        String url = call("CreateQueue " + queue, () -> sqs.createQueue(r -> r.queueName(SqsNames.toSqs(queue))
                .attributes(attributes).tags(metadata == null || metadata.isEmpty() ? null : metadata)).queueUrl());
        refs.put(queue, new QueueRef(url, RETENTION));
    }

    @Override
    public boolean deleteQueue(String queue) {
        QueueRef ref;
        try {
            ref = ref(queue);
        } catch (StorageException e) {
            if (e.code() == io.unistore.ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
        refs.remove(queue);
        try {
            call("DeleteQueue " + queue, () -> sqs.deleteQueue(r -> r.queueUrl(ref.url())));
            return true;
        } catch (StorageException e) {
            if (e.code() == io.unistore.ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean queueExists(String queue) {
        try {
            call("GetQueueUrl " + queue, () -> sqs.getQueueUrl(r -> r.queueName(SqsNames.toSqs(queue))));
            return true;
        } catch (StorageException e) {
            if (e.code() == io.unistore.ErrorCode.NOT_FOUND) {
                refs.remove(queue);
                return false;
            }
            throw e;
        }
    }

    /**
     * Lists queues in name order: SQS lists in no stated order, so every queue of the prefix is read (1000 a
     * request) and the page cut after the last name returned, which is the continuation token. Each page's
     * queues are asked for their tags.
     */
    @Override
    public PagedIterable<QueueInfo> listQueues(ListOptions options) {
        return PagedIterable.of((token, size) -> {
            String after = ContinuationTokens.decode(token);
            List<String> urls = new ArrayList<>();
            String next = null;
            do {
                String page = next;
                var r = call("ListQueues", () -> sqs.listQueues(b -> b.queueNamePrefix(options.prefix())
                        .maxResults(LIST_PAGE).nextToken(page)));
                urls.addAll(r.queueUrls());
                next = r.nextToken();
            } while (next != null);
            TreeMap<String, String> byName = new TreeMap<>();
            for (String url : urls) {
                byName.put(SqsNames.fromSqs(SqsNames.nameOfUrl(url)), url);
            }
            List<QueueInfo> items = new ArrayList<>();
            for (Map.Entry<String, String> e : (after == null ? byName : byName.tailMap(after, false)).entrySet()) {
                if (items.size() == size) {
                    return new Page<>(items, ContinuationTokens.encode(items.get(size - 1).name()));
                }
                items.add(new QueueInfo(e.getKey(), tags(e.getKey(), e.getValue())));
            }
            return Page.last(items);
        }, options.continuationToken(), options.pageSize());
    }

    private Map<String, String> tags(String queue, String url) {
        return call("ListQueueTags " + queue, () -> sqs.listQueueTags(r -> r.queueUrl(url)).tags());
    }

    /** The count is every message: visible, in flight and delayed, as Azure counts them. */
    @Override
    public QueueProperties getQueueProperties(String queue) {
        return onQueue(queue, "GetQueueAttributes", ref -> {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(ref.url()).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            long count = 0;
            for (String v : a.values()) {
                count += Long.parseLong(v);
            }
            return new QueueProperties(queue, sqs.listQueueTags(r -> r.queueUrl(ref.url())).tags(), count);
        });
    }

    /** Replaces the tags: removes those not kept, then sets the new ones (two requests, not atomic). */
    @Override
    public void setQueueMetadata(String queue, Map<String, String> metadata) {
        onQueue(queue, "TagQueue", ref -> {
            Map<String, String> old = sqs.listQueueTags(r -> r.queueUrl(ref.url())).tags();
            List<String> gone = old.keySet().stream().filter(k -> !metadata.containsKey(k)).toList();
            if (!gone.isEmpty()) {
                sqs.untagQueue(r -> r.queueUrl(ref.url()).tagKeys(gone));
            }
            if (!metadata.isEmpty()) {
                sqs.tagQueue(r -> r.queueUrl(ref.url()).tags(metadata));
            }
            return null;
        });
    }

    /** PurgeQueue: SQS allows one a minute per queue and may take up to a minute to finish. */
    @Override
    public void clearMessages(String queue) {
        onQueue(queue, "PurgeQueue", ref -> sqs.purgeQueue(r -> r.queueUrl(ref.url())));
    }

    @Override
    public SendReceipt sendMessage(String queue, byte[] body, QueueMessageEncoding encoding,
                                   SendMessageOptions options) {
        SendMessageOptions o = options == null ? SendMessageOptions.defaults() : options;
        if (o.visibilityDelay().compareTo(MAX_DELAY) > 0) {
            throw StorageException.invalidArgument("visibilityDelay", "must be at most 15 minutes on SQS, was "
                    + o.visibilityDelay());
        }
        String text = QueueMessageText.encode(body, encoding, MAX_MESSAGE_BYTES);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        o.attributes().forEach((k, v) -> attributes.put(k, stringAttribute(v)));
        if (text.isEmpty()) {
            attributes.put(EMPTY_ATTRIBUTE, stringAttribute("true"));
        }
        boolean fifo = SqsNames.fifo(queue);
        if (!fifo && (o.groupId() != null || o.deduplicationId() != null)) {
            throw StorageException.invalidArgument(o.groupId() != null ? "groupId" : "deduplicationId",
                    "is for FIFO queues only (names ending in -fifo); " + queue + " is a standard queue");
        }
        Instant now = Instant.now();
        return onQueue(queue, "SendMessage", ref -> {
            SendMessageResponse r = sqs.sendMessage(b -> {
                // No attributes: no empty map on the wire, and no MD5 of attributes for the SDK to compute and check.
                b.queueUrl(ref.url()).messageBody(text.isEmpty() ? " " : text)
                        .messageAttributes(attributes.isEmpty() ? null : attributes);
                if (fifo) {
                    // FIFO queues delay per queue, not per message: a delay is refused by SQS itself.
                    b.messageGroupId(o.groupId() == null ? DEFAULT_GROUP : o.groupId())
                            .messageDeduplicationId(o.deduplicationId());
                }
                if (!o.visibilityDelay().isZero()) {
                    b.delaySeconds(seconds(o.visibilityDelay()));
                }
            });
            return new SendReceipt(r.messageId(), null, now, now.plus(ref.retention()), now.plus(o.visibilityDelay()));
        });
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, QueueMessageEncoding encoding, ReceiveOptions options) {
        ReceiveOptions o = options == null ? ReceiveOptions.defaults() : options;
        if (o.visibilityTimeout().compareTo(MAX_VISIBILITY) > 0) {
            throw StorageException.invalidArgument("visibilityTimeout", "must be at most 12 hours on SQS, was "
                    + o.visibilityTimeout());
        }
        int wait = seconds(o.waitTime().compareTo(MAX_WAIT) > 0 ? MAX_WAIT : o.waitTime());
        List<Message> got = onQueue(queue, "ReceiveMessage", ref -> sqs.receiveMessage(b -> b.queueUrl(ref.url())
                .maxNumberOfMessages(Math.min(o.maxMessages(), MAX_RECEIVE))
                .visibilityTimeout(seconds(o.visibilityTimeout())).waitTimeSeconds(wait)
                .messageSystemAttributeNamesWithStrings(SYSTEM_ATTRIBUTES)
                .messageAttributeNames("All")).messages());
        Duration retention = ref(queue).retention();
        Instant visibleAt = Instant.now().plus(o.visibilityTimeout());
        List<QueueMessage> messages = new ArrayList<>(got.size());
        for (Message m : got) {
            Map<String, String> attributes = new TreeMap<>();
            m.messageAttributes().forEach((k, v) -> attributes.put(k, v.stringValue()));
            boolean empty = attributes.remove(EMPTY_ATTRIBUTE) != null;
            String reason = attributes.remove(REASON_ATTRIBUTE);
            String description = attributes.remove(DESCRIPTION_ATTRIBUTE);
            byte[] body = empty ? new byte[0] : QueueMessageText.decode(m.body(), encoding,
                    "message " + m.messageId() + " of queue " + queue);
            // The SDK keeps these by name; attributes() would convert them to enum keys at every call.
            Map<String, String> system = m.attributesAsStrings();
            Instant sent = instantOfMillis(system.get(SENT_TIMESTAMP));
            long count = Long.parseLong(system.getOrDefault(APPROXIMATE_RECEIVE_COUNT,
                    "1"));
            QueueMessage message = new QueueMessage(m.messageId(), m.receiptHandle(), body, sent,
                    sent == null ? null : sent.plus(retention), visibleAt, count, attributes);
            messages.add(reason == null && description == null ? message : message.withDeadLetter(reason,
                    description));
            received.put(m.receiptHandle(), new SqsReceived.Message(m.body(), m.messageAttributes(),
                    system.get(MESSAGE_GROUP_ID)));
        }
        return messages;
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, QueueMessageEncoding encoding, int maxMessages) {
        throw StorageException.unsupported("SQS cannot peek: messages are seen only by receiving them");
    }

    /** ChangeMessageVisibility; the receipt stays the same (SQS gives no new one). */
    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                       QueueMessageEncoding encoding, Duration visibilityTimeout) {
        if (newBody != null) {
            throw StorageException.unsupported("SQS cannot replace a message's body");
        }
        if (visibilityTimeout.compareTo(MAX_VISIBILITY) > 0) {
            throw StorageException.invalidArgument("visibilityTimeout", "must be at most 12 hours on SQS, was "
                    + visibilityTimeout);
        }
        Instant now = Instant.now();
        onQueue(queue, "ChangeMessageVisibility", ref -> sqs.changeMessageVisibility(r -> r.queueUrl(ref.url())
                .receiptHandle(popReceipt).visibilityTimeout(seconds(visibilityTimeout))));
        return new UpdateReceipt(popReceipt, now.plus(visibilityTimeout));
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        onQueue(queue, "DeleteMessage", ref -> sqs.deleteMessage(r -> r.queueUrl(ref.url())
                .receiptHandle(popReceipt)));
        received.remove(popReceipt);
    }

    // ---- dead letters ------------------------------------------------------------------------------

    /** The queue's redrive policy; its dead-letter queue is created first if absent. */
    @Override
    public void setDeadLetterPolicy(String queue, DeadLetterPolicy policy) {
        if (policy.maxDeliveryCount() > SqsRedrive.MAX_RECEIVE_COUNT) {
            throw StorageException.invalidArgument("maxDeliveryCount", "must be at most "
                    + SqsRedrive.MAX_RECEIVE_COUNT + " on SQS, was " + policy.maxDeliveryCount());
        }
        String target = policy.deadLetterQueue() != null ? policy.deadLetterQueue()
                : SqsRedrive.defaultTarget(queue);
        if (SqsNames.fifo(target) != SqsNames.fifo(queue)) {
            throw StorageException.invalidArgument("deadLetterQueue", "must be a " + (SqsNames.fifo(queue)
                    ? "FIFO queue (a name ending in -fifo)" : "standard queue (a name not ending in -fifo)")
                    + " like " + queue + ", was " + target);
        }
        QueueRef source = ref(queue);
        if (!queueExists(target)) {
            try {
                createQueue(target, Map.of());
            } catch (StorageException e) {
                if (e.code() != io.unistore.ErrorCode.ALREADY_EXISTS) {
                    throw e;
                }
            }
        }
        String arn = onQueue(target, "GetQueueAttributes", ref -> sqs.getQueueAttributes(r -> r.queueUrl(ref.url())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
        call("SetQueueAttributes " + queue, () -> sqs.setQueueAttributes(r -> r.queueUrl(source.url()).attributes(
                Map.of(QueueAttributeName.REDRIVE_POLICY, SqsRedrive.json(arn, policy.maxDeliveryCount())))));
    }

    @Override
    public Optional<DeadLetterPolicy> deadLetterPolicy(String queue) {
        return onQueue(queue, "GetQueueAttributes", ref -> Optional.ofNullable(SqsRedrive.parse(
                sqs.getQueueAttributes(r -> r.queueUrl(ref.url()).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                        .attributes().get(QueueAttributeName.REDRIVE_POLICY))));
    }

    @Override
    public String deadLetterQueueOf(String queue) {
        return deadLetterPolicy(queue).map(DeadLetterPolicy::deadLetterQueue).orElseThrow(() ->
                StorageException.notFound("dead-letter queue of queue " + queue + " (it has no redrive policy: "
                        + "set one with setDeadLetterPolicy)"));
    }

    /** Sends a copy to the dead-letter queue, then deletes the message: SQS has no single call for it. */
    @Override
    public void deadLetterMessage(String queue, String messageId, String popReceipt, String reason,
                                  String description) {
        SqsReceived.Message m = received.get(popReceipt);
        if (m == null) {
            throw new StorageException(io.unistore.ErrorCode.PRECONDITION_FAILED, "message " + messageId + " of "
                    + "queue " + queue + " was not received by this store: SQS returns a body only on receive, so only "
                    + "messages this store received can be dead-lettered");
        }
        String target = deadLetterQueueOf(queue);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>(m.attributes());
        if (reason != null) {
            attributes.put(REASON_ATTRIBUTE, stringAttribute(reason));
        }
        if (description != null) {
            attributes.put(DESCRIPTION_ATTRIBUTE, stringAttribute(description));
        }
        onQueue(target, "SendMessage", ref -> sqs.sendMessage(b -> {
            b.queueUrl(ref.url()).messageBody(m.text()).messageAttributes(attributes.isEmpty() ? null : attributes);
            if (SqsNames.fifo(target)) {
                b.messageGroupId(m.groupId() == null ? DEFAULT_GROUP : m.groupId()).messageDeduplicationId(messageId);
            }
        }));
        deleteMessage(queue, messageId, popReceipt);
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** Whole seconds, rounded up: SQS counts in seconds, and a timeout must not end early. */
    private static int seconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (int) s;
    }

    private static Instant instantOfMillis(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
