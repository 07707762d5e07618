package io.unistore.bench.mcp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start one MCP server over stdio: its command, environment and working directory.
 *
 * @param label shown in the report
 * @param unistore whether it is unistore-mcp
 * @param command the command (the npm package's bin, or the unistore-mcp launcher)
 * @param env variables added to the environment
 * @param dir the working directory
 */
record McpServer(String label, boolean unistore, List<String> command, Map<String, String> env, Path dir) {

    /** The same server inside a new network namespace (loopback only, and down): it can reach nothing. */
    McpServer isolated(boolean isolate) {
        if (!isolate) {
            return this;
        }
        List<String> c = new ArrayList<>(List.of("unshare", "--net"));
        c.addAll(command);
        return new McpServer(label, unistore, c, env, dir);
    }

    /** Starts it, waits for the answer to {@code tools/list}, and returns the milliseconds since the start. */
    ColdStart coldStart(long timeoutSeconds) throws Exception {
        long t0 = System.nanoTime();
        try (StdioMcpClient client = StdioMcpClient.start(command, dir, env)) {
            client.initialize(timeoutSeconds);
            int tools = client.listTools(timeoutSeconds);
            return new ColdStart((System.nanoTime() - t0) / 1e6, tools);
        }
    }

    /**
     * One cold start.
     *
     * @param millis from starting the process to the answer of tools/list
     * @param tools how many tools the answer listed
     */
    record ColdStart(double millis, int tools) {
    }
}
