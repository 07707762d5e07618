package io.unistore.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.ManagedProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The jar serving Streamable HTTP on a free loopback port, stopped on close. */
final class HttpServerProcess implements AutoCloseable {
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int port;
    final ManagedProcess process;

    private HttpServerProcess(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Starts {@code --http 127.0.0.1:PORT} plus the given arguments. */
    static HttpServerProcess start(Path workDir, String... args) {
        return start(workDir, Map.of(), List.of(), args);
    }

    /** As {@link #start(Path, String...)}, with environment variables and JVM options for the server. */
    static HttpServerProcess start(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args) {
        int port = FreePorts.next();
        List<String> all = new ArrayList<>(List.of("--http", "127.0.0.1:" + port));
        all.addAll(List.of(args));
        ManagedProcess p = ManagedProcess.start("unistore-mcp-http", ServerJar.command(jvmOptions, all), workDir,
                env);
        p.awaitPort(port, Duration.ofSeconds(60));
        return new HttpServerProcess(port, p);
    }

    String url() {
        return "http://127.0.0.1:" + port + HttpServer.ENDPOINT;
    }

    /** An SDK client, sending the bearer token when one is given. */
    McpSyncClient client(String token) {
        return client(token, List.of());
    }

    /** An SDK client that declares these directories as its MCP roots (none: no roots capability). */
    McpSyncClient client(String token, List<Path> roots) {
        HttpClientStreamableHttpTransport.Builder b = HttpClientStreamableHttpTransport.builder(
                "http://127.0.0.1:" + port).endpoint(HttpServer.ENDPOINT);
        if (token != null) {
            b.httpRequestCustomizer((request, method, uri, body, context) ->
                    request.header("Authorization", "Bearer " + token));
        }
        McpClient.SyncSpec spec = McpClient.sync(b.build()).requestTimeout(Duration.ofSeconds(30));
        if (!roots.isEmpty()) {
            spec.roots(roots.stream().map(r -> new McpSchema.Root(r.toUri().toString(), r.toString())).toList())
                    .capabilities(McpSchema.ClientCapabilities.builder().roots(false).build());
        }
        McpSyncClient client = spec.build();
        client.initialize();
        return client;
    }

    /**
     * Posts an initialize request over a raw socket, with exactly these headers (Host and Origin included,
     * which java.net.http will not let a caller forge), and returns the status line's code.
     */
    int postInitialize(String host, String origin, String authorization) throws IOException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return postInitializeAt(HttpServer.ENDPOINT, host, headers).status();
    }

    /** Posts an initialize request to {@code path} over a raw socket with these headers besides the usual ones. */
    Reply postInitializeAt(String path, String host, Map<String, String> headers) throws IOException {
        StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Accept: application/json, text/event-stream\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
        req.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new Reply(Integer.parseInt(answer.split(" ")[1]), null, end < 0 ? "" : answer.substring(end + 4));
        }
    }

    /** An HTTP answer: status, the session id header and the body. */
    record Reply(int status, String sessionId, String body) {
    }

    /** Posts a body as a client of session {@code sessionId} (null: none) would, with the token if given. */
    Reply post(String token, String sessionId, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (sessionId != null) {
            b.header("Mcp-Session-Id", sessionId);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Mcp-Session-Id").orElse(null), r.body());
    }

    /** Opens a session (initialize, then the initialized notification) and returns its id. */
    String openSession(String token) throws Exception {
        Reply init = post(token, null, INITIALIZE.getBytes(StandardCharsets.UTF_8));
        if (init.status() != 200 || init.sessionId() == null) {
            throw new IllegalStateException("initialize failed: " + init);
        }
        post(token, init.sessionId(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"
                .getBytes(StandardCharsets.UTF_8));
        return init.sessionId();
    }

    /** The server's output so far (stdout and stderr). */
    String log() throws IOException {
        return java.nio.file.Files.readString(process.log(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.close();
    }
}
