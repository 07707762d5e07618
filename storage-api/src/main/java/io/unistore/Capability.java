package io.unistore;

/**
 * One thing a provider may or may not be able to do. Capabilities are data: an account says which it has
 * ({@link StorageAccount#capabilities()}), Unistore refuses an undeclared one with
 * {@link ErrorCode#UNSUPPORTED} before any I/O, the conformance kit tests exactly the declared ones, and the
 * MCP server lists only the tools they allow.
 */
public enum Capability {
    /** {@link io.unistore.blob.BlobStore} is available. */
    BLOBS,
    /** {@link io.unistore.table.TableStore} is available. */
    TABLES,
    /** {@link io.unistore.queue.QueueStore} is available. */
    QUEUES,
    /** {@link io.unistore.file.FileStore} is available. */
    FILES,

    /** Containers carry user metadata (S3 buckets do not). */
    CONTAINER_METADATA,
    /** Access tiers Hot/Cool/Cold can be set and read. */
    BLOB_TIERS,
    /** The Archive tier exists: archived blobs refuse reads until rehydrated. */
    BLOB_ARCHIVE,
    /** Read-only point-in-time snapshots of a blob. */
    BLOB_SNAPSHOTS,
    /** Every write keeps the previous version, which can be listed, read and restored. */
    BLOB_VERSIONS,
    /** Presigned (SAS, V4 signed) URLs with expiry and permissions. */
    BLOB_PRESIGNED_URLS,
    /** Exclusive write leases on blobs. */
    BLOB_LEASES,
    /** The service copies from a URL itself: the bytes never pass through this machine. */
    BLOB_COPY_FROM_URL,
    /** Copies within the account are done by the service, without moving bytes through this machine. */
    BLOB_SERVER_SIDE_COPY,
    /**
     * Blob index tags are the service's own (Azure blob index tags, S3 object tags): kept apart from metadata
     * and the content's ETag. Without it, {@link io.unistore.blob.BlobStore#setTags} still works, stored in one
     * metadata entry ({@code unistoretags}) of the blob.
     */
    BLOB_TAGS,
    /**
     * The service finds blobs by tags itself, from an index (Azure's Find Blobs by Tags). Without it,
     * {@link io.unistore.blob.BlobStore#findBlobsByTags} lists the blobs and reads their tags (a scan).
     */
    BLOB_TAG_QUERIES,
    /**
     * The service applies lifecycle rules to a container itself (S3 bucket lifecycle, Cloud Storage bucket
     * lifecycle): {@link io.unistore.blob.BlobStore#setContainerLifecycle}. Azure's policies are an account's
     * management-plane resource, out of reach of storage credentials.
     */
    BLOB_CONTAINER_LIFECYCLE,

    /** Atomic transactions of several actions within one partition. */
    TABLE_TRANSACTIONS,

    /** Messages can be read without being received (SQS has no peek). */
    QUEUE_PEEK,
    /** A received message's visibility timeout can be changed ({@code updateMessage} without a body). */
    QUEUE_VISIBILITY_UPDATE,
    /** A received message's body can be replaced ({@code updateMessage} with a body). */
    QUEUE_MESSAGE_UPDATE,
    /** Messages that cannot be processed move to a dead-letter queue. */
    QUEUE_DEAD_LETTER,
    /** First-in-first-out queues with message groups and deduplication. */
    QUEUE_FIFO,
    /**
     * Each message has its own time to live, forever included ({@code SendMessageOptions.timeToLive}); without
     * it (SQS) a message lives as long as its queue keeps messages.
     */
    QUEUE_MESSAGE_TTL,
    /**
     * Pop receipts are single-use and checked: sending returns one, every receive and update gives a new one,
     * and a stale receipt is refused with PRECONDITION_FAILED, one of a deleted message with NOT_FOUND (SQS
     * returns no receipt on send, keeps one valid across visibility changes and accepts stale ones silently).
     */
    QUEUE_STRICT_RECEIPTS,
    /** Messages carry text attributes besides their body ({@code SendMessageOptions.attributes}). */
    QUEUE_MESSAGE_ATTRIBUTES,

    /** Shares have a size quota. */
    /**
     * A file is moved or renamed within its share by the service, without copying its bytes
     * ({@link io.unistore.file.FileStore#moveFile}).
     */
    FILE_MOVE,
    FILE_SHARE_QUOTA
}
