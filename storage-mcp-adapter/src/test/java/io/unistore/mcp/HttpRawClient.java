package io.unistore.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RawMcpClient} over Streamable HTTP to an {@link HttpServerProcess}: one POST per request, the answer
 * read from the JSON body or the SSE stream. An answer that is not a JSON-RPC message (an HTTP error page, a
 * stream that ends without the response) comes back as {@code {"httpStatus": N, "body": "..."}}.
 */
final class HttpRawClient implements RawMcpClient {
    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServerProcess server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong ids = new AtomicLong();
    private String sessionId;

    private HttpRawClient(HttpServerProcess server, String token) {
        this.server = server;
        this.token = token;
    }

    /** Initializes a session on {@code server} with the bearer {@code token}. */
    static HttpRawClient connect(HttpServerProcess server, String token) {
        HttpRawClient c = new HttpRawClient(server, token);
        JsonNode init = c.request("initialize", INITIALIZE, Duration.ofSeconds(60));
        if (init == null || !init.has("result") || c.sessionId == null) {
            throw new IllegalStateException("initialize over HTTP failed: " + init + "\n" + server.process.tail());
        }
        c.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Duration.ofSeconds(10));
        return c;
    }

    @Override
    public JsonNode request(String method, String paramsJson, Duration timeout) {
        long id = ids.incrementAndGet();
        return post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson
                + "}", timeout, id);
    }

    private JsonNode post(String body, Duration timeout) {
        return post(body, timeout, -1);
    }

    private JsonNode post(String body, Duration timeout, long id) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + token)
                .header("MCP-Protocol-Version", PROTOCOL)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (sessionId != null) {
            b.header("Mcp-Session-Id", sessionId);
        }
        CompletableFuture<JsonNode> answer = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(r -> read(r, id));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            answer.cancel(true);
            return null;
        }
    }

    private JsonNode read(HttpResponse<InputStream> response, long id) {
        response.headers().firstValue("Mcp-Session-Id").ifPresent(s -> {
            if (sessionId == null) {
                sessionId = s;
            }
        });
        String type = response.headers().firstValue("Content-Type").orElse("");
        StringBuilder seen = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() == 200 && type.startsWith("text/event-stream")) {
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    seen.append(line.length() > 500 ? line.substring(0, 500) : line).append('\n');
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        JsonNode m = JSON.readTree(data.toString());
                        data.setLength(0);
                        JsonNode mid = m.get("id");
                        if (mid != null && mid.asLong() == id || (mid == null || mid.isNull()) && m.has("error")) {
                            return m;
                        }
                    }
                }
            } else {
                String all = in.lines().collect(Collectors.joining("\n"));
                // A JSON-RPC answer counts whatever the status (a parse error may come as a 400).
                if (type.startsWith("application/json") && all.contains("\"jsonrpc\"")) {
                    return JSON.readTree(all);
                }
                seen.append(all);
            }
        } catch (IOException | RuntimeException e) {
            seen.append("(").append(e).append(")");
        }
        if (id < 0 && response.statusCode() / 100 == 2) {
            return JsonNodeFactory.instance.objectNode();
        }
        ObjectNode odd = JsonNodeFactory.instance.objectNode();
        odd.put("httpStatus", response.statusCode());
        odd.put("body", seen.length() > 2000 ? seen.substring(0, 2000) : seen.toString());
        return odd;
    }

    @Override
    public boolean alive() {
        return server.process.isAlive();
    }

    @Override
    public Path logFile() {
        return server.process.log();
    }

    @Override
    public void close() {
        server.close();
    }
}
