package io.unistore.tck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of the tests on the test class path, with its output lines readable as
 * they come and a kill at any moment: what {@link ChildJvm} (which runs a child to its end) does not do. Used
 * where a test needs another process killed mid-way (with SIGKILL, as a crash would) or several at once.
 */
public final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with the JVM options and arguments; stderr is merged into the lines. */
    public static ChildProcess start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(ChildJvm.classPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Waits for a line starting with {@code prefix}; fails after the timeout, or when the child exits first. */
    public String awaitLine(String prefix, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("child exited (" + process.exitValue() + ") before printing '" + prefix
                        + "': " + output());
            }
        }
        throw new AssertionError("no line '" + prefix + "' within " + timeoutSeconds + " s: " + output());
    }

    /** Waits for the child to exit and returns its exit code. */
    public int await(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child still running after " + timeoutSeconds + " s: " + output());
        }
        return process.exitValue();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the child has printed a line starting with {@code prefix} so far. */
    public boolean hasPrinted(String prefix) {
        synchronized (all) {
            return all.stream().anyMatch(l -> l.startsWith(prefix));
        }
    }

    /** How many lines starting with {@code prefix} the child has printed so far. */
    public long count(String prefix) {
        synchronized (all) {
            return all.stream().filter(l -> l.startsWith(prefix)).count();
        }
    }

    /** The exit code of a child that has ended (137 after a SIGKILL on Linux). */
    public int exitCode() {
        return process.exitValue();
    }

    /** Kills the child at once (SIGKILL on Linux: no shutdown hooks, nothing flushed), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String output() {
        synchronized (all) {
            return String.join("\n", all);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
