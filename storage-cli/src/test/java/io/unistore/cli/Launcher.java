package io.unistore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real launcher, {@code bin/unistore}, as a child process, as a user would. */
final class Launcher {
    /** What one run gave. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Path workDir;
    private final Map<String, String> env;

    Launcher(Path workDir, Map<String, String> env) {
        this.workDir = workDir;
        this.env = env;
    }

    static Path script() {
        Path p = Path.of(System.getProperty("unistore.cli.launcher", "bin/unistore")).toAbsolutePath();
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(p + " is missing or not executable");
        }
        return p;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("unistore.cli.jar", "target/unistore.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after `package` (mvn verify)");
        }
        return jar;
    }

    /** Runs {@code unistore ARGS} with stdin empty; stdout and stderr are pipes, as in a script. */
    Run run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    Run runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", script().toString()));
        cmd.addAll(List.of(args));
        return start(cmd, stdin, args);
    }

    /**
     * Runs {@code unistore ARGS} on a pseudo-terminal, as a person at a terminal would (util-linux {@code script}
     * gives it one); stdout and stderr both arrive in {@link Run#out()}.
     */
    Run runOnTerminal(String... args) throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder("sh '" + script() + "'");
        for (String a : args) {
            line.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        return start(List.of("script", "-qec", line.toString(), "/dev/null"), null, args);
    }

    /** Starts {@code unistore ARGS} and returns at once; stdout and stderr go to the given files. */
    Process spawn(Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sh", script().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = builder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    private ProcessBuilder builder(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("UNISTORE_CONFIG");
        pb.environment().putAll(env);
        pb.environment().put("UNISTORE_JAR", jar().toString());
        pb.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        pb.environment().put("JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
        return pb;
    }

    private Run start(List<String> cmd, String stdin, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = builder(cmd);
        Path out = Files.createTempFile("unistore-out", ".txt");
        Path err = Files.createTempFile("unistore-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("unistore " + String.join(" ", args) + " did not finish in 120 s");
        }
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
