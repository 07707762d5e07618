package io.unistore.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM on the current (test) class path, with JVM flags such as {@code -Xmx128m}
 * and a time limit. Tests use it where a fresh process matters: a small heap, a crash, another writer.
 */
public final class ChildJvm {
    /** Output beyond this is cut from the front, so a chatty child cannot fill the parent's heap. */
    private static final int MAX_OUTPUT_CHARS = 1 << 20;

    private ChildJvm() {
    }

    /**
     * What the child did.
     *
     * @param exitCode its exit code, or -1 when it was killed at the time limit
     * @param output its standard output and error, merged
     * @param timedOut whether it was killed at the time limit
     * @param elapsed how long it ran
     */
    public record Result(int exitCode, String output, boolean timedOut, Duration elapsed) {

        /** Whether it exited with 0 within the time limit. */
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** The first output line starting with {@code prefix}, or null. */
        public String line(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        }
    }

    /**
     * Runs {@code mainClass} with the flags and arguments, waiting at most {@code timeout}; a child still running
     * then is killed.
     */
    public static Result run(Class<?> mainClass, List<String> jvmFlags, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(args);
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> collect(process.getInputStream(), output), "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + mainClass.getName(), e);
        }
        String text;
        synchronized (output) {
            text = output.toString();
        }
        return new Result(finished ? process.exitValue() : -1, text, !finished,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The class path of this JVM; surefire may run tests from a manifest-only jar and keep the real one aside. */
    public static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static void collect(InputStream in, StringBuilder output) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                synchronized (output) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (output.length() > MAX_OUTPUT_CHARS) {
                        output.delete(0, output.length() - MAX_OUTPUT_CHARS);
                    }
                }
            }
        } catch (IOException ignored) {
            // the child is gone; what arrived is kept
        }
    }
}
