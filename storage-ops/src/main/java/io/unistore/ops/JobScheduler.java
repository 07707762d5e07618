package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs (backups, lifecycle applications, metrics recordings...) on {@link BackupSchedule}s, each due run once
 * however many schedulers (servers) share the runs table: a run is taken through {@link JobRuns}, whose row is its
 * lease (a conditional insert or takeover, an expiry renewed while the run lasts) and then its history. A holder
 * that dies leaves a lease that lapses; the next scheduler to look then takes the run over and runs it again.
 *
 * <p>Each {@link #tick()} runs, one after the other on the calling thread, the latest due time of each job that
 * has not run yet (earlier missed times are skipped: a backup after a day's downtime runs once, not 24 times) and
 * any run whose holder's lease lapsed; {@link #start} ticks on a daemon thread. The clock is injectable, so tests
 * move time instead of sleeping.
 *
 * <pre>{@code
 * try (JobScheduler s = JobScheduler.on(new JobRuns(coordination, "unistoreschedule"), "server-1")) {
 *     s.add("orders-nightly", BackupSchedule.parse("0 2 * * *"), due -> TableBackup.backup(data, backups,
 *             BackupTableOptions.incremental("orders", "backups")).toString());
 *     s.start(Duration.ofSeconds(15));
 *     ...
 * }
 * }</pre>
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    /** A job's work: runs once for a due time and says what it did (the run's summary). */
    @FunctionalInterface
    public interface Work {
        String run(Instant due) throws Exception;
    }

    private final JobRuns runs;
    private final String owner;
    private final Clock clock;
    private final Duration lease;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Object ticking = new Object();
    private ScheduledExecutorService timer;

    private JobScheduler(JobRuns runs, String owner, Clock clock, Duration lease) {
        this.runs = runs;
        this.owner = owner;
        this.clock = clock;
        this.lease = lease;
    }

    /** A scheduler named {@code owner} (shown in the runs), on the system clock, with 5-minute leases. */
    public static JobScheduler on(JobRuns runs, String owner) {
        return on(runs, owner, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    /**
     * A scheduler with its clock and lease length.
     *
     * @throws StorageException INVALID_ARGUMENT naming {@code owner} or {@code lease}
     */
    public static JobScheduler on(JobRuns runs, String owner, Clock clock, Duration lease) {
        if (owner == null || owner.isBlank() || owner.length() > 200) {
            throw StorageException.invalidArgument("owner", "must be 1-200 characters");
        }
        if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw StorageException.invalidArgument("lease", "must be at least 1 second");
        }
        return new JobScheduler(runs, owner, clock, lease);
    }

    /**
     * Adds a job; its first due time is the schedule's next after now.
     *
     * @throws StorageException INVALID_ARGUMENT naming {@code name} when it is not 1-63 letters, digits, '.', '_'
     *         or '-', or already used
     */
    public void add(String name, BackupSchedule schedule, Work work) {
        if (name == null || !JOB_NAME.matcher(name).matches()) {
            throw StorageException.invalidArgument("name", "a job name is 1-63 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, was '" + name + "'");
        }
        if (jobs.putIfAbsent(name, new Job(name, schedule, work, clock.instant())) != null) {
            throw StorageException.invalidArgument("name", "job '" + name + "' is already scheduled");
        }
    }

    /** The jobs' names. */
    public List<String> jobs() {
        return jobs.keySet().stream().sorted().toList();
    }

    /** The runs table. */
    public JobRuns runs() {
        return runs;
    }

    /** When a job is next due, or empty (unknown job, or a schedule that never fires again). */
    public Optional<Instant> nextDue(String job) {
        Job j = jobs.get(job);
        return j == null ? Optional.empty() : Optional.ofNullable(j.next);
    }

    /**
     * Runs what is due now: for each job, the latest due time reached that has not been looked at, and the runs
     * seen held by others whose lease has since lapsed. Failures of a job are recorded as its outcome; a failing
     * runs table is logged and tried again at the next tick.
     *
     * @return the runs this scheduler executed
     */
    public List<ScheduledRun> tick() {
        synchronized (ticking) {
            List<ScheduledRun> executed = new ArrayList<>();
            for (Job job : jobs.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).toList()) {
                try {
                    job.tick(executed);
                } catch (StorageException e) {
                    LOG.warn("schedule of job '{}': the runs table failed, tried again later: {}", job.name,
                            e.getMessage());
                }
            }
            return executed;
        }
    }

    /** Ticks every {@code interval} on a daemon thread until closed. */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unistore-job-scheduler");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(100, interval.toMillis());
        timer.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("scheduler tick failed: {}", e.toString());
            }
        }, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops ticking; a run in progress is interrupted (its lease then lapses and another server reruns it). */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private final class Job {
        final String name;
        final BackupSchedule schedule;
        final Work work;
        volatile Instant next;
        /** Due times seen held by another scheduler: looked at again until they end. */
        final TreeSet<Instant> heldElsewhere = new TreeSet<>();

        Job(String name, BackupSchedule schedule, Work work, Instant now) {
            this.name = name;
            this.schedule = schedule;
            this.work = work;
            this.next = schedule.nextRun(now).orElse(null);
        }

        void tick(List<ScheduledRun> executed) {
            Instant now = clock.instant();
            for (Instant due : List.copyOf(heldElsewhere)) {
                Optional<ScheduledRun> row = runs.find(name, due);
                if (row.isEmpty() || !row.get().outcome().equals(ScheduledRun.RUNNING)) {
                    heldElsewhere.remove(due);
                } else if (!row.get().leaseUntil().isAfter(now)) {
                    heldElsewhere.remove(due);
                    attempt(due, executed);
                }
            }
            if (next == null || next.isAfter(now)) {
                return;
            }
            Instant due = next;
            Optional<Instant> after = schedule.nextRun(due);
            while (after.isPresent() && !after.get().isAfter(now)) {
                due = after.get();
                after = schedule.nextRun(due);
            }
            next = after.orElse(null);
            attempt(due, executed);
        }

        private void attempt(Instant due, List<ScheduledRun> executed) {
            Optional<JobRuns.Held> claimed = runs.claim(name, due, owner, clock.instant(), lease);
            if (claimed.isEmpty()) {
                runs.find(name, due).filter(r -> r.outcome().equals(ScheduledRun.RUNNING))
                        .ifPresent(r -> heldElsewhere.add(due));
                return;
            }
            executed.add(execute(claimed.get(), due));
        }

        private ScheduledRun execute(JobRuns.Held held, Instant due) {
            Renewer renewer = new Renewer(held);
            boolean ok;
            String summary;
            try {
                summary = work.run(due);
                ok = true;
            } catch (Exception | Error e) {
                ok = false;
                summary = e instanceof StorageException se ? se.getMessage() : e.toString();
                LOG.warn("scheduled job '{}' (due {}) failed: {}", name, due, summary);
            } finally {
                renewer.stop();
            }
            Instant end = clock.instant();
            if (!runs.finish(renewer.held(), end, ok, summary)) {
                LOG.warn("scheduled job '{}' (due {}): the lease was lost to another server before the end; its "
                        + "outcome is not recorded", name, due);
            }
            ScheduledRun r = renewer.held().run();
            return new ScheduledRun(name, due, owner, r.attempt(), r.start(), end,
                    ok ? ScheduledRun.SUCCEEDED : ScheduledRun.FAILED, summary, end);
        }
    }

    /** Extends a running job's lease every third of the lease, on the real clock, until stopped. */
    private final class Renewer {
        private volatile JobRuns.Held held;
        private final Thread thread;

        Renewer(JobRuns.Held first) {
            this.held = first;
            long every = Math.max(200, lease.toMillis() / 3);
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(every);
                        JobRuns.Held renewed = runs.renew(held, clock.instant(), lease).orElse(null);
                        if (renewed == null) {
                            LOG.warn("scheduled job '{}': lease lost", held.run().job());
                            return;
                        }
                        held = renewed;
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        LOG.warn("scheduled job '{}': lease renewal failed: {}", held.run().job(), e.getMessage());
                    }
                }
            }, "unistore-job-lease");
            thread.setDaemon(true);
            thread.start();
        }

        JobRuns.Held held() {
            return held;
        }

        void stop() {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
