package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code copy-container}: copies a container, or the blobs under a prefix, from any {@link BlobStore} to any
 * other — within an account, to another account, to another cloud.
 *
 * <ul>
 *   <li><b>Server-side where possible.</b> Within one account (same provider and display name) each object is
 *       copied by {@code BlobStore.copy}; when the target declares {@code BLOB_COPY_FROM_URL} and the source
 *       {@code BLOB_PRESIGNED_URLS}, the target service fetches a presigned URL of the source. Otherwise the
 *       object streams through this machine, as it also does when the target service cannot fetch the URL
 *       (after three such refusals and no success the run stops trying). {@link CopyContainerResult#byMethod()}
 *       tells which method each object took.</li>
 *   <li><b>Bounded.</b> {@code concurrency} objects at once; each streams (never whole in memory) through one
 *       provider upload, which holds at most its block size × upload concurrency. Objects of at most 256 KiB
 *       may also run in a lane of their own, up to 4 × {@code concurrency} (at most 32) in flight in all:
 *       their cost is round trips, not memory.</li>
 *   <li><b>Incremental.</b> An object is skipped when the target has one of the same size and the same MD5
 *       (the service's Content-MD5, or the {@code unistore_md5} metadata storage-ops keeps where a service has
 *       none). An object whose MD5 is unknown on either side is copied again. The target is known from its
 *       listing, walked beside the source's ({@link TargetIndex}), not from a request per object.</li>
 *   <li><b>Verified.</b> Streamed objects go to an upload given the source's MD5, which the provider checks
 *       (a mismatch stores nothing); where the source has no MD5 they are hashed on the way. The target's MD5
 *       (from the upload's answer, else its properties, else a read-back) must match.
 *       Server-side copies compare the two services' MD5s, or only sizes where one reports none.</li>
 *   <li><b>Resumable.</b> With a checkpoint file, each finished object is appended to it at once; a later run
 *       with the same options skips what it lists. Objects in flight when a run died are found by the
 *       incremental check, so nothing finished is copied twice.</li>
 *   <li><b>Interruptible.</b> Interrupting the calling thread stops the copy: in-flight uploads are abandoned
 *       (providers never expose partial blobs), the result says {@code interrupted}, and the thread's interrupt
 *       flag stays set.</li>
 * </ul>
 */
public final class ContainerCopy {
    static final String TOOL = "copy-container";

    /**
     * Objects of at most this size may take the small-object lane: their upload holds no more than their size,
     * so many in flight cost little memory.
     */
    static final long SMALL_OBJECT_BYTES = 256 * 1024;

    /** Objects in flight at most when small (at most 256 KiB): 4 × concurrency, up to 32; 1 stays serial. */
    static int smallLane(int concurrency) {
        return concurrency == 1 ? 1 : Math.max(concurrency, Math.min(32, concurrency * 4));
    }

    private ContainerCopy() {
    }

    /**
     * Copies as the options say.
     *
     * @throws StorageException NOT_FOUND if the source container is missing; INVALID_ARGUMENT for options that
     *         copy blobs onto themselves or a checkpoint of another job
     */
    public static CopyContainerResult run(StorageAccount source, StorageAccount target,
                                          CopyContainerOptions options) {
        return new Run(source, target, options).run();
    }

    /** Refuses a copy of blobs onto themselves (also for {@link DistributedCopy}). */
    static void checkNotOntoItself(StorageAccount source, StorageAccount target, CopyContainerOptions options) {
        if (ObjectCopier.sameAccount(source, target)
                && options.sourceContainer().equals(options.targetContainer())
                && (options.targetPrefix() == null
                || options.targetPrefix().equals(options.sourcePrefix() == null ? "" : options.sourcePrefix()))) {
            throw StorageException.invalidArgument("targetContainer",
                    "is the source container and the names are unchanged: the copy would overwrite each "
                            + "blob with itself; give another container or a targetPrefix");
        }
    }

    private static final class Run {
        private final StorageAccount sourceAccount;
        private final StorageAccount targetAccount;
        private final CopyContainerOptions options;
        private final ProgressMeter meter;
        private final AtomicLong listed = new AtomicLong();
        private final AtomicLong copied = new AtomicLong();
        private final AtomicLong unchanged = new AtomicLong();
        private final AtomicLong fromCheckpoint = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong bytesCopied = new AtomicLong();
        private final AtomicLong bytesStreamed = new AtomicLong();
        private final AtomicLong byChecksum = new AtomicLong();
        private final AtomicLong bySize = new AtomicLong();
        private final Map<CopyMethod, AtomicLong> byMethod = new EnumMap<>(CopyMethod.class);
        private final List<String> planned = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, String> failures = Collections.synchronizedMap(new LinkedHashMap<>());
        private final AtomicBoolean stopping = new AtomicBoolean();
        private Checkpoint checkpoint;

        Run(StorageAccount source, StorageAccount target, CopyContainerOptions options) {
            this.sourceAccount = source;
            this.targetAccount = target;
            this.options = options;
            this.meter = new ProgressMeter(TOOL, options.progress(), options.progressInterval());
            for (CopyMethod m : CopyMethod.values()) {
                byMethod.put(m, new AtomicLong());
            }
        }

        CopyContainerResult run() {
            BlobStore source = sourceAccount.blobs();
            BlobStore target = targetAccount.blobs();
            checkNotOntoItself(sourceAccount, targetAccount, options);
            if (!source.containerExists(options.sourceContainer())) {
                throw StorageException.notFound("source container " + options.sourceContainer());
            }
            if (!options.dryRun() && options.createTargetContainer()) {
                target.createContainerIfNotExists(options.targetContainer());
            }
            Map<String, String> done = new HashMap<>();
            if (!options.dryRun() && options.checkpoint() != null) {
                checkpoint = Checkpoint.open(options.checkpoint(), header(),
                        record -> done.put(record.get("n").asString(), Json.text(record, "e")));
            }
            boolean interrupted;
            try {
                interrupted = copyAll(source, new ObjectCopier(sourceAccount, targetAccount, options, meter), done);
            } finally {
                if (checkpoint != null) {
                    checkpoint.close();
                }
            }
            meter.phase(interrupted ? "interrupted" : "done");
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Map<CopyMethod, Long> methods = new EnumMap<>(CopyMethod.class);
            byMethod.forEach((m, n) -> methods.put(m, n.get()));
            boolean complete = !interrupted && failed.get() == 0 && !options.dryRun();
            return new CopyContainerResult(listed.get(), copied.get(), unchanged.get(), fromCheckpoint.get(),
                    failed.get(), bytesCopied.get(), bytesStreamed.get(), methods, byChecksum.get(), bySize.get(),
                    meter.elapsed(), complete, interrupted, options.dryRun(), planned, failures);
        }

        private ObjectNode header() {
            ObjectNode h = Json.object();
            h.put("job", TOOL);
            h.put("source", sourceAccount.displayName() + "/" + options.sourceContainer());
            h.put("sourcePrefix", options.sourcePrefix());
            h.put("target", targetAccount.displayName() + "/" + options.targetContainer());
            h.put("targetPrefix", options.targetPrefix());
            return h;
        }

        /** The prefix under which the target's copies of the listed source blobs sit. */
        private String targetPrefix() {
            return options.targetPrefix() != null ? options.targetPrefix() : options.sourcePrefix();
        }

        private ListBlobsOptions listing() {
            return ListBlobsOptions.defaults().withPrefix(options.sourcePrefix()).withIncludeMetadata(true)
                    .withPageSize(1000);
        }

        /**
         * Lists and hands objects to the workers; returns whether the calling thread was interrupted.
         *
         * @param done name to source ETag of the objects earlier runs journaled
         */
        private boolean copyAll(BlobStore source, ObjectCopier copier, Map<String, String> done) {
            if (options.countFirst()) {
                meter.phase("counting");
                long count = 0;
                long bytes = 0;
                for (BlobItem item : source.list(options.sourceContainer(), listing())) {
                    if (Thread.currentThread().isInterrupted()) {
                        return true;
                    }
                    if (options.selects(item.properties().name())) {
                        count++;
                        bytes += item.properties().size();
                    }
                }
                meter.totals(count, bytes);
            }
            meter.phase(options.dryRun() ? "planning" : "copying");
            ExecutorService pool = Workers.pool("unistore-copy", options.concurrency());
            Semaphore slots = new Semaphore(options.concurrency() * 2);
            int smallLane = smallLane(options.concurrency());
            ExecutorService smallPool = smallLane > options.concurrency()
                    ? Workers.pool("unistore-copy-small", smallLane - options.concurrency()) : null;
            Semaphore smallSlots = new Semaphore(Math.max(1, smallLane - options.concurrency()) * 2);
            boolean interrupted = false;
            TargetIndex existing = options.incremental()
                    ? new TargetIndex(targetAccount.blobs(), options.targetContainer(), targetPrefix()) : null;
            try {
                for (BlobItem item : source.list(options.sourceContainer(), listing())) {
                    if (Thread.currentThread().isInterrupted()) {
                        interrupted = true;
                        break;
                    }
                    BlobProperties props = item.properties();
                    if (!options.selects(props.name())) {
                        continue;
                    }
                    listed.incrementAndGet();
                    if (journaled(done, props)) {
                        fromCheckpoint.incrementAndGet();
                        meter.bytes(props.size());
                        meter.skipped();
                        continue;
                    }
                    BlobProperties inTarget = existing == null ? null : existing.find(options.targetName(props.name()));
                    // Small objects go to their own lane when it has room, so that many are in flight at once
                    // (each request costs a round trip, not bandwidth) without more large ones in memory.
                    boolean small = smallPool != null && props.size() <= SMALL_OBJECT_BYTES
                            && smallSlots.tryAcquire();
                    if (!small) {
                        slots.acquire();
                    }
                    Semaphore held = small ? smallSlots : slots;
                    (small ? smallPool : pool).execute(() -> {
                        try {
                            handle(copier, props, inTarget);
                        } finally {
                            held.release();
                        }
                    });
                }
                Workers.finish(pool);
                if (smallPool != null) {
                    Workers.finish(smallPool);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (StorageException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                interrupted = true; // a page fetch failed because the thread was interrupted
            } finally {
                boolean smallDone = smallPool == null || smallPool.isTerminated();
                if (interrupted || !pool.isTerminated() || !smallDone) {
                    stopping.set(true);
                    pool.shutdownNow();
                    Workers.awaitQuietly(pool);
                    if (smallPool != null) {
                        smallPool.shutdownNow();
                        Workers.awaitQuietly(smallPool);
                    }
                }
            }
            return interrupted;
        }

        /** Copies one object; {@code inTarget} is what the target's listing says of its name (null: nothing). */
        private void handle(ObjectCopier copier, BlobProperties props, BlobProperties inTarget) {
            if (stopping.get()) {
                return;
            }
            try {
                if (options.incremental() && copier.unchanged(props, inTarget)) {
                    unchanged.incrementAndGet();
                    record(props);
                    meter.bytes(props.size());
                    meter.skipped();
                    return;
                }
                if (options.dryRun()) {
                    copied.incrementAndGet();
                    bytesCopied.addAndGet(props.size());
                    byMethod.get(copier.method()).incrementAndGet();
                    if (planned.size() < options.reportLimit()) {
                        planned.add(props.name());
                    }
                    meter.done();
                    return;
                }
                ObjectCopier.Outcome outcome = copier.copy(props);
                record(props);
                copied.incrementAndGet();
                bytesCopied.addAndGet(outcome.bytes());
                bytesStreamed.addAndGet(outcome.streamed());
                byMethod.get(outcome.method()).incrementAndGet();
                (outcome.checksumVerified() ? byChecksum : bySize).incrementAndGet();
                meter.done();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (stopping.get() || Thread.currentThread().isInterrupted()) {
                    return; // abandoned by an interrupt, not a failure of the object
                }
                failed.incrementAndGet();
                if (failures.size() < options.reportLimit()) {
                    failures.put(props.name(), Workers.describe(e));
                }
                meter.failed();
            }
        }

        /**
         * Whether an earlier run journaled this object as it is now: same ETag. A source changed since (or a
         * record without an ETag) goes to the incremental check, which copies it unless the target holds the
         * same content already.
         */
        private static boolean journaled(Map<String, String> done, BlobProperties props) {
            String etag = done.get(props.name());
            return etag != null && etag.equals(props.etag());
        }

        private void record(BlobProperties props) {
            if (checkpoint != null) {
                ObjectNode r = Json.object();
                r.put("n", props.name());
                r.put("s", props.size());
                r.put("e", props.etag());
                checkpoint.append(r);
            }
        }
    }
}
