package io.unistore.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code unistore worker} child processes of {@code cp --workers N}: each a JVM started as bin/unistore starts
 * this one (same java, same JAVA_OPTS, same class path), with the same accounts. A worker that dies before the job
 * has ended is replaced, up to twice N times; the children are stopped if this process ends first.
 */
final class WorkerProcesses implements AutoCloseable {
    private final List<String> command;
    private final List<Process> running = new ArrayList<>();
    private final Thread stopper = new Thread(this::destroyAll, "unistore-workers-stop");
    private int replacementsLeft;

    WorkerProcesses(String job, String queue, String table, Globals globals, int workers) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr"));
        String opts = System.getenv("JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker", job,
                "--queue", queue, "--table", table, "-q"));
        Path config = globals.configOrEnvironment();
        if (config != null) {
            cmd.addAll(List.of("--config", config.toAbsolutePath().toString()));
        }
        for (String pair : globals.accounts) {
            cmd.addAll(List.of("--account", pair));
        }
        this.command = List.copyOf(cmd);
        this.replacementsLeft = 2 * workers;
        Runtime.getRuntime().addShutdownHook(stopper);
        for (int i = 0; i < workers; i++) {
            running.add(start());
        }
    }

    private Process start() {
        try {
            return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new CliException(Exit.FAILED, "could not start a worker process: " + e.getMessage());
        }
    }

    /**
     * Replaces workers that died (exit code not 0) while the job goes on.
     *
     * @return notes on what happened, one per dead worker
     */
    List<String> replaceDead() {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            Process p = running.get(i);
            if (p.isAlive() || p.exitValue() == 0) {
                continue;
            }
            if (replacementsLeft > 0) {
                replacementsLeft--;
                running.set(i, start());
                notes.add("worker " + p.pid() + " exited with code " + p.exitValue() + "; started another");
            } else {
                notes.add("worker " + p.pid() + " exited with code " + p.exitValue() + "; no replacements left");
                running.remove(i--);
            }
        }
        return notes;
    }

    /** Whether any worker still runs. */
    boolean anyAlive() {
        return running.stream().anyMatch(Process::isAlive);
    }

    /** Waits up to {@code millis} for every worker to end by itself. */
    void awaitExit(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        for (Process p : running) {
            long left = until - System.currentTimeMillis();
            if (left <= 0 || !p.waitFor(left, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                break;
            }
        }
    }

    private void destroyAll() {
        running.forEach(Process::destroy);
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // shutting down already: the hook runs
        }
    }
}
