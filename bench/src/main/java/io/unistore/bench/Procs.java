package io.unistore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and times it; output is kept for failure messages. */
public final class Procs {
    private Procs() {
    }

    /**
     * What a finished command did.
     *
     * @param exitCode its exit code
     * @param seconds wall-clock time from start to exit
     * @param output stdout and stderr together
     */
    public record Run(int exitCode, double seconds, String output) {
        public Run requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " failed (exit " + exitCode + "): " + tail(output));
            }
            return this;
        }
    }

    public static Run run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        try {
            long t0 = System.nanoTime();
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " timed out after " + timeoutSeconds + " s");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Run(p.exitValue(), seconds, new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The last lines of an output, for messages. */
    public static String tail(String output) {
        String t = output.strip();
        return t.length() <= 1500 ? t : "..." + t.substring(t.length() - 1500);
    }
}
