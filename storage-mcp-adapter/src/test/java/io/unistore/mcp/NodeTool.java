package io.unistore.mcp;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a script of the pinned Node 22 packages (storage-mcp-adapter/node) and captures its output. */
final class NodeTool {
    private NodeTool() {
    }

    /** The outcome of a run. */
    record Run(int exitCode, String output) {
    }

    /** Skips the calling test when the build was told not to install Node (-Dunistore.skipNode=true). */
    static void assumeInstalled() {
        assumeFalse(Boolean.getBoolean("unistore.skipNode"), "Node clients not installed (-Dunistore.skipNode=true)");
        if (!Files.isExecutable(ServerJar.node())) {
            throw new IllegalStateException(ServerJar.node() + " is missing: run storage-mcp-adapter/node/install.sh");
        }
    }

    /** Runs {@code node <script> args...} in {@code workDir}, stdout and stderr merged. */
    static Run run(Path workDir, String script, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ServerJar.node().toString(),
                ServerJar.nodeDir().resolve("node_modules").resolve(script).toString()));
        cmd.addAll(args);
        Path log = Files.createTempFile(workDir, "node-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The pinned Node first on PATH, so scripts that spawn "node" use it too.
        pb.environment().put("PATH", ServerJar.node().getParent() + ":" + System.getenv("PATH"));
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
