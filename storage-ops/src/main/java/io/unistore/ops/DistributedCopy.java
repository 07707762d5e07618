package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A container copy shared by any number of workers on any machines, coordinated by a queue and a table of one
 * account (the <em>coordination account</em>: any account with queues and tables — Azure Storage, the local
 * provider, AWS with SQS and DynamoDB).
 *
 * <p>{@link #submit} lists the source (as {@link ContainerCopy} would: prefix, name filter) and splits the names
 * into work items of at most {@code batchSize} objects. Each item is a row of the progress table (state, worker,
 * attempts, counts) and a message on the job's own queue ({@code unistore-copy-<job>}) carrying its names. A
 * worker ({@link #work}) receives one message at a time, hidden for the {@code lease}, and renews that lease while
 * it copies (where the account declares {@code QUEUE_VISIBILITY_UPDATE}); it copies each object as
 * {@code ContainerCopy} does (server-side where possible, skipped when the target already has the same size and
 * MD5, verified by MD5), marks the item {@code done} in the table, and only then deletes the message. A worker
 * that dies leaves its message to reappear after the lease, and the next worker does the item again: objects
 * already copied are found unchanged, so redoing is harmless. A message whose row is already done is deleted
 * unread. After {@code maxAttempts} attempts with failures, an item is marked {@code failed}.
 *
 * <p>Accounts are named, not passed: the job row records the source and target account names, and each worker
 * opens them with its own {@code accounts} function (on another machine, from its own accounts file).
 */
public final class DistributedCopy {
    /** The progress table used when none is given. */
    public static final String DEFAULT_TABLE = "unistorecopyjobs";
    /** Prefix of each job's queue name. */
    public static final String QUEUE_PREFIX = "unistore-copy-";
    /** Bytes of names in one message at most (Azure takes 64 KiB a message; SQS 256 KiB). */
    private static final int MAX_MESSAGE_CHARS = 40_000;

    private final StorageAccount coordination;
    private final String table;
    private final int batchSize;
    private final Duration lease;
    private final int maxAttempts;
    private final Duration pollInterval;

    private DistributedCopy(StorageAccount coordination, String table, int batchSize, Duration lease,
                            int maxAttempts, Duration pollInterval) {
        this.coordination = coordination;
        this.table = table;
        this.batchSize = batchSize;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        this.pollInterval = pollInterval;
    }

    /**
     * Jobs coordinated by this account's queues and table, with the defaults: table {@value #DEFAULT_TABLE},
     * 100 objects an item, a 30 s lease, 5 attempts an item, a 500 ms poll when the queue is empty.
     *
     * @throws StorageException UNSUPPORTED when the account lacks queues or tables
     */
    public static DistributedCopy on(StorageAccount coordination) {
        if (!coordination.capabilities().has(Capability.QUEUES) || !coordination.capabilities().has(Capability.TABLES)) {
            throw StorageException.unsupported("coordinating a distributed copy: account " + coordination.displayName()
                    + " (" + coordination.providerId() + ") needs both queues and tables");
        }
        return new DistributedCopy(coordination, DEFAULT_TABLE, 100, Duration.ofSeconds(30), 5,
                Duration.ofMillis(500));
    }

    /** The progress table's name. */
    public DistributedCopy withTable(String v) {
        if (v == null || v.isBlank()) {
            throw StorageException.invalidArgument("table", "is required");
        }
        return new DistributedCopy(coordination, v, batchSize, lease, maxAttempts, pollInterval);
    }

    /** Objects per work item (1 to 5,000); fewer when the names would not fit one message. */
    public DistributedCopy withBatchSize(int v) {
        if (v < 1 || v > 5_000) {
            throw StorageException.invalidArgument("batchSize", "must be 1 to 5000, was " + v);
        }
        return new DistributedCopy(coordination, table, v, lease, maxAttempts, pollInterval);
    }

    /**
     * How long a received item stays hidden from other workers (1 s to 12 h), renewed every third of it while
     * the worker copies. A submitted job keeps the lease it was submitted with.
     */
    public DistributedCopy withLease(Duration v) {
        if (v == null || v.toMillis() < 1000 || v.compareTo(Duration.ofHours(12)) > 0) {
            throw StorageException.invalidArgument("lease", "must be 1 s to 12 h, was " + v);
        }
        return new DistributedCopy(coordination, table, batchSize, Duration.ofSeconds(v.toSeconds()), maxAttempts,
                pollInterval);
    }

    /** Attempts of an item that has failures before it is marked failed (1 to 100). */
    public DistributedCopy withMaxAttempts(int v) {
        if (v < 1 || v > 100) {
            throw StorageException.invalidArgument("maxAttempts", "must be 1 to 100, was " + v);
        }
        return new DistributedCopy(coordination, table, batchSize, lease, v, pollInterval);
    }

    /** How long a worker waits before asking again when the queue has nothing visible (10 ms to 1 min). */
    public DistributedCopy withPollInterval(Duration v) {
        if (v == null || v.toMillis() < 10 || v.toMillis() > 60_000) {
            throw StorageException.invalidArgument("pollInterval", "must be 10 ms to 1 min, was " + v);
        }
        return new DistributedCopy(coordination, table, batchSize, lease, maxAttempts, v);
    }

    /**
     * Lists the source and queues the job's work items; returns the job id (lowercase letters and digits).
     *
     * <p>Used from {@code copy}: the containers, prefixes, name filter (applied here, while listing),
     * {@code incremental}, {@code serverSide}, {@code carryTier}, {@code verifyReadBack}, {@code retries},
     * {@code concurrency} (objects in flight per worker) and {@code createTargetContainer}; a checkpoint or
     * a dry run is refused (the table is the journal).
     *
     * @param sourceName the source account's name, as every worker's {@code accounts} function knows it
     * @param targetName the target account's name, likewise
     * @throws StorageException NOT_FOUND if the source container is missing; INVALID_ARGUMENT for a blank name,
     *         a checkpoint, a dry run, or a copy of blobs onto themselves
     */
    public String submit(String sourceName, String targetName, CopyContainerOptions copy,
                         Function<String, StorageAccount> accounts) {
        requireName("sourceAccount", sourceName);
        requireName("targetAccount", targetName);
        if (copy.checkpoint() != null) {
            throw StorageException.invalidArgument("checkpoint", "is not used by a distributed copy: its progress "
                    + "table is the journal");
        }
        if (copy.dryRun()) {
            throw StorageException.invalidArgument("dryRun", "is not supported by a distributed copy; run "
                    + "ContainerCopy with dryRun to see the plan");
        }
        StorageAccount source = accounts.apply(sourceName);
        StorageAccount target = accounts.apply(targetName);
        ContainerCopy.checkNotOntoItself(source, target, copy);
        if (!source.blobs().containerExists(copy.sourceContainer())) {
            throw StorageException.notFound("source container " + copy.sourceContainer());
        }
        if (copy.createTargetContainer()) {
            target.blobs().createContainerIfNotExists(copy.targetContainer());
        }
        String jobId = newId();
        String queue = QUEUE_PREFIX + jobId;
        coordination.tables().createTableIfNotExists(table);
        coordination.queues().createQueueIfNotExists(queue);
        TableEntity.Builder job = TableEntity.builder(jobId, CopyJobRows.JOB)
                .put("State", "submitting").put("Submitted", Instant.now()).put("Queue", queue)
                .put("Source", sourceName).put("SourceContainer", copy.sourceContainer())
                .put("Target", targetName).put("TargetContainer", copy.targetContainer())
                .put("Incremental", copy.incremental()).put("ServerSide", copy.serverSide())
                .put("CarryTier", copy.carryTier()).put("VerifyReadBack", copy.verifyReadBack())
                .put("Retries", copy.retries()).put("Concurrency", copy.concurrency())
                .put("LeaseSeconds", lease.toSeconds()).put("MaxAttempts", maxAttempts);
        if (copy.sourcePrefix() != null) {
            job.put("SourcePrefix", copy.sourcePrefix());
        }
        if (copy.targetPrefix() != null) {
            job.put("TargetPrefix", copy.targetPrefix());
        }
        coordination.tables().insertEntity(table, job.build());
        Batch batch = new Batch(jobId, queue);
        ListBlobsOptions listing = ListBlobsOptions.defaults().withPrefix(copy.sourcePrefix()).withPageSize(1000);
        for (BlobItem item : source.blobs().list(copy.sourceContainer(), listing)) {
            String name = item.properties().name();
            if (!copy.selects(name)) {
                continue;
            }
            if (batch.names.size() >= batchSize || batch.chars + name.length() + 8 > MAX_MESSAGE_CHARS) {
                batch.flush();
            }
            batch.add(name, item.properties().size());
        }
        batch.flush();
        coordination.tables().upsertEntity(table, TableEntity.builder(jobId, CopyJobRows.JOB).put("State", "running")
                .put("Items", batch.items).put("Objects", batch.objects).put("Bytes", batch.bytes).build(),
                UpdateMode.MERGE);
        return jobId;
    }

    /** The names of one work item being gathered while listing, and the job's totals so far. */
    private final class Batch {
        final String jobId;
        final String queue;
        final List<String> names = new ArrayList<>();
        long chars;
        long batchBytes;
        long items;
        long objects;
        long bytes;

        Batch(String jobId, String queue) {
            this.jobId = jobId;
            this.queue = queue;
        }

        void add(String name, long size) {
            names.add(name);
            chars += name.length() + 8;
            batchBytes += size;
        }

        /** Writes the item's row, then its message, so a worker always finds the row of a message. */
        void flush() {
            if (names.isEmpty()) {
                return;
            }
            long item = ++items;
            coordination.tables().insertEntity(table, TableEntity.builder(jobId, CopyJobRows.itemKey(item))
                    .put("State", CopyJobRows.PENDING).put("Attempts", 0).put("Objects", (long) names.size())
                    .put("Bytes", batchBytes).build());
            ObjectNode body = Json.object();
            body.put("job", jobId);
            body.put("item", item);
            ArrayNode list = body.putArray("names");
            names.forEach(list::add);
            coordination.queues().sendMessage(queue, Json.write(body));
            objects += names.size();
            bytes += batchBytes;
            names.clear();
            chars = 0;
            batchBytes = 0;
        }
    }

    /**
     * Takes items of the job until every item has ended (or the calling thread is interrupted), copying their
     * objects; several workers may run on one job, in threads, processes or machines.
     *
     * @param worker this worker's name, recorded on the items it takes (e.g. host and process id)
     * @param accounts opens the job's source and target accounts by name
     * @throws StorageException NOT_FOUND when there is no such job
     */
    public CopyJobWorkResult work(String jobId, String worker, Function<String, StorageAccount> accounts) {
        requireName("worker", worker);
        TableEntity job = jobRow(jobId);
        return new CopyJobWorker(this, jobId, job, worker, accounts).run();
    }

    /**
     * The job's progress, read from its table rows.
     *
     * @throws StorageException NOT_FOUND when there is no such job
     */
    public CopyJobStatus status(String jobId) {
        TableEntity job = jobRow(jobId);
        return CopyJobRows.status(jobId, job, coordination.tables().query(table,
                TableQuery.where("PartitionKey eq '" + jobId + "'")));
    }

    /**
     * Deletes the job's queue and rows (after it ended, or to abandon it: workers then stop at their next item).
     *
     * @return whether there was such a job
     */
    public boolean delete(String jobId) {
        requireId(jobId);
        boolean queue = coordination.queues().deleteQueue(QUEUE_PREFIX + jobId);
        boolean rows = false;
        if (coordination.tables().tableExists(table)) {
            for (TableEntity row : coordination.tables().query(table, TableQuery.where("PartitionKey eq '" + jobId + "'"))) {
                coordination.tables().deleteEntity(table, row.partitionKey(), row.rowKey(), null);
                rows = true;
            }
        }
        return queue || rows;
    }

    TableEntity jobRow(String jobId) {
        requireId(jobId);
        try {
            return coordination.tables().getEntity(table, jobId, CopyJobRows.JOB);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw StorageException.notFound("copy job " + jobId + " (table " + table + " of account "
                        + coordination.displayName() + ")");
            }
            throw e;
        }
    }

    StorageAccount coordination() {
        return coordination;
    }

    String table() {
        return table;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isBlank()) {
            throw StorageException.invalidArgument(field, "is required");
        }
    }

    /** Job ids go into a queue name and a table filter: lowercase letters and digits only. */
    private static void requireId(String jobId) {
        if (jobId == null || !jobId.matches("[a-z0-9]{1,40}")) {
            throw StorageException.invalidArgument("jobId", "must be 1-40 lowercase letters and digits, as submit "
                    + "returns it");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Time first, so a listing of jobs sorts by submission; random after, so two submitters never collide. */
    private static String newId() {
        return Long.toString(System.currentTimeMillis(), 36) + String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
    }
}
