package io.unistore.testsupport.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy against a recording back end: what passes through arrives byte for byte, and each fault kind does
 * exactly what it says (the back end sees the request or not, the client sees the error or the reset).
 */
class FaultProxyTest {
    /** One request as the back end received it. */
    record Seen(String method, String pathQuery, Map<String, String> headers, byte[] body) {
    }

    static Server backend;
    static int backendPort;
    static final List<Seen> seen = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startBackend() throws Exception {
        backend = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector c = new ServerConnector(backend, new HttpConnectionFactory(config));
        c.setHost("127.0.0.1");
        backend.addConnector(c);
        backend.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Map<String, String> headers = new LinkedHashMap<>();
                for (HttpField f : request.getHeaders()) {
                    headers.put(f.getName(), f.getValue());
                }
                byte[] body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = in.readAllBytes();
                }
                seen.add(new Seen(request.getMethod(), request.getHttpURI().getPathQuery(), headers, body));
                byte[] answer = ("answer to " + request.getMethod() + " " + "x".repeat(2000))
                        .getBytes(StandardCharsets.UTF_8);
                response.setStatus(201);
                response.getHeaders().put("X-Ms-Meta-CamelCase", "kept");
                response.getHeaders().put("Location", "http://127.0.0.1:" + backendPort + "/upload?id=1");
                response.getHeaders().put("Content-Length", String.valueOf(answer.length));
                if (request.getMethod().equals("HEAD")) {
                    callback.succeeded();
                } else {
                    response.write(true, ByteBuffer.wrap(answer), callback);
                }
                return true;
            }
        });
        backend.start();
        backendPort = c.getLocalPort();
    }

    @AfterAll
    static void stopBackend() throws Exception {
        backend.stop();
    }

    @BeforeEach
    void clear() {
        seen.clear();
    }

    @Test
    void passesRequestsAndAnswersThroughUnchanged() throws Exception {
        FaultPlan plan = FaultPlan.none();
        try (FaultProxy proxy = FaultProxy.start(backendPort, plan)) {
            byte[] body = new byte[300_000];
            new java.util.Random(1).nextBytes(body);
            String pathQuery = "/devstoreaccount1/share/dir%2Ffile%20name?comp=range&x=a%2Bb";
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + pathQuery))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("x-ms-meta-MixedCase", "v1").header("Authorization", "SharedKey a:b").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("answer to PUT xxx").hasSize(2014);
            assertThat(r.headers().firstValue("x-ms-meta-camelcase")).hasValue("kept");
            assertThat(r.headers().firstValue("location")).hasValue(proxy.endpoint() + "/upload?id=1");
            Seen s = seen.get(0);
            assertThat(s.method()).isEqualTo("PUT");
            assertThat(s.pathQuery()).isEqualTo(pathQuery);
            assertThat(s.body()).isEqualTo(body);
            assertThat(s.headers()).containsEntry("x-ms-meta-MixedCase", "v1")
                    .containsEntry("Authorization", "SharedKey a:b")
                    .containsEntry("Host", "127.0.0.1:" + proxy.port())
                    .containsEntry("Content-Length", "300000")
                    .doesNotContainKeys("Content-Type", "Accept-Encoding", "Via", "X-Forwarded-For");

            HttpResponse<byte[]> empty = http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/q"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(empty.statusCode()).isEqualTo(201);
            assertThat(seen.get(1).headers()).containsEntry("Content-Length", "0").doesNotContainKey("Content-Type");

            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/b"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.headers().firstValue("content-length")).hasValue("2015");
            assertThat(plan.counts().total()).isZero();
            assertThat(plan.counts().requests()).isEqualTo(3);
            assertThat(proxy.forwarded()).isEqualTo(3);
        }
    }

    @Test
    void throttlingAndUnavailableAnswersCarryRetryAfterAndNeverReachTheBackend() throws Exception {
        for (FaultKind kind : List.of(FaultKind.THROTTLE_429, FaultKind.UNAVAILABLE_503)) {
            FaultPlan plan = FaultPlan.of(7, 1).withKinds(kind).withRetryAfterSeconds(2);
            try (FaultProxy proxy = FaultProxy.start(backendPort, plan)) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/x"))
                        .PUT(HttpRequest.BodyPublishers.ofString("data")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(kind == FaultKind.THROTTLE_429 ? 429 : 503);
                assertThat(r.headers().firstValue("retry-after")).hasValue("2");
                assertThat(plan.counts().of(kind)).isEqualTo(1);
            }
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aResetInTheRequestBodyFailsTheClientAndNeverReachesTheBackend() throws Exception {
        FaultPlan plan = FaultPlan.of(7, 1).withKinds(FaultKind.RESET_REQUEST_BODY);
        try (FaultProxy proxy = FaultProxy.start(backendPort, plan)) {
            byte[] body = new byte[2_000_000];
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/x"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            assertThat(plan.counts().of(FaultKind.RESET_REQUEST_BODY)).isEqualTo(1);
            assertThat(proxy.forwarded()).isZero();
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aResetInTheAnswerComesAfterTheBackendAppliedTheRequest() throws Exception {
        FaultPlan plan = FaultPlan.of(7, 1).withKinds(FaultKind.RESET_RESPONSE_BODY);
        try (FaultProxy proxy = FaultProxy.start(backendPort, plan)) {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/x"))
                    .PUT(HttpRequest.BodyPublishers.ofString("data")).build(), HttpResponse.BodyHandlers.ofInputStream());
            // The status and headers arrived; the body breaks off half-way.
            assertThat(r.statusCode()).isEqualTo(201);
            try (InputStream in = r.body()) {
                byte[] buffer = new byte[4096];
                long got = 0;
                IOException failure = null;
                try {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        got += n;
                    }
                } catch (IOException e) {
                    failure = e;
                }
                assertThat(failure).as("read %d bytes of 2014", got).isNotNull();
                assertThat(got).isLessThan(2014);
            }
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).body()).isEqualTo("data".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void latencyDelaysTheRequestAndPassesItThrough() throws Exception {
        FaultPlan plan = FaultPlan.of(7, 1).withKinds(FaultKind.LATENCY)
                .withLatency(Duration.ofMillis(300), Duration.ofMillis(300));
        try (FaultProxy proxy = FaultProxy.start(backendPort, plan)) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/x")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(plan.counts().of(FaultKind.LATENCY)).isEqualTo(1);
        }
    }

    @Test
    void aSeededPlanHarmsTheChosenShareAndRepeatsItself() throws Exception {
        List<FaultCounts> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            FaultPlan plan = FaultPlan.of(42, 0.2).withRetryAfterSeconds(0)
                    .withLatency(Duration.ZERO, Duration.ofMillis(2));
            try (FaultProxy proxy = FaultProxy.start(backendPort, plan)) {
                for (int i = 0; i < 250; i++) {
                    try {
                        http.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/r" + i))
                                .PUT(HttpRequest.BodyPublishers.ofString("body " + i)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        // a reset: counted by the plan
                    }
                }
            }
            runs.add(plan.counts());
        }
        FaultCounts c = runs.get(0);
        assertThat(c.requests()).isEqualTo(250);
        assertThat(c.total()).isBetween(30L, 75L);
        for (FaultKind k : FaultKind.values()) {
            assertThat(c.of(k)).as(k.name()).isPositive();
        }
        assertThat(runs.get(1)).isEqualTo(c);
    }
}
