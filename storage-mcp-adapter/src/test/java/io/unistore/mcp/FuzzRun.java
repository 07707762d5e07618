package io.unistore.mcp;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;

/**
 * Sends fuzzed calls one at a time and checks each: its answer ({@link FuzzOracle}), what the server wrote on
 * stderr meanwhile (no stack trace), and the sandbox (nothing outside the data root and the allowed directory
 * touched). A call left unanswered is followed by a ping: when that goes unanswered too the server is gone and
 * the run stops.
 */
final class FuzzRun {
    /** How long a call may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** {@code -Dunistore.fuzz.verbose=true} prints every call and its answer. */
    private static final boolean VERBOSE = Boolean.getBoolean("unistore.fuzz.verbose");

    private final RawMcpClient client;
    private final FuzzOracle oracle;
    private final FuzzSandbox sandbox;
    private final int maxFailures;

    /** Per strategy, how many answers of each kind ("success", "[NOT_FOUND]"...). */
    final Map<FuzzStrategy, Map<String, Integer>> answers = new EnumMap<>(FuzzStrategy.class);
    final List<String> failures = new ArrayList<>();
    int calls;
    long slowestMillis;
    String slowest = "";
    private long logOffset;
    private Map<String, String> tree;

    FuzzRun(RawMcpClient client, FuzzOracle oracle, FuzzSandbox sandbox, int maxFailures) {
        this.client = client;
        this.oracle = oracle;
        this.sandbox = sandbox;
        this.maxFailures = maxFailures;
    }

    /** Marks what exists now as the state every later call is compared with, and skips the log so far. */
    void baseline() {
        tree = sandbox.watched();
        logOffset = length(client.logFile());
    }

    /** Runs the cases; false when the run had to stop (server gone, too many failures). */
    boolean run(Iterable<FuzzCase> cases) {
        for (FuzzCase c : cases) {
            calls++;
            long start = System.nanoTime();
            JsonNode answer = client.request("tools/call", c.params(), TIMEOUT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowest = "case " + c.index() + " " + c.tool() + " [" + c.strategy() + "]";
            }
            answers.computeIfAbsent(c.strategy(), k -> new TreeMap<>()).merge(FuzzOracle.kind(answer), 1,
                    Integer::sum);
            if (VERBOSE) {
                System.out.println(c.index() + " " + c.strategy() + " " + c.tool() + " " + FuzzMutation.shorten(
                        c.params()) + " -> " + FuzzOracle.shorten(answer == null ? "(none)" : FuzzOracle.text(
                        answer.path("result")) + answer.path("error")));
            }
            List<String> problems = new ArrayList<>(oracle.problems(c, answer));
            problems.addAll(stackTraces());
            Map<String, String> now = sandbox.watched();
            FuzzSandbox.changes(tree, now).forEach(ch -> problems.add("touched outside the data root and the "
                    + "allowed paths: " + ch));
            tree = now;
            if (!problems.isEmpty()) {
                failures.add(c.describe() + "\n    " + String.join("\n    ", problems));
            }
            if (answer == null && client.request("ping", "{}", TIMEOUT) == null) {
                failures.add("the server answers nothing any more (alive: " + client.alive() + "); run stopped");
                return false;
            }
            if (failures.size() >= maxFailures) {
                failures.add("stopped after " + maxFailures + " failing calls");
                return false;
            }
        }
        return true;
    }

    /** Stack traces the server wrote since the last look. */
    private List<String> stackTraces() {
        byte[] bytes = readFrom(client.logFile(), logOffset);
        logOffset += bytes.length;
        String fresh = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = FuzzOracle.STACK_TRACE.matcher(fresh);
        if (!m.find()) {
            return List.of();
        }
        int from = Math.max(0, fresh.lastIndexOf('\n', Math.max(0, m.start() - 2)) - 600);
        return List.of("stack trace on stderr:\n" + fresh.substring(from, Math.min(fresh.length(), m.end() + 1500)));
    }

    private static long length(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] readFrom(Path file, long offset) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long n = f.length() - offset;
            if (n <= 0) {
                return new byte[0];
            }
            byte[] bytes = new byte[(int) Math.min(n, 16 << 20)];
            f.seek(offset);
            f.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run's figures for the test's output. */
    String summary() {
        StringBuilder sb = new StringBuilder(calls + " calls, " + failures.size() + " failures, slowest "
                + slowestMillis + " ms (" + slowest + ")");
        answers.forEach((strategy, kinds) -> sb.append("\n    ").append(strategy).append(' ')
                .append(kinds.values().stream().mapToInt(Integer::intValue).sum()).append(": ").append(kinds));
        return sb.toString();
    }
}
