package io.unistore.bench.mcp;

import io.unistore.bench.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal MCP client over stdio (newline-delimited JSON-RPC), enough to time a server's start and its tool
 * calls: it writes requests to the server's stdin and matches responses on stdout by id. Lines that are not
 * JSON-RPC responses (notifications, stray output) are skipped. stderr is kept (the last lines) for failures.
 */
final class StdioMcpClient implements AutoCloseable {
    static final String PROTOCOL = "2025-06-18";

    private final Process process;
    private final OutputStream stdin;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Deque<String> stderr = new ArrayDeque<>();

    private StdioMcpClient(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread out = new Thread(this::readStdout, "mcp-stdout");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(this::readStderr, "mcp-stderr");
        err.setDaemon(true);
        err.start();
    }

    /** Starts the server process; the clock of a cold start begins just before this call. */
    static StdioMcpClient start(List<String> command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        return new StdioMcpClient(pb.start());
    }

    /** Sends {@code initialize} at once (the server reads it when ready) and then {@code initialized}. */
    JsonNode initialize(long timeoutSeconds) throws Exception {
        ObjectNode params = Json.MAPPER.createObjectNode();
        params.put("protocolVersion", PROTOCOL);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "unistore-bench").put("version", "1");
        JsonNode result = request("initialize", params, timeoutSeconds);
        notify("notifications/initialized");
        return result;
    }

    /** The number of tools in the first page of {@code tools/list}. */
    int listTools(long timeoutSeconds) throws Exception {
        return request("tools/list", Json.MAPPER.createObjectNode(), timeoutSeconds).path("tools").size();
    }

    /** Calls a tool; fails when the result is an error. */
    JsonNode callTool(String name, Map<String, Object> arguments, long timeoutSeconds) throws Exception {
        ObjectNode params = Json.MAPPER.createObjectNode();
        params.put("name", name);
        params.set("arguments", Json.MAPPER.valueToTree(arguments));
        JsonNode result = request("tools/call", params, timeoutSeconds);
        if (result.path("isError").asBoolean(false)) {
            throw new IllegalStateException(name + " failed: " + result);
        }
        return result;
    }

    JsonNode request(String method, JsonNode params, long timeoutSeconds) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        msg.set("params", params);
        send(msg);
        JsonNode response;
        try {
            response = f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + ": no answer in " + timeoutSeconds + " s"
                    + (process.isAlive() ? "" : " (the server exited with " + process.exitValue() + ")")
                    + "; stderr: " + stderrTail());
        } finally {
            pending.remove(id);
        }
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.path("result");
    }

    private void notify(String method) throws IOException {
        send(Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method));
    }

    private synchronized void send(JsonNode msg) throws IOException {
        byte[] line = (Json.MAPPER.writer().without(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(msg) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            stdin.write(line);
            stdin.flush();
        } catch (IOException e) {
            throw new IOException("the server closed its input" + (process.isAlive() ? "" : " (exited with "
                    + process.exitValue() + ")") + "; stderr: " + stderrTail(), e);
        }
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("{")) {
                    continue;
                }
                try {
                    JsonNode node = Json.MAPPER.readTree(line);
                    if (node.has("id") && (node.has("result") || node.has("error"))) {
                        CompletableFuture<JsonNode> f = pending.get(node.get("id").asLong());
                        if (f != null) {
                            f.complete(node);
                        }
                    }
                } catch (RuntimeException ignored) {
                    // not JSON: skip
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (stderr) {
                    if (stderr.size() == 20) {
                        stderr.removeFirst();
                    }
                    stderr.addLast(line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    String stderrTail() {
        synchronized (stderr) {
            return String.join(" | ", stderr);
        }
    }

    /** Closes stdin (servers exit on EOF), then stops the process and its children if it lingers. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
