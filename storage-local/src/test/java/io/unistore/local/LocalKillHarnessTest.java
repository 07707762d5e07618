package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.ChildProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kill harness of the local provider: rounds of four writer processes ({@link LocalWriter}, each with
 * {@code durability=process} or {@code sync} at random) writing blobs, entities, queue messages and files on one
 * data directory, random ones killed with SIGKILL at random moments, the others stopping when their time is up.
 * The directory carries over from round to round, so each round also starts on what crashes left. After each
 * round, with no process on the directory:
 *
 * <ul>
 *   <li>{@link LocalConsistency}: {@code PRAGMA integrity_check} is ok; after the leftover sweep, every row's
 *       content file is there with its recorded size and MD5, reference counts match, and no file is an orphan;</li>
 *   <li>{@link WriterLogs}: every write a writer was told had succeeded, in this round or any earlier one, is
 *       there, and nothing it did not announce.</li>
 * </ul>
 *
 * Rounds: {@code -Dunistore.local.kills.rounds} (3 by default, 20 for the full count); {@code
 * -Dunistore.local.kills.seed} repeats the rounds of a printed seed.
 */
class LocalKillHarnessTest {
    static final int ROUNDS = Integer.getInteger("unistore.local.kills.rounds", 3);
    static final long SEED = Long.getLong("unistore.local.kills.seed", new SecureRandom().nextLong());
    private static final int WRITERS = 4;
    private static final long WRITE_MILLIS = 2000;
    private static final Map<String, Path> LOGS = new TreeMap<>();
    private static final int[] FIGURES = new int[4]; // rounds, writers killed, writers ended, leftovers swept

    @TempDir
    static Path tmp;

    static IntStream rounds() {
        return IntStream.range(0, ROUNDS);
    }

    @BeforeAll
    static void createStores() {
        try (StorageAccount account = Unistore.open(data().toString())) {
            account.blobs().createContainer(LocalWriter.CONTAINER);
            account.tables().createTable(LocalWriter.TABLE);
            account.queues().createQueue(LocalWriter.QUEUE);
            account.files().createShare(LocalWriter.SHARE);
        }
    }

    @AfterAll
    static void figures() {
        System.out.printf("| goal | runs | result |%n| --- | --- | --- |%n| 4 writer processes on one directory, "
                + "random ones killed with SIGKILL; then integrity_check, content and MD5 of every row, no orphan "
                + "after the sweep, every acknowledged write there | %d rounds (%d writers killed, %d ended "
                + "normally; %d leftovers swept) | %d passed |%n", FIGURES[0], FIGURES[1], FIGURES[2], FIGURES[3],
                FIGURES[0]);
    }

    @ParameterizedTest(name = "round {0}")
    @MethodSource("rounds")
    void writersKilledAtRandomLeaveAConsistentDirectory(int round) throws Exception {
        Random random = new Random(SEED + round * 0x9E3779B97F4A7C15L);
        System.out.printf("[local-kills] round %d of %d (-Dunistore.local.kills.seed=%d)%n", round + 1, ROUNDS, SEED);
        try (StorageAccount account = Unistore.open(data().toString())) {
            for (int w = 0; w < WRITERS; w++) {
                account.files().createDirectory(LocalWriter.SHARE, LocalWriter.directory(writer(round, w)));
            }
        }
        List<ChildProcess> children = new ArrayList<>();
        long[] killAt = new long[WRITERS];
        String[] durabilities = new String[WRITERS];
        StringBuilder plan = new StringBuilder();
        try {
            for (int w = 0; w < WRITERS; w++) {
                String durability = random.nextBoolean() ? "process" : "sync";
                durabilities[w] = durability;
                Path log = tmp.resolve(writer(round, w) + ".log");
                LOGS.put(writer(round, w), log);
                children.add(ChildProcess.start(LocalWriter.class, List.of("-Xmx192m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1"), data().toString(), durability, Integer.toString(round),
                        Integer.toString(w), Long.toString(random.nextLong()), Long.toString(WRITE_MILLIS),
                        log.toString()));
                killAt[w] = random.nextBoolean() ? random.nextLong(WRITE_MILLIS) : -1;
            }
            if (java.util.Arrays.stream(killAt).allMatch(t -> t < 0)) {
                killAt[random.nextInt(WRITERS)] = random.nextLong(WRITE_MILLIS); // at least one kill a round
            }
            for (int w = 0; w < WRITERS; w++) {
                plan.append(String.format(" w%d %s %s;", w, durabilities[w], killAt[w] < 0 ? "runs out"
                        : "killed at " + killAt[w] + " ms"));
            }
            for (ChildProcess child : children) {
                child.awaitLine("ready", 120);
            }
            long start = System.nanoTime();
            Map<Integer, Long> pending = new LinkedHashMap<>();
            for (int w = 0; w < WRITERS; w++) {
                if (killAt[w] >= 0) {
                    pending.put(w, killAt[w]);
                }
            }
            while (!pending.isEmpty()) {
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                pending.entrySet().removeIf(e -> {
                    if (e.getValue() > elapsed) {
                        return false;
                    }
                    try {
                        children.get(e.getKey()).kill();
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    return true;
                });
                Thread.sleep(1);
            }
            for (int w = 0; w < WRITERS; w++) {
                ChildProcess child = children.get(w);
                int code = child.await(120);
                if (killAt[w] < 0 || code == 0) {
                    assertThat(code).as("writer %d: %s", w, child.output()).isZero();
                    FIGURES[2]++;
                } else {
                    assertThat(code).as("writer %d killed: %s", w, child.output()).isEqualTo(137);
                    FIGURES[1]++;
                }
            }
        } finally {
            for (ChildProcess child : children) {
                child.close();
            }
        }

        for (int w = 0; w < WRITERS; w++) {
            try (var lines = java.nio.file.Files.lines(LOGS.get(writer(round, w)))) {
                plan.append(String.format(" w%d: %d writes acknowledged;", w, lines.filter(l -> l.startsWith("<"))
                        .count()));
            }
        }
        LocalConsistency.Report report = LocalConsistency.check(data());
        assertThat(report.problems()).as("consistency after round %d:%s", round, plan).isEmpty();
        try (StorageAccount account = Unistore.open(data().toString())) {
            assertThat(WriterLogs.verify(account, data(), LOGS)).as("acknowledged writes after round %d:%s", round,
                    plan).isEmpty();
        }
        FIGURES[0]++;
        FIGURES[3] += report.swept();
        System.out.printf("[local-kills] round %d:%s %d content rows, %d files, %d leftovers swept: consistent%n",
                round, plan, report.rows(), report.files(), report.swept());
    }

    private static String writer(int round, int w) {
        return "r" + round + "w" + w;
    }

    private static Path data() {
        return tmp.resolve("data");
    }
}
