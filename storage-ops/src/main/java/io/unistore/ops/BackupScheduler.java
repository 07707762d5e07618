package io.unistore.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs (typically a backup followed by {@link Retention}) on {@link BackupSchedule}s, in this process, for
 * the library and the MCP server. A job never overlaps itself: the next run is planned when one ends. A failing
 * run is logged and kept as {@link Job#lastError()}; the schedule goes on. Close it to stop every job.
 *
 * <pre>{@code
 * try (BackupScheduler scheduler = new BackupScheduler()) {
 *     scheduler.schedule("nightly orders", BackupSchedule.parse("0 2 * * *"), () -> {
 *         BackupResult r = TableBackup.backup(data, backups, BackupTableOptions.incremental("orders", "backups"));
 *         Retention.apply(backups, "backups", r.root(), RetentionPolicy.keepDays(30), false);
 *         return r;
 *     });
 *     ...
 * }
 * }</pre>
 */
public final class BackupScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);

    private final ScheduledExecutorService executor;
    private final List<Job> jobs = new CopyOnWriteArrayList<>();

    /** A scheduler with two worker threads (daemons). */
    public BackupScheduler() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "unistore-backup-scheduler");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        this.executor = e;
    }

    /** Schedules a job; its first run is the schedule's next time after now. */
    public Job schedule(String name, BackupSchedule schedule, Callable<?> job) {
        Job j = new Job(name, schedule, job);
        jobs.add(j);
        j.planAfter(Instant.now());
        return j;
    }

    /** The scheduled jobs. */
    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /** Stops every job; a run in progress is interrupted. */
    @Override
    public void close() {
        jobs.forEach(Job::cancel);
        executor.shutdownNow();
    }

    /** One scheduled job. Thread-safe. */
    public final class Job {
        private final String name;
        private final BackupSchedule schedule;
        private final Callable<?> work;
        private final AtomicLong runs = new AtomicLong();
        private volatile Instant nextRun;
        private volatile Instant lastRun;
        private volatile Object lastResult;
        private volatile Throwable lastError;
        private volatile ScheduledFuture<?> future;
        private volatile boolean cancelled;

        private Job(String name, BackupSchedule schedule, Callable<?> work) {
            this.name = name;
            this.schedule = schedule;
            this.work = work;
        }

        private synchronized void planAfter(Instant after) {
            if (cancelled) {
                return;
            }
            Optional<Instant> next = schedule.nextRun(after);
            nextRun = next.orElse(null);
            if (next.isEmpty()) {
                return;
            }
            long delay = Math.max(0, Duration.between(Instant.now(), next.get()).toMillis());
            future = executor.schedule(this::run, delay, TimeUnit.MILLISECONDS);
        }

        private void run() {
            Instant started = Instant.now();
            lastRun = started;
            try {
                lastResult = work.call();
                lastError = null;
            } catch (Exception | Error e) {
                lastError = e;
                LOG.warn("Scheduled job '{}' failed: {}", name, e.toString());
            } finally {
                runs.incrementAndGet();
            }
            Instant planFrom = schedule.nextRun(started).filter(t -> t.isAfter(Instant.now())).isPresent()
                    ? started : Instant.now();
            planAfter(planFrom);
        }

        /** Stops the job; a run in progress is interrupted. */
        public synchronized void cancel() {
            cancelled = true;
            nextRun = null;
            if (future != null) {
                future.cancel(true);
            }
        }

        public String name() {
            return name;
        }

        public BackupSchedule schedule() {
            return schedule;
        }

        /** When it runs next, or null when cancelled or never again. */
        public Instant nextRun() {
            return nextRun;
        }

        /** When the last run started, or null. */
        public Instant lastRun() {
            return lastRun;
        }

        /** What the last successful run returned, or null. */
        public Object lastResult() {
            return lastResult;
        }

        /** Why the last run failed, or null when it succeeded. */
        public Throwable lastError() {
            return lastError;
        }

        /** Runs finished so far. */
        public long runs() {
            return runs.get();
        }
    }
}
