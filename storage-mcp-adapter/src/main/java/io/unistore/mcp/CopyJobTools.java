package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.ops.CopyContainerOptions;
import io.unistore.ops.CopyJobStatus;
import io.unistore.ops.DistributedCopy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distributed copy jobs ({@code copy-container} with {@code distributed}): submitted on the target account's
 * queues and table, worked by threads of this server and by {@code unistore worker} on any machine; and
 * {@code get-copy-job}, which follows one from its table.
 */
final class CopyJobTools implements ToolProvider {
    /** Worker threads of this server still running, per job. */
    private static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();

    @Override
    public List<McpTool> tools() {
        return List.of(getCopyJob());
    }

    /**
     * Submits the copy as a job on the target account and starts {@code workers} daemon threads on it; returns
     * the job's status just after submission. A server that stops leaves its items to reappear after the lease.
     */
    static CopyJobStatus submit(ToolCall call, ToolCall target, CopyContainerOptions options, int workers,
                                int batchSize, int leaseSeconds) {
        StorageAccount source = call.account();
        StorageAccount to = target.account();
        String sourceName = call.accountName();
        String targetName = target.accountName();
        java.util.function.Function<String, StorageAccount> accounts = name -> name.equals(sourceName) ? source : to;
        DistributedCopy jobs = DistributedCopy.on(to).withBatchSize(batchSize)
                .withLease(java.time.Duration.ofSeconds(leaseSeconds));
        String job = jobs.submit(sourceName, targetName, options, accounts);
        AtomicInteger running = RUNNING.computeIfAbsent(job, k -> new AtomicInteger());
        for (int i = 0; i < workers; i++) {
            String name = "unistore-mcp/" + ProcessHandle.current().pid() + "/" + i;
            running.incrementAndGet();
            Thread t = new Thread(() -> {
                try {
                    jobs.work(job, name, accounts);
                } catch (RuntimeException e) {
                    // The job's table records what each item did; items this thread held come back after the lease.
                } finally {
                    running.decrementAndGet();
                }
            }, "unistore-copy-job-" + job + "-" + i);
            t.setDaemon(true);
            t.start();
        }
        return jobs.status(job);
    }

    /** The status as tool output. */
    static Map<String, Object> describe(CopyJobStatus s) {
        AtomicInteger running = RUNNING.get(s.jobId());
        return Out.of().put("jobId", s.jobId()).put("state", s.state()).put("source", s.source())
                .put("target", s.target()).put("items", s.items()).put("itemsDone", s.itemsDone())
                .put("itemsFailed", s.itemsFailed()).put("itemsWorking", s.itemsWorking()).put("objects", s.objects())
                .put("bytes", s.bytes()).put("copied", s.copied()).put("unchanged", s.unchanged())
                .put("verified", s.verified()).put("vanished", s.vanished()).put("failed", s.failed())
                .put("bytesCopied", s.bytesCopied()).put("attempts", s.attempts()).put("workers", s.workers())
                .put("serverWorkers", running == null ? 0 : running.get()).put("errors", s.errors()).build();
    }

    static ToolSchema.ObjectBuilder jobSchema() {
        return ToolSchema.object().required("jobId", string("The job id"))
                .required("state", string("submitting, running, complete (every item done) or failed (every item "
                        + "ended, some objects failed)"))
                .required("source", string("account:container/prefix")).required("target", string("account:container/prefix"))
                .required("items", integer("Work items")).required("itemsDone", integer("Items done"))
                .required("itemsFailed", integer("Items given up")).required("itemsWorking", integer("Items held by a worker now"))
                .required("objects", integer("Objects listed")).required("bytes", integer("Bytes listed"))
                .required("copied", integer("Objects copied")).required("unchanged", integer("Objects already at the target"))
                .required("verified", integer("Objects whose MD5 was checked equal"))
                .required("vanished", integer("Objects deleted from the source after the listing"))
                .required("failed", integer("Objects that failed")).required("bytesCopied", integer("Bytes copied"))
                .required("attempts", integer("Item attempts (above items when workers died or retried)"))
                .required("workers", array("Workers that took items", string(null)))
                .required("serverWorkers", integer("Worker threads of this server still on the job"))
                .required("errors", array("Last error of failed or retried items", string(null)));
    }

    private static McpTool getCopyJob() {
        return McpTool.builder("get-copy-job").title("Follow a distributed copy job").readOnly()
                .requires(Capability.TABLES)
                .description("The progress of a distributed copy job (copy-container with distributed: true), read "
                        + "from the progress table of the account coordinating it (the copy's target account): "
                        + "state, items done/failed/in work, objects copied/unchanged/verified/failed, attempts and "
                        + "the workers that took items. Workers on other machines join with "
                        + "'unistore worker JOB --queue ACCOUNT'.")
                .input(ToolSchema.object().required("jobId", ToolSchema.name("The job id copy-container returned"))
                        .build())
                .output(jobSchema().build())
                .handler(call -> describe(DistributedCopy.on(call.account()).status(call.string("jobId"))))
                .build();
    }
}
