package io.unistore.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.models.PeekedMessageItem;
import com.azure.storage.queue.models.QueueItem;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueuesSegmentOptions;
import com.azure.storage.queue.models.SendMessageResult;
import com.azure.storage.queue.models.UpdateMessageResult;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueProperties;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Azure Queue Storage as a {@link QueueBackend}. A body becomes the message text by the {@link QueueMessageEncoding}
 * each call passes ({@link QueueMessageText}): as it is with {@code NONE}, as other clients send by default;
 * base64 with {@code BASE64}, as Azure Functions expects. The SDK itself encodes nothing.
 */
final class AzureQueueStore implements QueueBackend {
    /** Azure's largest page of queues, asked of the service. */
    private static final int SERVICE_PAGE = 5000;
    /** A time-to-live Azure reports for messages that never expire (9999-12-31). */
    private static final int NEVER_YEAR = 9999;

    private final QueueServiceClient service;
    private final ClientCache<QueueClient> queues;
    /** The account's {@value QueueMessageEncoding#OPTION} option. */
    private final QueueMessageEncoding accountEncoding;

    AzureQueueStore(QueueServiceClient service, QueueMessageEncoding accountEncoding) {
        this.service = service;
        this.queues = new ClientCache<>(service::getQueueClient);
        this.accountEncoding = accountEncoding;
    }

    @Override
    public QueueMessageEncoding messageEncoding() {
        return accountEncoding;
    }

    private QueueClient queue(String queue) {
        return queues.get(queue);
    }

    @Override
    public void createQueue(String queue, Map<String, String> metadata) {
        QueueClient q = queue(queue);
        int status = AzureErrors.call("create of queue " + queue, () -> q.createWithResponse(
                metadata == null || metadata.isEmpty() ? null : metadata, null, Context.NONE).getStatusCode());
        // 204: the queue existed already with the same metadata (Create Queue is idempotent in that case).
        if (status == 204) {
            throw new StorageException(io.unistore.ErrorCode.ALREADY_EXISTS, "create of queue " + queue
                    + " failed: it already exists", null, 204, "QueueAlreadyExists", null);
        }
    }

    @Override
    public boolean deleteQueue(String queue) {
        QueueClient q = queue(queue);
        try {
            q.deleteWithResponse(null, Context.NONE);
            return true;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("delete of queue " + queue, e);
        }
    }

    @Override
    public boolean queueExists(String queue) {
        QueueClient q = queue(queue);
        try {
            q.getPropertiesWithResponse(null, Context.NONE);
            return true;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("existence check of queue " + queue, e);
        }
    }

    /**
     * Lists queues in name order. The continuation token is the last name returned, and each page is read from
     * the service in pages of up to 5000 from the start of the prefix: Azurite's queue markers are insertion ids
     * that skip queues created earlier than the marker but named later, so they cannot be passed back. Accounts
     * hold few queues; a page costs one request per 5000 queues before it.
     */
    @Override
    public PagedIterable<QueueInfo> listQueues(ListOptions options) {
        return PagedIterable.of((token, size) -> {
            String after = ContinuationTokens.decode(token);
            try {
                // Metadata always: without it the SDK sends an empty include= that Azurite refuses.
                QueuesSegmentOptions o = new QueuesSegmentOptions().setIncludeMetadata(true)
                        .setPrefix(options.prefix()).setMaxResultsPerPage(SERVICE_PAGE);
                List<QueueInfo> items = new ArrayList<>();
                for (QueueItem q : service.listQueues(o, null, Context.NONE)) {
                    if (after != null && q.getName().compareTo(after) <= 0) {
                        continue;
                    }
                    if (items.size() == size) {
                        return new Page<>(items, ContinuationTokens.encode(items.get(size - 1).name()));
                    }
                    items.add(new QueueInfo(q.getName(), BlobModels.metadata(q.getMetadata())));
                }
                return Page.last(items);
            } catch (RuntimeException e) {
                throw AzureErrors.translate("listing of queues", e);
            }
        }, options.continuationToken(), options.pageSize());
    }

    @Override
    public QueueProperties getQueueProperties(String queue) {
        QueueClient q = queue(queue);
        return AzureErrors.call("properties of queue " + queue, () -> {
            com.azure.storage.queue.models.QueueProperties p = q.getProperties();
            return new QueueProperties(queue, BlobModels.metadata(p.getMetadata()),
                    p.getApproximateMessagesCount());
        });
    }

