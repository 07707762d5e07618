package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config's telemetry section: unistore-mcp exports the spans and metrics of an account's telemetry and cache
 * layers over OTLP/HTTP to a collector endpoint, here a local one on 127.0.0.1 that keeps what it receives.
 */
class TelemetryExportIT {
    @TempDir
    Path dir;

    @Test
    void spansAndMetricsReachTheCollector() throws Exception {
        Map<String, ByteArrayOutputStream> received = new ConcurrentHashMap<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            received.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new ByteArrayOutputStream())
                    .writeBytes(body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try {
            String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
            Path config = dir.resolve("accounts.json");
            Files.writeString(config, tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(Map.of(
                    "telemetry", Map.of("exporter", "otlp", "endpoint", endpoint, "serviceName", "mcp-under-test",
                            "exportIntervalSeconds", 1),
                    "accounts", Map.of("local", Map.of("address", "file:" + dir.resolve("data"), "options",
                            Map.of("layers", "telemetry,cache", "telemetry.account", "local"))))));
            try (McpSession s = McpSession.start("--config", config.toString()).connect()) {
                s.call("create-container", args("container", "docs"));
                s.call("upload-blob", args("container", "docs", "blob", "a.txt", "content", "hello"));
                for (int i = 0; i < 3; i++) {
                    s.call("get-blob-properties", args("container", "docs", "blob", "a.txt"));
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && !(text(received, "/v1/traces").contains("blob.upload")
                        && text(received, "/v1/metrics").contains("unistore.cache.hits"))) {
                    Thread.sleep(200);
                }
            }
            String traces = text(received, "/v1/traces");
            String metrics = text(received, "/v1/metrics");
            assertThat(traces).contains("blob.createContainer", "blob.upload", "unistore.store", "mcp-under-test");
            assertThat(metrics).contains("unistore.client.operation.duration", "unistore.client.operations",
                    "unistore.cache.hits", "unistore.cache.misses", "blob.properties");
        } finally {
            collector.stop(0);
        }
    }

    /** What the collector received on a path, as text (OTLP protobuf keeps names and strings as UTF-8). */
    private static String text(Map<String, ByteArrayOutputStream> received, String path) {
        ByteArrayOutputStream b = received.get(path);
        return b == null ? "" : new String(b.toByteArray(), StandardCharsets.ISO_8859_1);
    }
}
