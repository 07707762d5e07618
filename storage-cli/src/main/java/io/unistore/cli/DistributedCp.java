package io.unistore.cli;

import io.unistore.ops.CopyContainerOptions;
import io.unistore.ops.CopyJobStatus;
import io.unistore.ops.DistributedCopy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code cp -r --workers N} between accounts: submits a storage-ops {@link DistributedCopy} job, runs N
 * {@code unistore worker} processes on it (replacing any that die) and follows its table until every item has
 * ended. With N = 0 it only submits and prints the job id, for workers on other machines.
 */
final class DistributedCp {
    private DistributedCp() {
    }

    static int run(Session session, Output output, Globals globals, JobOptions where, int workers, int batch,
                   Duration lease, Location src, Location dst, Predicate<String> selected, int transfers,
                   boolean incremental) throws InterruptedException {
        if (src.isLocal() || dst.isLocal()) {
            throw CliException.usage("--workers: a distributed copy runs between accounts; for local files use "
                    + "--transfers");
        }
        if (workers < 0 || workers > 64) {
            throw CliException.usage("--workers: must be 0 to 64, was " + workers);
        }
        DistributedCopy jobs = where.jobs(session, dst.account(), src.account()).withBatchSize(batch)
                .withLease(lease);
        String from = src.dirPrefix();
        String to = dst.dirPrefix();
        CopyContainerOptions copy = CopyContainerOptions.of(src.requireContainer("container"),
                        dst.requireContainer("container"))
                .withSourcePrefix(from.isEmpty() ? null : from)
                .withTargetPrefix(from.isEmpty() && to.isEmpty() ? null : to)
                .withNameFilter(full -> selected.test(full.substring(from.length())))
                .withConcurrency(transfers).withIncremental(incremental);
        long start = System.nanoTime();
        String job = jobs.submit(src.account(), dst.account(), copy, session::account);
        CopyJobStatus status = jobs.status(job);
        output.note("job " + job + ": " + status.objects() + " objects in " + status.items() + " items; join from "
                + "any machine: unistore worker " + job + " --queue " + where.queue);
        if (workers == 0) {
            output.result(Map.of("job", job, "queue", where.queue, "items", status.items(), "objects",
                    status.objects()), job);
            return Exit.OK;
        }
        try (WorkerProcesses children = new WorkerProcesses(job, where.queue, where.table, globals, workers);
             Progress progress = Progress.start(output, "copy", status.bytes())) {
            long shown = 0;
            while (true) {
                status = jobs.status(job);
                progress.add(status.bytesCopied() - shown);
                shown = status.bytesCopied();
                if (status.finished()) {
                    children.awaitExit(lease.toMillis() + 5_000);
                    break;
                }
                children.replaceDead().forEach(output::note);
                if (!children.anyAlive()) {
                    output.error("every worker of job " + job + " has stopped before it ended; join it with "
                            + "unistore worker " + job + " --queue " + where.queue);
                    break;
                }
                Thread.sleep(300);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("job", job);
        result.put("state", status.state());
        result.put("items", status.items());
        result.put("attempts", status.attempts());
        result.put("workers", status.workers().size());
        result.put("copied", status.copied());
        result.put("unchanged", status.unchanged());
        result.put("verified", status.verified());
        result.put("failed", status.failed());
        result.put("bytes", status.bytesCopied());
        result.put("seconds", seconds);
        result.put("errors", status.errors());
        if (!output.json()) {
            status.errors().forEach(output::error);
        }
        output.result(result, JobCommand.describe(status) + String.format(java.util.Locale.ROOT, " in %.1f s",
                seconds));
        return "complete".equals(status.state()) ? Exit.OK : Exit.FAILED;
    }
}
