package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.tck.ChildProcess;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * What the kill harnesses share: how many runs, their seeds, a child JVM ({@link KillChild}) killed with SIGKILL
 * at a random moment of its operation, and the figures of the runs.
 *
 * <p>{@code -Dunistore.kills.runs=N} sets the runs per operation (3 by default, 20 for the full count);
 * {@code -Dunistore.kills.seed=S} repeats the runs of a seed the output printed.
 */
final class KillHarness {
    static final int RUNS = Integer.getInteger("unistore.kills.runs", 3);
    static final long SEED = Long.getLong("unistore.kills.seed", new SecureRandom().nextLong());

    /**
     * How one run's kill went.
     *
     * @param afterWrites the write calls the kill waited for
     * @param pauseMillis the pause after them
     * @param writes the write calls the child reported done in all
     * @param finishedFirst whether the operation had returned before the kill
     * @param childMillis how long the child ran, from its start to its end
     */
    record Kill(int afterWrites, long pauseMillis, long writes, boolean finishedFirst, long childMillis) {
        @Override
        public String toString() {
            return (finishedFirst ? "finished before the kill" : "killed") + " after " + afterWrites + " writes + "
                    + pauseMillis + " ms (" + writes + " writes done, child ran " + childMillis + " ms)";
        }
    }

    private static final Map<String, int[]> FIGURES = new TreeMap<>();

    private KillHarness() {
    }

    static IntStream runs() {
        return IntStream.range(0, RUNS);
    }

    /** The random numbers of one run of one operation, reproducible from the printed seed. */
    static Random random(String operation, int run) {
        long seed = SEED ^ operation.hashCode() * 0x9E3779B97F4A7C15L ^ run * 0xC2B2AE3D27D4EB4FL;
        System.out.printf("[kills] %s run %d of %d (-Dunistore.kills.seed=%d)%n", operation, run + 1, RUNS, SEED);
        return new Random(seed);
    }

    /**
     * Runs {@link KillChild} with the arguments and kills it with SIGKILL at a random moment of its operation: after
     * a number of its write calls drawn uniformly from 0 to {@code writes} (about what the whole operation makes),
     * plus a pause drawn from 0 to {@code jitterMillis}, so the kill falls before, during or after the next writes
     * and their journal records, whatever the machine's speed. It may finish first.
     */
    static Kill runAndKill(Random random, int writes, long jitterMillis, String... args) throws Exception {
        long start = System.nanoTime();
        int after = random.nextInt(writes + 1);
        long pause = random.nextLong(jitterMillis + 1);
        try (ChildProcess child = ChildProcess.start(KillChild.class, List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"), args)) {
            child.awaitLine("started", 120);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (child.count("w") < after && child.isAlive()) {
                assertThat(System.nanoTime()).as("%d writes within 120 s: %s", after, child.output())
                        .isLessThan(deadline);
                Thread.sleep(1);
            }
            Thread.sleep(pause);
            boolean finished = child.hasPrinted("finished");
            child.kill();
            assertThat(child.exitCode()).as("the child ends by the kill or after finishing: %s", child.output())
                    .isIn(137, finished ? 0 : 137);
            return new Kill(after, pause, child.count("w"), finished, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Counts a run that passed every check. */
    static synchronized void passed(String operation, Kill kill, String detail) {
        int[] f = FIGURES.computeIfAbsent(operation, k -> new int[2]);
        f[0]++;
        if (!kill.finishedFirst()) {
            f[1]++;
        }
        System.out.printf("[kills] %s: %s; %s: passed%n", operation, kill, detail);
    }

    /** The figures so far as a Markdown table (runs that failed stop their test, so they are not counted). */
    static synchronized String table() {
        StringBuilder b = new StringBuilder("| goal | runs | result |\n| --- | --- | --- |\n");
        FIGURES.forEach((op, f) -> b.append(String.format("| %s killed with SIGKILL and resumed: nothing lost, "
                + "corrupted or written twice | %d (%d killed mid-way, %d finished first) | %d passed |%n", op, f[0],
                f[1], f[0] - f[1], f[0])));
        return b.toString();
    }
}
