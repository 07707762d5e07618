package io.unistore.testsupport.faults;

import java.net.URI;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A reverse proxy on a free 127.0.0.1 port in front of one HTTP back end (Azurite's blob, queue or table port,
 * S3Proxy, the GCS or Azure Files stand-in) that harms a share of requests as its {@link FaultPlan} says: 429 and
 * 503 answers with {@code Retry-After}, connections reset in the middle of the request body or of the answer's
 * body (after the back end applied the request), and added latency. Everything else passes through byte for
 * byte: method, raw path and query, headers including {@code Host} (signatures stay valid), body.
 *
 * <p>Jetty serves the client side and Jetty's HTTP client talks to the back end; the resets are done on the
 * socket underneath Jetty ({@code SO_LINGER 0}, then close), which no HTTP library offers.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.of(42, 0.2);
 * try (FaultProxy proxy = FaultProxy.start(gcs.port(), plan)) {
 *     StorageAccount account = Unistore.open("gs://p", Map.of("endpoint", proxy.endpoint(), ...));
 *     ...
 *     assertThat(plan.counts().failures()).isPositive();
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {
    private final Server server;
    private final HttpClient client;
    private final FaultingHandler handler;
    private final int port;
    private final int backendPort;

    private FaultProxy(Server server, HttpClient client, FaultingHandler handler, int port, int backendPort) {
        this.server = server;
        this.client = client;
        this.handler = handler;
        this.port = port;
        this.backendPort = backendPort;
    }

    /** Starts a proxy in front of {@code 127.0.0.1:backendPort}. */
    public static FaultProxy start(int backendPort, FaultPlan plan) {
        HttpClient client = new HttpClient();
        QueuedThreadPool clientThreads = new QueuedThreadPool(64, 2);
        clientThreads.setName("fault-proxy-client-" + backendPort);
        clientThreads.setDaemon(true);
        client.setExecutor(clientThreads);
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null);
        client.setDefaultRequestContentType(null);
        client.setMaxConnectionsPerDestination(64);
        client.setMaxRequestsQueuedPerDestination(4096);
        QueuedThreadPool threads = new QueuedThreadPool(96, 4);
        threads.setName("fault-proxy-" + backendPort);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        // Azure paths carry %2F inside names and clients sign the encoded path: pass it on untouched.
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        FaultingHandler handler = new FaultingHandler(client, backendPort, plan);
        server.setHandler(handler);
        try {
            client.start();
            // No Accept-Encoding of the proxy's own and no decoding: answers pass through as the back end sent
            // them (the client installs its decoders when it starts).
            client.getContentDecoderFactories().clear();
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the fault proxy in front of port " + backendPort + " did not start", e);
        }
        handler.ownPort(connector.getLocalPort());
        return new FaultProxy(server, client, handler, connector.getLocalPort(), backendPort);
    }

    /** The proxy's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The port of the back end it fronts. */
    public int backendPort() {
        return backendPort;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Requests the back end answered through this proxy (faults that never reached it are not counted). */
    public long forwarded() {
        return handler.forwarded();
    }

    /**
     * Bytes of answer bodies the back end sent through this proxy: what a client really fetched, whatever it
     * read of them (a test of ranged reads compares it with the range asked for).
     */
    public long forwardedBytes() {
        return handler.forwardedBytes();
    }

    /**
     * {@code text} (an endpoint, a connection string) with every {@code 127.0.0.1:BACKEND_PORT} replaced by this
     * proxy's address.
     */
    public String route(String text) {
        return text.replaceAll("127\\.0\\.0\\.1:" + backendPort + "(?![0-9])", "127.0.0.1:" + port);
    }

    /** The port of an {@code http://127.0.0.1:PORT/...} URL, to put a proxy in front of it. */
    public static int portOf(String url) {
        int p = URI.create(url).getPort();
        if (p < 0) {
            throw new IllegalArgumentException("no port in " + url);
        }
        return p;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a test proxy: nothing left to do
        }
        try {
            client.stop();
        } catch (Exception e) {
            // same
        }
    }
}
