package io.unistore.testsupport.gcs;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/**
 * One request as the routes see it: the method after {@code X-HTTP-Method-Override}, the decoded path
 * segments, the query, a body stream already un-gzipped, and the ways to answer.
 */
final class GcsRequest {
    /** Larger JSON or multipart bodies are refused; media goes through {@link #body()} as a stream. */
    static final int MAX_BUFFERED_BODY = 64 * 1024 * 1024;

    final HttpExchange exchange;
    final String method;
    final List<String> segments;
    final Map<String, String> query;
    final String baseUrl;
    final String requestId = UUID.randomUUID().toString().replace("-", "");

    GcsRequest(HttpExchange exchange, String baseUrl) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        this.method = override != null && exchange.getRequestMethod().equals("POST") ? override.toUpperCase()
                : exchange.getRequestMethod();
        this.segments = segments(exchange.getRequestURI().getRawPath());
        this.query = query(exchange.getRequestURI().getRawQuery());
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/", -1)) {
            out.add(decodePath(s));
        }
        if (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        return out;
    }

    /** Decodes a path segment: %XX escapes only ('+' is a plus sign in a path). */
    static String decodePath(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.putIfAbsent(k, v);
        }
        return m;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.get(name));
    }

    Long longParam(String name) {
        return longParam(query, name);
    }

    /** A 64-bit query parameter, or null when absent; 400 when it is not a number. */
    static Long longParam(Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw GcsError.invalid("Invalid value for " + name + ": " + v);
        }
    }

    /** The request body, gunzipped when it was sent with {@code Content-Encoding: gzip}. */
    InputStream body() {
        InputStream in = exchange.getRequestBody();
        String enc = header("Content-Encoding");
        if (enc != null && enc.toLowerCase().contains("gzip")) {
            try {
                return new GZIPInputStream(in, 64 * 1024);
            } catch (IOException e) {
                throw GcsError.invalid("The request body is not valid gzip");
            }
        }
        return in;
    }

    byte[] bodyBytes() {
        try (InputStream in = body()) {
            byte[] bytes = in.readNBytes(MAX_BUFFERED_BODY + 1);
            if (bytes.length > MAX_BUFFERED_BODY) {
                throw new GcsError(413, "uploadTooLarge", "Request body too large for this stand-in");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode json() {
        return GcsJson.parse(bodyBytes());
    }

    void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    void sendJson(int status, JsonNode node) {
        byte[] bytes = GcsJson.MAPPER.writeValueAsBytes(node);
        setHeader("Content-Type", "application/json; charset=UTF-8");
        send(status, bytes);
    }

    void send(int status, byte[] bytes) {
        try {
            stamp();
            if (bytes.length == 0) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends headers for a body of {@code length} bytes and returns the stream to write it to. */
    OutputStream stream(int status, long length) {
        try {
            stamp();
            exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
            return exchange.getResponseBody();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sendError(GcsError e) {
        if (e.status == 304) {
            send(304, new byte[0]);
        } else {
            sendJson(e.status, GcsJson.error(e));
        }
    }

    private void stamp() {
        // GCS has no request-id header on the JSON API; this one is what clients quote as the request id.
        setHeader("X-GUploader-UploadID", requestId);
    }

    @Override
    public String toString() {
        return method + " " + exchange.getRequestURI();
    }
}
