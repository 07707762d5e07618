package io.unistore.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Node packages pinned in {@code storage-test-support/node} (Azurite, the official Azure and Google Node
 * SDKs), installed by the build's {@code npm ci} step.
 */
public final class NodeBackends {
    private NodeBackends() {
    }

    /** The checkout's root: the {@code unistore.root} system property set by the build, else found upwards. */
    public static Path repoRoot() {
        String prop = System.getProperty("unistore.root");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop, "storage-test-support"))) {
            return Path.of(prop).toAbsolutePath();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("storage-test-support/node"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the Unistore checkout (set -Dunistore.root)");
    }

    /** {@code storage-test-support/node}. */
    public static Path nodeDir() {
        return repoRoot().resolve("storage-test-support/node");
    }

    /** An executable of {@code node_modules/.bin}, e.g. {@code azurite}; fails clearly if not installed. */
    public static Path bin(String name) {
        Path bin = nodeDir().resolve("node_modules/.bin").resolve(name);
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException(bin + " is missing: run `bash storage-test-support/node/install.sh` "
                    + "(the Maven build does it in generate-resources)");
        }
        return bin;
    }

    /**
     * Runs a Node script with the node folder as working directory (so it resolves the pinned packages).
     */
    public static ManagedProcess.Result runScript(Path script, List<String> args, Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.add(script.toAbsolutePath().toString());
        cmd.addAll(args);
        return ManagedProcess.run(cmd, nodeDir(), timeout);
    }
}
