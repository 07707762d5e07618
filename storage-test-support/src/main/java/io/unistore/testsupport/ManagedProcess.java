package io.unistore.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A back-end process started by a test: output goes to a log file (shown when it fails to start), and
 * {@link #close()} stops it and its children. A JVM shutdown hook stops it too, so a crashed test run does
 * not leave emulators behind.
 */
public final class ManagedProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread hook;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.hook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code command} in {@code workDir} (null: current), logging to a temporary file.
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir) {
        return start(name, command, workDir, Map.of());
    }

    /** As {@link #start(String, List, Path)}, with {@code environment} added to the inherited one. */
    public static ManagedProcess start(String name, List<String> command, Path workDir,
                                       Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("unistore-" + name + "-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            pb.environment().putAll(environment);
            LOG.info("starting {}: {} (log {})", name, String.join(" ", command), log);
            return new ManagedProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Waits until the process listens on {@code port}; on failure the exception carries its log. */
    public ManagedProcess awaitPort(int port, Duration timeout) {
        try {
            FreePorts.awaitListening(port, timeout, process::isAlive);
        } catch (IllegalStateException e) {
            stop();
            throw new IllegalStateException(name + " did not start: " + e.getMessage() + "\n--- " + log + " ---\n"
                    + tail(), e);
        }
        return this;
    }

    /** The process output so far (last 8 KiB). */
    public String tail() {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 8192 ? s.substring(s.length() - 8192) : s;
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    /** Runs a command to completion, returning its exit code and output; for scripts such as Node checks. */
    public static Result run(List<String> command, Path workDir, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            Path out = Files.createTempFile("unistore-run-", ".log");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, Files.readString(out) + "\n(timed out after " + timeout + ")");
            }
            return new Result(p.exitValue(), Files.readString(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Exit code and combined output of {@link #run}. */
    public record Result(int exitCode, String output) {
    }
}
