package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * One worker of a distributed copy ({@link DistributedCopy#work}): receives an item, renews its lease while
 * copying, records the outcome in the item's row, then deletes the message. Every step is safe to repeat, since
 * any of them may be cut short by the death of the worker.
 */
final class CopyJobWorker {
    private final DistributedCopy jobs;
    private final String jobId;
    private final String worker;
    private final String queue;
    private final Duration lease;
    private final int maxAttempts;
    private final CopyContainerOptions copy;
    private final StorageAccount source;
    private final StorageAccount target;
    private final ObjectCopier copier;
    private final QueueStore queues;
    private final boolean renewable;
    private long items;
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytesCopied = new AtomicLong();

    CopyJobWorker(DistributedCopy jobs, String jobId, TableEntity job, String worker,
                  java.util.function.Function<String, StorageAccount> accounts) {
        this.jobs = jobs;
        this.jobId = jobId;
        this.worker = worker;
        this.queue = job.getString("Queue");
        this.lease = Duration.ofSeconds(CopyJobRows.number(job, "LeaseSeconds"));
        this.maxAttempts = (int) CopyJobRows.number(job, "MaxAttempts");
        this.copy = CopyContainerOptions.of(job.getString("SourceContainer"), job.getString("TargetContainer"))
                .withSourcePrefix(job.getString("SourcePrefix")).withTargetPrefix(job.getString("TargetPrefix"))
                .withIncremental(Boolean.TRUE.equals(job.getBoolean("Incremental")))
                .withServerSide(Boolean.TRUE.equals(job.getBoolean("ServerSide")))
                .withCarryTier(Boolean.TRUE.equals(job.getBoolean("CarryTier")))
                .withVerifyReadBack(Boolean.TRUE.equals(job.getBoolean("VerifyReadBack")))
                .withRetries((int) CopyJobRows.number(job, "Retries"))
                .withConcurrency((int) Math.max(1, CopyJobRows.number(job, "Concurrency")));
        this.source = accounts.apply(job.getString("Source"));
        this.target = accounts.apply(job.getString("Target"));
        this.copier = new ObjectCopier(source, target, copy, new ProgressMeter(DistributedCopy.class.getSimpleName(),
                null, null));
        this.queues = jobs.coordination().queues();
        this.renewable = jobs.coordination().capabilities().has(Capability.QUEUE_VISIBILITY_UPDATE);
    }

    CopyJobWorkResult run() {
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unistore-copy-lease");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.ExecutorService pool = Workers.pool("unistore-copy-job", copy.concurrency());
        boolean interrupted = false;
        try {
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    break;
                }
                List<QueueMessage> received;
                try {
                    received = queues.receiveMessages(queue, ReceiveOptions.of(1, lease));
                } catch (StorageException e) {
                    if (e.code() == ErrorCode.NOT_FOUND) {
                        break; // the job was deleted
                    }
                    throw e;
                }
                if (received.isEmpty()) {
                    if (jobs.status(jobId).finished()) {
                        break;
                    }
                    Thread.sleep(jobs.pollInterval().toMillis());
                    continue;
                }
                handle(received.get(0), renewer, pool);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            renewer.shutdownNow();
            pool.shutdownNow();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        CopyJobStatus status;
        try {
            status = jobs.status(jobId);
        } catch (StorageException e) {
            status = null; // deleted meanwhile
        }
        return new CopyJobWorkResult(worker, items, copied.get(), unchanged.get(), failed.get(), bytesCopied.get(),
                interrupted, status);
    }

    private void handle(QueueMessage message, ScheduledExecutorService renewer,
                        java.util.concurrent.ExecutorService pool) throws InterruptedException {
        JsonNode body = Json.parse(message.text(), "work item");
        String key = CopyJobRows.itemKey(body.get("item").asLong());
        AtomicReference<String> receipt = new AtomicReference<>(message.popReceipt());
        String table = jobs.table();
        TableEntity row = jobs.coordination().tables().getEntity(table, jobId, key);
        if (CopyJobRows.ended(row)) {
            forget(message, receipt.get()); // done by a worker that died before deleting the message
            return;
        }
        long attempt = CopyJobRows.number(row, "Attempts") + 1;
        jobs.coordination().tables().upsertEntity(table, TableEntity.builder(jobId, key)
                .put("State", CopyJobRows.WORKING).put("Worker", worker).put("Attempts", attempt).build(),
                UpdateMode.MERGE);
        var renewal = renewable ? renewer.scheduleAtFixedRate(() -> renew(message, receipt),
                lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS) : null;
        Counts counts = new Counts();
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (JsonNode n : body.get("names")) {
                String name = n.asString();
                futures.add(pool.submit(() -> copyOne(name, counts)));
            }
            for (var f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    counts.fail("?", e.getCause());
                }
            }
        } finally {
            if (renewal != null) {
                renewal.cancel(false);
            }
        }
        boolean ok = counts.failed.get() == 0;
        boolean givingUp = !ok && attempt >= maxAttempts;
        TableEntity.Builder outcome = TableEntity.builder(jobId, key)
                .put("State", ok ? CopyJobRows.DONE : givingUp ? CopyJobRows.FAILED : CopyJobRows.PENDING)
                .put("Worker", worker).put("Copied", counts.copied.get()).put("Unchanged", counts.unchanged.get())
                .put("Verified", counts.verified.get()).put("Vanished", counts.vanished.get())
                .put("Failed", counts.failed.get()).put("BytesCopied", counts.bytes.get());
        if (counts.error.get() != null) {
            outcome.put("Error", counts.error.get());
        }
        jobs.coordination().tables().upsertEntity(table, outcome.build(), UpdateMode.MERGE);
        copied.addAndGet(counts.copied.get());
        unchanged.addAndGet(counts.unchanged.get());
        failed.addAndGet(counts.failed.get());
        bytesCopied.addAndGet(counts.bytes.get());
        if (ok || givingUp) {
            items++;
            forget(message, receipt.get());
        } else if (renewable) {
            tryRelease(message, receipt.get()); // visible again at once for the next attempt
        }
    }

    /** The counts of one item's attempt. */
    private static final class Counts {
        final AtomicLong copied = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong verified = new AtomicLong();
        final AtomicLong vanished = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicReference<String> error = new AtomicReference<>();

        void fail(String name, Throwable e) {
            failed.incrementAndGet();
            error.compareAndSet(null, name + ": " + Workers.describe(e));
        }
    }

    private void copyOne(String name, Counts counts) {
        try {
            BlobProperties src;
            try {
                src = source.blobs().getProperties(copy.sourceContainer(), name);
            } catch (StorageException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    counts.vanished.incrementAndGet();
                    return;
                }
                throw e;
            }
            if (copy.incremental() && copier.unchanged(src, copier.targetProperties(copy.targetName(name)))) {
                counts.unchanged.incrementAndGet();
                counts.verified.incrementAndGet();
                return;
            }
            ObjectCopier.Outcome outcome = copier.copy(src);
            counts.copied.incrementAndGet();
            counts.bytes.addAndGet(outcome.bytes());
            if (outcome.checksumVerified()) {
                counts.verified.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counts.fail(name, e);
        } catch (RuntimeException e) {
            counts.fail(name, e);
        }
    }

    private void renew(QueueMessage message, AtomicReference<String> receipt) {
        try {
            receipt.set(queues.updateMessage(queue, message.messageId(), receipt.get(), null, lease).popReceipt());
        } catch (RuntimeException e) {
            // Lost the lease (another worker took the item): this attempt goes on and is harmless to repeat.
        }
    }

    private void tryRelease(QueueMessage message, String receipt) {
        try {
            queues.updateMessage(queue, message.messageId(), receipt, null, Duration.ZERO);
        } catch (RuntimeException e) {
            // Reappears after its lease anyway.
        }
    }

    /** Deletes a finished item's message; another worker may hold it by now, which is fine: its row is done. */
    private void forget(QueueMessage message, String receipt) {
        try {
            queues.deleteMessage(queue, message.messageId(), receipt);
        } catch (StorageException e) {
            if (e.code() != ErrorCode.NOT_FOUND && e.code() != ErrorCode.PRECONDITION_FAILED) {
                throw e;
            }
        }
    }
}
