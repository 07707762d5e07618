package io.unistore.testsupport.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A service that answers every request with an error whose message repeats the request: its line and every
 * header, {@code Authorization} included. Real services echo parts of a request in their errors (a URL, a
 * header value); this one echoes all of it, so whatever secret a client sends comes back in the error body,
 * and only the provider's own redaction keeps it out of messages and logs. On 127.0.0.1, a free port.
 */
public final class EchoServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new ArrayList<>();

    private EchoServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts answering with {@code status}, {@code contentType}, {@code headers} and the body {@code body} makes of
     * the echoed request text.
     */
    public static EchoServer start(int status, String contentType, Map<String, String> headers,
                                   Function<String, String> body) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EchoServer echo = new EchoServer(http);
            http.createContext("/", exchange -> echo.answer(exchange, status, contentType, headers, body));
            http.start();
            return echo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange, int status, String contentType, Map<String, String> headers,
                        Function<String, String> body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        StringBuilder request = new StringBuilder(exchange.getRequestMethod()).append(' ')
                .append(exchange.getRequestURI().toString());
        exchange.getRequestHeaders().forEach((name, values) -> request.append("; ").append(name).append(": ")
                .append(String.join(",", values)));
        synchronized (requests) {
            requests.add(request.toString());
        }
        byte[] bytes = body.apply(request.toString()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request received, as echoed. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Text made safe for an XML element. */
    public static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text made safe for a JSON string. */
    public static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
