package io.unistore.mcp;

import io.unistore.ops.BackupSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code schedules} section of the config (or of the {@code --schedule} file): where the runs table lives and
 * the jobs.
 *
 * @param runsAccount the served account holding the runs table (the lease rows and the history)
 * @param runsTable its name
 * @param lease how long a run's lease lasts without renewal (a dead server's run is taken over after it)
 * @param poll how often the server looks for due runs
 * @param jobs the jobs, in file order
 */
record ScheduleSpec(String runsAccount, String runsTable, Duration lease, Duration poll, List<Job> jobs) {
    /** No schedules. */
    static final ScheduleSpec NONE = new ScheduleSpec(null, null, Duration.ofMinutes(5), Duration.ofSeconds(15),
            List.of());

    /**
     * One job.
     *
     * @param name its name (the runs table's PartitionKey)
     * @param schedule when it runs
     * @param action {@code backup-table}, {@code backup-container}, {@code apply-lifecycle} or {@code record-metrics}
     * @param account the served account it works on
     * @param settings the action's settings (table, container, backupAccount...), as strings
     */
    record Job(String name, BackupSchedule schedule, String action, String account, Map<String, String> settings) {
    }
}
