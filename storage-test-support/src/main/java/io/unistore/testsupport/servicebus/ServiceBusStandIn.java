package io.unistore.testsupport.servicebus;

import io.unistore.testsupport.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.BaseHandler;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.reactor.Reactor;
import org.apache.qpid.proton.reactor.ReactorOptions;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stand-in for an Azure Service Bus namespace (Microsoft's emulator needs Docker): queues over AMQP 1.0 on
 * Proton-J, the engine the Azure SDKs run on, plus the administration REST API. In memory, on 127.0.0.1: AMQP
 * without TLS on one free port (the SDKs connect so to a development emulator: {@code UseDevelopmentEmulator=true}
 * in the connection string), the Atom administration API over plain HTTP on another.
 *
 * <p>Served: SASL, {@code $cbs} put-token (shared access signatures checked against the namespace key), senders
 * (single messages and batches, time to live, scheduled enqueue time), receivers in peek-lock (lock of the queue's
 * duration, delivery count, lock expiry) and receive-and-delete, settlement (complete, abandon, dead-letter; a
 * lost lock answers {@code com.microsoft:message-lock-lost}), the dead-letter sub-queue, {@code $management}
 * peek, renew-lock, schedule and cancel-scheduled, and queue create/get/update/delete/list with runtime counts.
 * Not served: topics and subscriptions, sessions, deferral, transactions, duplicate detection, TLS.
 */
public final class ServiceBusStandIn implements AutoCloseable {
    /** The shared access key name of the connection strings, as Service Bus names its root key. */
    public static final String KEY_NAME = "RootManageSharedAccessKey";

    private static ServiceBusStandIn shared;

    private final SbNamespace namespace = new SbNamespace();
    private final String key;
    private final int amqpPort;
    private final Reactor reactor;
    private final Thread reactorThread;
    private final Server admin;
    private final int adminPort;
    private volatile boolean stopping;

    private ServiceBusStandIn() throws IOException {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        this.key = Base64.getEncoder().encodeToString(raw);
        SasTokens tokens = new SasTokens(KEY_NAME, key);
        this.amqpPort = FreePorts.next();
        AmqpBroker broker = new AmqpBroker(namespace, tokens);
        ReactorOptions options = new ReactorOptions();
        options.setEnableSaslByDefault(false);
        CountDownLatch bound = new CountDownLatch(1);
        this.reactor = Proton.reactor(options, new BaseHandler() {
            @Override
            public void onReactorInit(Event e) {
                try {
                    e.getReactor().acceptor("127.0.0.1", amqpPort, broker);
                } catch (IOException ex) {
                    throw new IllegalStateException("the Service Bus stand-in could not listen", ex);
                }
                e.getReactor().schedule(50, this);
                bound.countDown();
            }

            @Override
            public void onTimerTask(Event e) {
                broker.tick();
                if (!stopping) {
                    e.getReactor().schedule(50, this);
                }
            }
        });
        reactor.setTimeout(100);
        this.reactorThread = new Thread(this::runReactor, "servicebus-stand-in-amqp");
        reactorThread.setDaemon(true);
        reactorThread.start();
        try {
            if (!bound.await(10, TimeUnit.SECONDS)) {
                throw new IOException("the Service Bus stand-in's AMQP listener did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        FreePorts.awaitListening(amqpPort, Duration.ofSeconds(10), reactorThread::isAlive);
        this.admin = adminServer(new AtomAdmin(namespace, tokens, "127.0.0.1"));
        this.adminPort = ((ServerConnector) admin.getConnectors()[0]).getLocalPort();
    }

    private void runReactor() {
        reactor.start();
        while (!stopping && reactor.process()) {
            // process() returns after each batch of events or the timeout
        }
        reactor.stop();
    }

    private static Server adminServer(AtomAdmin atom) {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("servicebus-stand-in-admin");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = in.readAllBytes();
                }
                Map<String, String> query = new HashMap<>();
                String raw = request.getHttpURI().getQuery();
                if (raw != null) {
                    for (String pair : raw.split("&")) {
                        int eq = pair.indexOf('=');
                        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                        query.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                String path = URLDecoder.decode(request.getHttpURI().getPath(), StandardCharsets.UTF_8);
                AtomAdmin.Answer a = atom.handle(request.getMethod(), path, query,
                        request.getHeaders().get("Authorization"), request.getHeaders().get("If-Match"), body);
                byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
                response.setStatus(a.status());
                response.getHeaders().put("Content-Type", a.contentType());
                response.getHeaders().put("Content-Length", String.valueOf(out.length));
                response.write(true, ByteBuffer.wrap(out), callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Service Bus stand-in's administration API did not start", e);
        }
        return server;
    }

    /** The JVM-wide instance, started on first use (stopped with the JVM). */
    public static synchronized ServiceBusStandIn shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-servicebus-stand-in"));
        }
        return shared;
    }

    /** A private instance; close it when done. */
    public static ServiceBusStandIn start() {
        try {
            return new ServiceBusStandIn();
        } catch (IOException e) {
            throw new IllegalStateException("the Service Bus stand-in did not start", e);
        }
    }

    /**
     * The namespace connection string the SDKs take: {@code Endpoint=sb://127.0.0.1:PORT;SharedAccessKeyName=...;
     * SharedAccessKey=...;UseDevelopmentEmulator=true} (plain AMQP to that port).
     */
    public String connectionString() {
        return "Endpoint=sb://127.0.0.1:" + amqpPort + ";SharedAccessKeyName=" + KEY_NAME + ";SharedAccessKey=" + key
                + ";UseDevelopmentEmulator=true";
    }

    /** The AMQP port on 127.0.0.1. */
    public int amqpPort() {
        return amqpPort;
    }

    /** The administration API's base URL, {@code http://127.0.0.1:PORT}. */
    public String administrationEndpoint() {
        return "http://127.0.0.1:" + adminPort;
    }

    /** The namespace's shared access key (its name is {@link #KEY_NAME}). */
    public String key() {
        return key;
    }

    /**
     * Creates a queue directly (what a test's setup needs without an administration client).
     *
     * @param lockDuration how long a peek-lock holds a message (5 s to 5 min)
     * @param maxDeliveryCount deliveries before a message is dead-lettered
     * @return false if it exists
     */
    public boolean createQueue(String name, Duration lockDuration, int maxDeliveryCount) {
        SbQueue q = namespace.create(name, Instant.now());
        if (q == null) {
            return false;
        }
        synchronized (q) {
            q.lockDuration = lockDuration;
            q.maxDeliveryCount = maxDeliveryCount;
        }
        return true;
    }

    private void stop() {
        stopping = true;
        reactor.wakeup();
        try {
            reactorThread.join(5000);
            admin.stop();
        } catch (Exception e) {
            // stopping a test server: nothing left to do
        }
    }

    /** Stops a private instance; the shared one stops with the JVM. */
    @Override
    public void close() {
        if (this != shared) {
            stop();
        }
    }
}