    @Override
    public void setQueueMetadata(String queue, Map<String, String> metadata) {
        QueueClient q = queue(queue);
        AzureErrors.run("metadata of queue " + queue, () -> q.setMetadata(metadata));
    }

    @Override
    public void clearMessages(String queue) {
        QueueClient q = queue(queue);
        AzureErrors.run("clear of queue " + queue, () -> q.clearMessages());
    }

    @Override
    public SendReceipt sendMessage(String queue, byte[] body, QueueMessageEncoding encoding,
                                   SendMessageOptions options) {
        QueueClient q = queue(queue);
        String text = QueueMessageText.encode(body, encoding, AzureAccount.MAX_QUEUE_MESSAGE_BYTES);
        SendMessageOptions o = options == null ? SendMessageOptions.defaults() : options;
        Duration ttl = o.neverExpires() ? Duration.ofSeconds(-1) : o.timeToLive();
        return AzureErrors.call("send to queue " + queue, () -> {
            SendMessageResult r = q.sendMessageWithResponse(BinaryData.fromString(text),
                    o.visibilityDelay().isZero() ? null : o.visibilityDelay(), ttl, null, Context.NONE).getValue();
            return new SendReceipt(r.getMessageId(), r.getPopReceipt(), instant(r.getInsertionTime()),
                    expiry(r.getExpirationTime()), instant(r.getTimeNextVisible()));
        });
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, QueueMessageEncoding encoding, ReceiveOptions options) {
        QueueClient q = queue(queue);
        ReceiveOptions o = options == null ? ReceiveOptions.defaults() : options;
        return AzureErrors.call("receive from queue " + queue, () -> {
            List<QueueMessage> messages = new ArrayList<>();
            for (QueueMessageItem m : q.receiveMessages(o.maxMessages(), o.visibilityTimeout(), null,
                    Context.NONE)) {
                messages.add(new QueueMessage(m.getMessageId(), m.getPopReceipt(), body(m.getBody(), encoding,
                        queue, m.getMessageId()),
                        instant(m.getInsertionTime()),
                        expiry(m.getExpirationTime()), instant(m.getTimeNextVisible()), m.getDequeueCount()));
            }
            return messages;
        });
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, QueueMessageEncoding encoding, int maxMessages) {
        QueueClient q = queue(queue);
        return AzureErrors.call("peek of queue " + queue, () -> {
            List<QueueMessage> messages = new ArrayList<>();
            for (PeekedMessageItem m : q.peekMessages(maxMessages, null, Context.NONE)) {
                messages.add(new QueueMessage(m.getMessageId(), null,
                        body(m.getBody(), encoding, queue, m.getMessageId()),
                        instant(m.getInsertionTime()), expiry(m.getExpirationTime()), null, m.getDequeueCount()));
            }
            return messages;
        });
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                       QueueMessageEncoding encoding, Duration visibilityTimeout) {
        QueueClient q = queue(queue);
        String text = newBody == null ? null
                : QueueMessageText.encode(newBody, encoding, AzureAccount.MAX_QUEUE_MESSAGE_BYTES);
        return AzureErrors.call("update of message " + messageId + " in queue " + queue, () -> {
            UpdateMessageResult r = q.updateMessageWithResponse(messageId, popReceipt, text, visibilityTimeout,
                    null, Context.NONE).getValue();
            return new UpdateReceipt(r.getPopReceipt(), instant(r.getTimeNextVisible()));
        });
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        QueueClient q = queue(queue);
        Tries tries = new Tries();
        try {
            q.deleteMessageWithResponse(messageId, popReceipt, null, tries.context());
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e) && tries.ambiguous()) {
                // A try cut off after Azure may have deleted it: the message is gone, as asked.
                return;
            }
            throw AzureErrors.translate("delete of message " + messageId + " in queue " + queue, e);
        }
    }

    /** An empty message comes back without a body. */
    private static byte[] body(BinaryData data, QueueMessageEncoding encoding, String queue, String messageId) {
        return QueueMessageText.decode(data == null ? null : data.toString(), encoding,
                "message " + messageId + " of queue " + queue);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static Instant expiry(OffsetDateTime t) {
        return t == null || t.getYear() >= NEVER_YEAR ? null : t.toInstant();
    }
}
