package io.unistore.mcp;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.ops.BackupContainerOptions;
import io.unistore.ops.BackupResult;
import io.unistore.ops.BackupTableOptions;
import io.unistore.ops.ContainerBackup;
import io.unistore.ops.JobRuns;
import io.unistore.ops.JobScheduler;
import io.unistore.ops.Lifecycle;
import io.unistore.ops.LifecycleApplyResult;
import io.unistore.ops.LifecyclePlan;
import io.unistore.ops.LifecyclePolicy;
import io.unistore.ops.MetricsHistory;
import io.unistore.ops.MetricsOptions;
import io.unistore.ops.MetricsResult;
import io.unistore.ops.Retention;
import io.unistore.ops.RetentionPolicy;
import io.unistore.ops.StorageMetrics;
import io.unistore.ops.TableBackup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The jobs of the {@code schedules} section, run by a {@link JobScheduler} whose runs table (leases and history)
 * is in {@code runsAccount}, so several servers with the same schedules run each due time once. Jobs are the
 * operator's configuration: they run with the server's access to the accounts, not through tool policies.
 */
final class ServerSchedules implements AutoCloseable {
    /** Where the runs table goes when {@code runsAccount} has no tables: under the server's data directory. */
    static final Path FALLBACK_RUNS_DIR = Path.of("unistore-data", "schedules");

    private final JobScheduler scheduler;
    private final StorageAccount fallback;

    private ServerSchedules(JobScheduler scheduler, StorageAccount fallback) {
        this.scheduler = scheduler;
        this.fallback = fallback;
    }

    /**
     * Builds the scheduler and adds every job (nothing runs until {@link #start}). When {@code runsAccount} has no
     * tables (S3, Cloud Storage), the runs table is kept by the local provider in {@code fallbackDir}: one server's
     * history, and a lock between the servers sharing that directory only.
     */
    static ServerSchedules of(ScheduleSpec spec, Accounts accounts, String owner, Path fallbackDir) {
        StorageAccount runsAccount = accounts.resolve(spec.runsAccount(), "schedules.runsAccount").account();
        StorageAccount fallback = null;
        if (!runsAccount.capabilities().has(Capability.TABLES)) {
            fallback = Unistore.open("file:" + fallbackDir.toAbsolutePath());
            runsAccount = fallback;
        }
        JobRuns runs = new JobRuns(runsAccount, spec.runsTable());
        JobScheduler scheduler = JobScheduler.on(runs, owner, java.time.Clock.systemUTC(), spec.lease());
        for (ScheduleSpec.Job job : spec.jobs()) {
            scheduler.add(job.name(), job.schedule(), due -> run(job, accounts));
        }
        return new ServerSchedules(scheduler, fallback);
    }

    /** The local account holding the runs table in place of a {@code runsAccount} without tables, or null. */
    StorageAccount fallback() {
        return fallback;
    }

    /** Ticks every {@code interval}. */
    void start(Duration interval) {
        scheduler.start(interval);
    }

    JobScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        try {
            scheduler.close();
        } finally {
            if (fallback != null) {
                fallback.close();
            }
        }
    }

    /** Runs one job's action; the summary is what the run's history row says. */
    static String run(ScheduleSpec.Job job, Accounts accounts) throws IOException {
        Map<String, String> s = job.settings();
        StorageAccount account = accounts.resolve(job.account()).account();
        switch (job.action()) {
            case "backup-table" -> {
                StorageAccount backup = other(accounts, s.get("backupAccount"), account);
                BackupResult r = TableBackup.backup(account, backup, new BackupTableOptions(s.get("table"),
                        s.get("backupContainer"), s.get("backupRoot"), incremental(s), null, null));
                return backupSummary(r) + retention(backup, s, r);
            }
            case "backup-container" -> {
                StorageAccount backup = other(accounts, s.get("backupAccount"), account);
                BackupResult r = ContainerBackup.backup(account, backup, new BackupContainerOptions(s.get("container"),
                        s.get("prefix"), s.get("backupContainer"), s.get("backupRoot"), incremental(s), 4, null));
                return backupSummary(r) + retention(backup, s, r);
            }
            case "apply-lifecycle" -> {
                LifecyclePolicy policy = LifecyclePolicy.parse(Files.readString(Path.of(s.get("policy"))));
                Path plan = Files.createTempFile("unistore-lifecycle-", ".plan");
                try {
                    LifecyclePlan p = Lifecycle.plan(account, s.get("container"), policy, plan, 0, null, null);
                    LifecycleApplyResult a = Lifecycle.apply(account, s.get("container"), plan, null, null);
                    return "lifecycle of " + s.get("container") + ": " + p.total() + " actions planned of "
                            + p.examined() + " blobs, " + a.applied() + " applied, " + a.failed() + " failed";
                } finally {
                    Files.deleteIfExists(plan);
                }
            }
            case "record-metrics" -> {
                StorageAccount history = other(accounts, s.get("historyAccount"), account);
                MetricsOptions o = MetricsOptions.account().withNow(Instant.now())
                        .withThresholds(accounts.resolve(job.account()).spec().alerts());
                if (s.containsKey("container")) {
                    o = o.withContainer(s.get("container"));
                }
                MetricsResult r = StorageMetrics.collect(account, o);
                int rows = MetricsHistory.record(history, s.get("historyTable"), job.account(), r);
                return "metrics of " + job.account() + " recorded: " + rows + " rows, " + r.totalObjects()
                        + " objects, " + r.totalBytes() + " bytes" + (r.alerts().isEmpty() ? ""
                        : ", " + r.alerts().size() + " alerts");
            }
            default -> throw new IllegalStateException("unknown action " + job.action());
        }
    }

    private static StorageAccount other(Accounts accounts, String name, StorageAccount same) {
        return name == null ? same : accounts.resolve(name).account();
    }

    private static boolean incremental(Map<String, String> s) {
        return Boolean.parseBoolean(s.getOrDefault("incremental", "false"));
    }

    private static String backupSummary(BackupResult r) {
        return r.set().type() + " backup set " + r.set().setId() + " of " + r.set().source() + ": " + r.set().items()
                + " items, " + r.set().stored() + " stored, " + r.set().bytes() + " bytes";
    }

    private static String retention(StorageAccount backup, Map<String, String> s, BackupResult r) {
        if (!s.containsKey("keepLast") && !s.containsKey("keepDays")) {
            return "";
        }
        RetentionPolicy policy = new RetentionPolicy(Integer.parseInt(s.getOrDefault("keepLast", "0")),
                s.containsKey("keepDays") ? Duration.ofDays(Integer.parseInt(s.get("keepDays"))) : null);
        Retention.Result d = Retention.apply(backup, s.get("backupContainer"), r.root(), policy, false);
        return "; retention deleted " + d.deleted().size() + " sets";
    }
}
