package io.unistore.aws;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.Limits;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.QueueBackend;
import io.unistore.spi.TableBackend;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An AWS account and region with the services its address offers: a blob store whose containers are S3 buckets,
 * a table store on DynamoDB, a queue store on SQS ({@link AwsServices}).
 */
final class S3Account implements AccountBackend {
    /** ListObjectsV2 and ListObjectVersions return at most 1000 keys a page. */
    private static final int MAX_KEYS = 1000;

    private final S3Settings settings;
    private final S3Context ctx;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final Capabilities capabilities;
    private final BlobBackend blobs;
    private final TableBackend tables;
    private final QueueBackend queues;

    S3Account(S3Settings settings, AwsServices services, S3Context ctx, DynamoDbClient dynamo, SqsClient sqs) {
        this.settings = settings;
        this.ctx = ctx;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.capabilities = capabilities(settings, ctx != null, dynamo != null && services.transactions(),
                dynamo != null, sqs != null);
        this.blobs = ctx == null ? null : new S3BlobStore(ctx);
        this.tables = dynamo == null ? null : new DynamoTableStore(dynamo, services.transactions());
        this.queues = sqs == null ? null : new SqsQueueStore(sqs);
    }

    /** What an {@code s3://} account does: S3 alone. */
    static Capabilities capabilities(S3Settings settings) {
        return capabilities(settings, true, false, false, false);
    }

    /**
     * What S3 does: tiers with archive and restore, presigned URLs, server-side copy, object tags (unless
     * {@code tags=false} says the store has no tagging: then tags live in metadata; no search by tags either way,
     * so finding by tags scans); versions only when the
     * account enables them on the buckets it creates, tiers unless the account says the store has no storage
     * classes. No container metadata, snapshots, leases or copy from URL. Pages of at most 1000 keys; S3's
     * bucket and metadata rules ({@link S3Names}). DynamoDB: tables with transactions of up to 100 actions.
     * SQS: queues with visibility updates, attributes, FIFO queues and dead letters (redrive policies); no peek,
     * body update, per-message time to live or strict receipts; at most 10 messages a receive and 256 KiB a message.
     */
    static Capabilities capabilities(S3Settings settings, boolean s3, boolean transactions, boolean dynamodb,
                                     boolean sqs) {
        List<Capability> caps = new ArrayList<>();
        if (s3) {
            caps.addAll(List.of(Capability.BLOBS, Capability.BLOB_PRESIGNED_URLS, Capability.BLOB_SERVER_SIDE_COPY));
            if (settings.tiers()) {
                caps.addAll(List.of(Capability.BLOB_TIERS, Capability.BLOB_ARCHIVE));
            }
            if (settings.versioning()) {
                caps.add(Capability.BLOB_VERSIONS);
            }
            if (settings.tags()) {
                caps.add(Capability.BLOB_TAGS);
            }
            if (settings.lifecycle()) {
                caps.add(Capability.BLOB_CONTAINER_LIFECYCLE);
            }
        }
        if (dynamodb) {
            caps.add(Capability.TABLES);
        }
        if (transactions) {
            caps.add(Capability.TABLE_TRANSACTIONS);
        }
        if (sqs) {
            caps.addAll(List.of(Capability.QUEUES, Capability.QUEUE_VISIBILITY_UPDATE,
                    Capability.QUEUE_MESSAGE_ATTRIBUTES, Capability.QUEUE_FIFO, Capability.QUEUE_DEAD_LETTER));
        }
        Limits limits = Limits.defaults().withMaxPageSize(MAX_KEYS);
        if (transactions) {
            limits = limits.withMaxTransactionActions(DynamoTableStore.MAX_TRANSACTION_ACTIONS);
        }
        if (sqs) {
            limits = limits.withMaxQueueMessageBytes(SqsQueueStore.MAX_MESSAGE_BYTES)
                    .withMaxReceiveMessages(SqsQueueStore.MAX_RECEIVE);
        }
        return Capabilities.of(caps.toArray(Capability[]::new)).withLimits(limits).withNaming(S3Names.RULES);
    }

    @Override
    public String providerId() {
        return S3Provider.ID;
    }

    @Override
    public String displayName() {
        StringBuilder sb = new StringBuilder(settings.describe());
        if (ctx == null) {
            sb.replace(0, "aws S3".length(), "aws");
        }
        if (dynamo != null) {
            sb.append(", DynamoDB");
        }
        if (sqs != null) {
            sb.append(", SQS");
        }
        return sb.toString();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public BlobBackend blobs() {
        return blobs == null ? AccountBackend.super.blobs() : blobs;
    }

    @Override
    public TableBackend tables() {
        return tables == null ? AccountBackend.super.tables() : tables;
    }

    @Override
    public QueueBackend queues() {
        return queues == null ? AccountBackend.super.queues() : queues;
    }

    @Override
    public void close() {
        if (ctx != null) {
            ctx.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }

    @Override
    public String toString() {
        return displayName();
    }
}
