package io.unistore.testsupport.msgraph;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One request to the stand-in and the ways it answers: JSON, content (with ranges), Graph's error JSON. */
final class GraphExchange {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Pattern LOOPBACK_HOST = Pattern.compile("(127\\.0\\.0\\.1|localhost):\\d{1,5}");
    final HttpExchange exchange;
    final String method;
    private final Map<String, String> query;
    private final String requestId = UUID.randomUUID().toString();

    GraphExchange(HttpExchange exchange) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.query = GraphStandIn.query(exchange.getRequestURI().getRawQuery());
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    void requireMethod(String expected) {
        if (!method.equals(expected)) {
            throw new GraphError(405, "BadRequest", "Method " + method + " is not allowed here");
        }
    }

    int intQuery(String name, int defaultValue) {
        String v = query.get(name);
        try {
            return v == null ? defaultValue : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw GraphError.invalid("Invalid " + name + ": " + v);
        }
    }

    /** {@code @microsoft.graph.conflictBehavior} from the body (if given) or the query, else the default. */
    String conflictBehavior(JsonNode body, String defaultValue) {
        String v = body != null && body.hasNonNull("@microsoft.graph.conflictBehavior")
                ? body.get("@microsoft.graph.conflictBehavior").asString()
                : query.getOrDefault("@microsoft.graph.conflictBehavior", defaultValue);
        if (!v.equals("fail") && !v.equals("replace") && !v.equals("rename")) {
            throw GraphError.invalid("Invalid conflictBehavior: " + v);
        }
        return v;
    }

    /**
     * The stand-in's address as this client sees it: {@code https} when a TLS-terminating front says so
     * ({@code X-Forwarded-Proto}), as absolute URLs Graph hands out (upload URLs, next links) are https; and the
     * loopback host and port the client addressed ({@code Host}), so that a proxy which passes {@code Host} on
     * unchanged (the fault proxy) also carries the upload ranges and next pages it was handed.
     */
    String origin(String endpoint) {
        String host = header("Host");
        String base = host != null && LOOPBACK_HOST.matcher(host).matches() ? "http://" + host : endpoint;
        return "https".equalsIgnoreCase(header("X-Forwarded-Proto")) ? base.replaceFirst("^http:", "https:")
                : base;
    }

    /** This request's URL without its query, as the client sees it. */
    String selfUrl(String endpoint) {
        return origin(endpoint) + exchange.getRequestURI().getRawPath();
    }

    byte[] body() {
        return GraphStandIn.readAll(exchange.getRequestBody());
    }

    JsonNode jsonBody() {
        byte[] bytes = body();
        if (bytes.length == 0) {
            return GraphJson.MAPPER.createObjectNode();
        }
        try {
            return GraphJson.MAPPER.readTree(bytes);
        } catch (RuntimeException e) {
            throw GraphError.invalid("Invalid JSON body: " + e.getMessage());
        }
    }

    void drain() {
        try {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client went away
        }
    }

    void sendJson(int status, JsonNode json) {
        exchange.getResponseHeaders().set("Content-Type", "application/json; odata.metadata=minimal");
        send(status, GraphJson.MAPPER.writeValueAsBytes(json));
    }

    void sendEmpty(int status) {
        commonHeaders();
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's content, or the range the {@code Range} header asks for (206), or 416 when unsatisfiable. */
    void sendContent(DriveNode file) {
        byte[] content = file.content;
        exchange.getResponseHeaders().set("Content-Type", GraphJson.mimeType(file.name));
        exchange.getResponseHeaders().set("ETag", file.eTag());
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        String range = header("Range");
        if (range == null) {
            send(200, content);
            return;
        }
        Matcher m = RANGE.matcher(range.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            send(200, content);
            return;
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            first = Math.max(0, content.length - suffix);
            last = content.length - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? content.length - 1 : Math.min(Long.parseLong(m.group(2)), content.length - 1);
        }
        if (first >= content.length || last < first) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
            throw new GraphError(416, "invalidRange", "The requested range is not satisfiable");
        }
        exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + content.length);
        byte[] part = java.util.Arrays.copyOfRange(content, (int) first, (int) last + 1);
        send(206, part);
    }

    void sendError(GraphError e) {
        ObjectNode body = GraphJson.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", e.code);
        error.put("message", e.getMessage());
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        inner.put("request-id", requestId);
        String client = header("client-request-id");
        if (client != null) {
            inner.put("client-request-id", client);
        }
        if (e.status == 429 || e.status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        sendJson(e.status, body);
    }

    private void commonHeaders() {
        exchange.getResponseHeaders().set("request-id", requestId);
        String client = header("client-request-id");
        if (client != null) {
            exchange.getResponseHeaders().set("client-request-id", client);
        }
    }

    private void send(int status, byte[] body) {
        commonHeaders();
        try {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return method + " " + exchange.getRequestURI() + " " + StandardCharsets.UTF_8.name();
    }
}
