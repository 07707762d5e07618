package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * exporter: azuremonitor starts Microsoft's Azure Monitor distro and its spans reach the ingestion endpoint of the
 * connection string: here an Application Insights stand-in on 127.0.0.1 that records what is posted to
 * {@code /v2.1/track}. Every request of the exporter goes through a client that refuses any other host, and the test
 * checks none was tried (with a loopback ingestion endpoint the distro starts no statsbeat, and live metrics are off).
 */
class AzureMonitorExportTest {
    private HttpServer ingestion;
    private final List<String> tracked = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        GlobalOpenTelemetry.resetForTest();
        ingestion = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingestion.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/v2.1/track")) {
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(body))
                        : new ByteArrayInputStream(body)) {
                    tracked.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            byte[] answer = "{\"itemsReceived\":1,\"itemsAccepted\":1,\"errors\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ingestion.start();
    }

    @AfterEach
    void stop() {
        ingestion.stop(0);
        GlobalOpenTelemetry.resetForTest();
    }

    /** The default client for 127.0.0.1; anything else is refused and noted. */
    private HttpPipeline loopbackOnly() {
        HttpClient real = HttpClient.createDefault();
        HttpClient guarded = new HttpClient() {
            @Override
            public Mono<HttpResponse> send(HttpRequest request) {
                if (!request.getUrl().getHost().equals("127.0.0.1")) {
                    refused.add(request.getUrl().getHost());
                    return Mono.error(new IOException("the test allows 127.0.0.1 only"));
                }
                return real.send(request);
            }
        };
        return new HttpPipelineBuilder().httpClient(guarded).build();
    }

    @Test
    void spansReachTheIngestionEndpointOfTheConnectionString() throws Exception {
        String endpoint = "http://127.0.0.1:" + ingestion.getAddress().getPort() + "/";
        TelemetrySpec spec = new TelemetrySpec("azuremonitor", null, "unistore-mcp-test", Duration.ofSeconds(60),
                "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=" + endpoint
                        + ";LiveEndpoint=" + endpoint);
        try (ServerTelemetry telemetry = ServerTelemetry.install(spec, loopbackOnly())) {
            GlobalOpenTelemetry.getTracer("unistore-test").spanBuilder("unistore-test-span").startSpan().end();
        } // closing flushes
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (tracked.stream().noneMatch(b -> b.contains("unistore-test-span")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(tracked).anySatisfy(b -> assertThat(b).contains("unistore-test-span")
                .contains("00000000-0000-0000-0000-000000000000"));
        assertThat(refused).as("requests for hosts other than 127.0.0.1").isEmpty();
    }
}
