package io.unistore.cli;

import io.unistore.ops.CopyContainerOptions;
import io.unistore.ops.CopyJobStatus;
import io.unistore.ops.DistributedCopy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A copy between accounts shared by worker processes ({@code cp -r --workers N}, {@code sync --workers N}):
 * submits a storage-ops {@link DistributedCopy} job, runs N {@code unistore worker} processes on it (replacing any
 * that die) and follows its table until every item has ended. With N = 0 it only submits and prints the job id,
 * for workers on other machines.
 */
final class DistributedCp {
    private DistributedCp() {
    }

    /** How a job ended: its last status, and how long it took. */
    record Outcome(CopyJobStatus status, double seconds) {
        boolean complete() {
            return "complete".equals(status.state());
        }

        /** The --json fields of the job. */
        Map<String, Object> fields() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("job", status.jobId());
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
            return result;
        }

        String summary() {
            return JobCommand.describe(status) + String.format(java.util.Locale.ROOT, " in %.1f s", seconds);
        }
    }

    /** {@code cp --workers}: the job, its result printed; the exit code. */
    static int run(Session session, Output output, Globals globals, DistributedOptions options, Location src,
                   Location dst, Predicate<String> selected, int transfers, boolean incremental)
            throws InterruptedException {
        Outcome outcome = execute(session, output, globals, options, src, dst, selected, transfers, incremental);
        if (outcome == null) {
            return Exit.OK;
        }
        if (!output.json()) {
            outcome.status().errors().forEach(output::error);
        }
        output.result(outcome.fields(), outcome.summary());
        return outcome.complete() ? Exit.OK : Exit.FAILED;
    }

    /**
     * Submits the job of the objects under {@code src} that {@code selected} takes (names relative to it) and runs
     * it to its end with the workers asked for; null when there are none (the job id was printed for others).
     */
    static Outcome execute(Session session, Output output, Globals globals, DistributedOptions options, Location src,
                           Location dst, Predicate<String> selected, int transfers, boolean incremental)
            throws InterruptedException {
        if (src.isLocal() || dst.isLocal()) {
            throw CliException.usage("--workers: a distributed copy runs between accounts; for local files use "
                    + "--transfers");
        }
        int workers = options.workers;
        if (workers < 0 || workers > 64) {
            throw CliException.usage("--workers: must be 0 to 64, was " + workers);
        }
        Duration lease = options.leaseDuration();
        JobOptions where = options.where;
        DistributedCopy jobs = where.jobs(session, dst.account(), src.account()).withBatchSize(options.batch)
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
            return null;
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
        return new Outcome(status, (System.nanoTime() - start) / 1e9);
    }
}
