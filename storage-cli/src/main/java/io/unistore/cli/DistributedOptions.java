package io.unistore.cli;

import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of a copy shared by worker processes ({@code cp -r --workers}, {@code sync --workers}). */
final class DistributedOptions {
    @Option(names = "--workers", paramLabel = "N", description = "Between accounts: a distributed copy job, run by N "
            + "worker processes (each with --transfers objects in flight); more can join from any machine with "
            + "'unistore worker JOB'. 0 only submits the job and prints its id (cp only).")
    Integer workers;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
            description = "With --workers: objects per work item (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "30s",
            description = "With --workers: how long an item stays hidden from other workers, renewed while one "
                    + "works on it; a killed worker's items reappear after it (default ${DEFAULT-VALUE}).")
    String lease;

    @Mixin
    JobOptions where;

    boolean on() {
        return workers != null;
    }

    Duration leaseDuration() {
        return PresignCommand.duration(lease, "--lease");
    }
}
