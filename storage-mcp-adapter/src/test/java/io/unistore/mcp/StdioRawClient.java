package io.unistore.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@link RawMcpClient} over the stdio of a server process it starts (stderr goes to a file). */
final class StdioRawClient implements RawMcpClient {
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Process process;
    private final Path stderr;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "fuzz-stdio-writer"));

    private StdioRawClient(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = process.getOutputStream();
        daemon(this::readLoop, "fuzz-stdio-reader").start();
    }

    /** Starts the server and initializes a session; fails when the server does not answer in 60 s. */
    static StdioRawClient start(List<String> command, Path workDir, Map<String, String> env, Path stderr) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectError(stderr.toFile());
            pb.environment().putAll(env);
            StdioRawClient c = new StdioRawClient(pb.start(), stderr);
            if (c.request("initialize", INITIALIZE, Duration.ofSeconds(60)) == null) {
                c.close();
                throw new IllegalStateException("the server did not answer initialize:\n"
                        + Files.readString(stderr));
            }
            c.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Duration.ofSeconds(10));
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JsonNode request(String method, String paramsJson, Duration timeout) {
        long id = ids.incrementAndGet();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson
                + "}", timeout)) {
            return null;
        }
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode m = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (m == null) {
                    return null;
                }
                JsonNode mid = m.get("id");
                boolean unaddressedError = (mid == null || mid.isNull()) && m.has("error");
                if (unaddressedError || mid != null && mid.isNumber() && mid.asLong() == id
                        || m.has("unparseable")) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Writes one line on a writer thread, so a server that stopped reading cannot block the caller. */
    private boolean send(String line, Duration timeout) {
        Future<?> f = writer.submit(() -> {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return null;
        });
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            f.cancel(true);
            return false;
        }
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try {
                    inbox.add(JSON.readTree(line));
                } catch (RuntimeException e) {
                    // Not JSON on the MCP channel: kept so the check fails with what was written.
                    inbox.add(JsonNodeFactory.instance.objectNode().put("unparseable",
                            line.length() > 2000 ? line.substring(0, 2000) : line));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public Path logFile() {
        return stderr;
    }

    @Override
    public void close() {
        writer.shutdownNow();
        try {
            stdin.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
