package io.unistore.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar over stdio, driven line by line: for what the SDK's client never sends (broken JSON, messages nested
 * too deep or too large). Its stderr goes to a file; its working directory is the one given.
 */
final class RawStdio implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String EOF = "\u0000eof";

    final Process process;
    final Path stderr;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private RawStdio(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.in = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
            lines.add(EOF);
        }, "raw-stdio-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server in {@code workDir} with these arguments and the environment added. */
    static RawStdio start(Path workDir, Map<String, String> env, String... args) throws IOException {
        Path err = Files.createTempFile(workDir, "stderr-", ".log");
        ProcessBuilder pb = new ProcessBuilder(ServerJar.command(List.of(args))).directory(workDir.toFile())
                .redirectError(err.toFile());
        pb.environment().putAll(env);
        return new RawStdio(pb.start(), err);
    }

    /**
     * Sends one line (a newline is added). A server that stopped reading its stdin would block the write once the
     * pipe is full: the write then fails the test after 60 s instead of hanging it.
     */
    void send(String line) throws Exception {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.FutureTask<Void> write = new java.util.concurrent.FutureTask<>(() -> {
            in.write(bytes);
            in.flush();
            return null;
        });
        Thread writer = new Thread(write, "raw-stdio-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            write.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the server stopped reading its input (" + bytes.length + " bytes not taken)");
        }
    }

    /** The next message the server sends, or null when none comes within the timeout or the process ended. */
    JsonNode next(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(EOF)) {
            if (line != null) {
                lines.add(EOF);
            }
            return null;
        }
        return JSON.readTree(line);
    }

    /** The next message that is a response (notifications are skipped), or null after 30 s. */
    JsonNode response() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (m == null) {
                return null;
            }
            if (m.has("result") || m.has("error")) {
                return m;
            }
        }
        return null;
    }

    /** Sends a request and returns its response. */
    JsonNode request(int id, String method, Map<String, Object> params) throws Exception {
        send(JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params)));
        return response();
    }

    /** The initialize handshake. */
    JsonNode initialize() throws Exception {
        JsonNode r = request(0, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "raw", "version", "1")));
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return r;
    }

    /** What the server wrote on stderr so far. */
    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
