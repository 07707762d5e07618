package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JobScheduler} and {@link JobRuns}: two schedulers ("servers") sharing the runs table of one account run
 * each due time of a job exactly once; a holder that died leaves a lease that lapses, after which the run is taken
 * over and run again; the history lists every run. Time is a clock the test moves: nothing sleeps.
 */
class JobSchedulerTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:30Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    static List<Backends.Backend> tableTargets() {
        return Backends.tableTargets();
    }

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableTargets")
    void twoSchedulersRunEachDueTimeExactlyOnce(Backends.Backend backend) throws Exception {
        try (StorageAccount account = backend.open().get()) {
            TestClock clock = new TestClock();
            JobRuns runs = new JobRuns(account, "schedruns");
            Map<Instant, AtomicInteger> executions = new ConcurrentHashMap<>();
            JobScheduler.Work work = due -> {
                executions.computeIfAbsent(due, d -> new AtomicInteger()).incrementAndGet();
                return "ran " + due;
            };
            JobScheduler a = JobScheduler.on(runs, "server-a", clock, LEASE);
            JobScheduler b = JobScheduler.on(runs, "server-b", clock, LEASE);
            a.add("every-minute", BackupSchedule.parse("* * * * *"), work);
            b.add("every-minute", BackupSchedule.parse("* * * * *"), work);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                int minutes = 6;
                List<String> owners = new ArrayList<>();
                for (int m = 0; m < minutes; m++) {
                    clock.advance(Duration.ofMinutes(1));
                    CountDownLatch go = new CountDownLatch(1);
                    Future<List<ScheduledRun>> fa = pool.submit(() -> {
                        go.await();
                        return a.tick();
                    });
                    Future<List<ScheduledRun>> fb = pool.submit(() -> {
                        go.await();
                        return b.tick();
                    });
                    go.countDown();
                    List<ScheduledRun> done = new ArrayList<>(fa.get());
                    done.addAll(fb.get());
                    assertThat(done).as("minute %d", m).hasSize(1);
                    owners.add(done.get(0).owner());
                }
                // A tick with nothing due runs nothing.
                assertThat(a.tick()).isEmpty();
                assertThat(b.tick()).isEmpty();
                assertThat(executions).hasSize(minutes);
                assertThat(executions.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
                List<ScheduledRun> history = runs.list("every-minute", 100);
                assertThat(history).hasSize(minutes).allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo(ScheduledRun.SUCCEEDED);
                    assertThat(r.attempt()).isEqualTo(1);
                    assertThat(r.summary()).isEqualTo("ran " + r.due());
                    assertThat(r.owner()).isIn("server-a", "server-b");
                });
                assertThat(history.get(0).due()).isEqualTo(Instant.parse("2026-03-02T10:06:00Z"));
                assertThat(history).extracting(ScheduledRun::due).isSortedAccordingTo((x, y) -> y.compareTo(x));
                System.out.println("[schedule] " + backend + ": owners by minute " + owners);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableTargets")
    void aDeadHoldersLeaseLapsesAndTheRunIsTakenOverOnce(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            TestClock clock = new TestClock();
            JobRuns runs = new JobRuns(account, "schedruns");
            AtomicInteger ran = new AtomicInteger();
            JobScheduler b = JobScheduler.on(runs, "server-b", clock, LEASE);
            b.add("nightly", BackupSchedule.parse("0 * * * *"), due -> "run " + ran.incrementAndGet());
            JobScheduler c = JobScheduler.on(runs, "server-c", clock, LEASE);
            c.add("nightly", BackupSchedule.parse("0 * * * *"), due -> "run " + ran.incrementAndGet());
            Instant due = Instant.parse("2026-03-02T11:00:00Z");
            // Server A takes the 11:00 run and dies: its row stays RUNNING with a lease to 11:05.
            clock.now.set(due);
            assertThat(runs.claim("nightly", due, "server-a", clock.instant(), LEASE)).isPresent();
            clock.advance(Duration.ofMinutes(1));
            assertThat(b.tick()).isEmpty();
            assertThat(c.tick()).isEmpty();
            clock.advance(Duration.ofMinutes(3));
            assertThat(b.tick()).isEmpty(); // 11:04: the lease still stands
            clock.advance(Duration.ofMinutes(1));
            List<ScheduledRun> took = b.tick(); // 11:05: it has lapsed
            assertThat(took).singleElement().satisfies(r -> {
                assertThat(r.due()).isEqualTo(due);
                assertThat(r.attempt()).isEqualTo(2);
                assertThat(r.outcome()).isEqualTo(ScheduledRun.SUCCEEDED);
            });
            assertThat(c.tick()).isEmpty(); // the other server sees it ended
            assertThat(ran).hasValue(1);
            ScheduledRun row = runs.list("nightly", 10).get(0);
            assertThat(row.owner()).isEqualTo("server-b");
            assertThat(row.attempt()).isEqualTo(2);
            assertThat(row.summary()).isEqualTo("run 1");
            assertThat(row.end()).isEqualTo(clock.instant());

            // A failing run is recorded as FAILED with its reason, and the schedule goes on.
            JobScheduler d = JobScheduler.on(runs, "server-d", clock, LEASE);
            d.add("failing", BackupSchedule.parse("0 * * * *"), t -> {
                throw new IllegalStateException("disk full");
            });
            clock.advance(Duration.ofHours(1));
            assertThat(d.tick()).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(ScheduledRun.FAILED);
                assertThat(r.summary()).contains("disk full");
            });
            assertThat(runs.list(null, 10)).extracting(ScheduledRun::job).contains("failing", "nightly");
            // Missed times collapse: 12:05 to 17:05 with no tick gives one run, for 17:00 (not five).
            clock.advance(Duration.ofHours(5));
            assertThat(d.tick()).singleElement().satisfies(r -> assertThat(r.due()).isEqualTo(
                    Instant.parse("2026-03-02T17:00:00Z")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableTargets")
    void badInputIsRefusedNamingTheField(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            JobRuns runs = new JobRuns(account, "schedruns");
            JobScheduler s = JobScheduler.on(runs, "x");
            assertThatThrownBy(() -> s.add("a/b", BackupSchedule.parse("* * * * *"), t -> "")).hasMessageContaining(
                    "name");
            s.add("ok", BackupSchedule.parse("* * * * *"), t -> "");
            assertThatThrownBy(() -> s.add("ok", BackupSchedule.parse("* * * * *"), t -> ""))
                    .hasMessageContaining("already scheduled");
            assertThatThrownBy(() -> JobScheduler.on(runs, " ")).hasMessageContaining("owner");
            assertThatThrownBy(() -> runs.list(null, 0)).hasMessageContaining("limit");
            assertThat(runs.list("o'x", 5)).isEmpty();
        }
    }
}
