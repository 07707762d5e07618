package io.unistore.testsupport.azurefiles;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stand-in for the Azure Files REST API (no emulator exists anywhere): shares with quota and metadata,
 * directories, files with ranges, properties and metadata, listings with markers, rename, all behind SharedKey
 * authentication checked on every request, answering Azure's error codes with its XML bodies. State is in
 * memory; it listens on a free 127.0.0.1 port.
 *
 * <p>Clients reach it two ways. Path-style, as emulators are addressed:
 * {@code http://127.0.0.1:PORT/devstoreaccount1/share/dir/file} (the Node SDK, curl). Host-style, for the Java
 * SDK, which drops the port and account path of IP-style URLs: build the client on {@link #SDK_ENDPOINT} and add
 * {@link LoopbackRedirectPolicy}, which sends the signed request here.
 */
public final class AzureFilesStandIn implements AutoCloseable {
    /** The account it serves: the emulators' development account. */
    public static final String ACCOUNT = "devstoreaccount1";
    /** That account's published key. */
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /** The endpoint Java SDK clients are built on (never contacted: the redirect policy sends requests here). */
    public static final String SDK_ENDPOINT = "http://" + ACCOUNT + ".file.core.windows.net";

    private static AzureFilesStandIn shared;

    private final Server server;
    private final int port;

    private AzureFilesStandIn(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** The JVM-wide instance, started on first use (stopped with the JVM). */
    public static synchronized AzureFilesStandIn shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-azure-files-stand-in"));
        }
        return shared;
    }

    /** A private instance; close it when done. */
    public static AzureFilesStandIn start() {
        FilesService service = new FilesService(ACCOUNT, KEY);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("azure-files-stand-in");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        // Azure paths carry %2F inside names; the SDKs sign the encoded path, so it must arrive untouched.
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (HttpField f : request.getHeaders()) {
                    headers.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
                }
                byte[] body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = in.readAllBytes();
                }
                FilesExchange x = new FilesExchange(request.getMethod(), request.getHttpURI().getPath(),
                        request.getHttpURI().getQuery(), headers, body);
                service.handle(x);
                response.setStatus(x.status);
                x.responseHeaders.forEach((k, v) -> response.getHeaders().put(k, v));
                if (request.getMethod().equals("HEAD")) {
                    callback.succeeded();
                } else {
                    response.getHeaders().put("Content-Length", String.valueOf(x.responseBody.length));
                    response.write(true, ByteBuffer.wrap(x.responseBody), callback);
                }
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Azure Files stand-in did not start", e);
        }
        return new AzureFilesStandIn(server, connector.getLocalPort());
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /**
     * The Unistore address of the stand-in's account: a connection string on {@link #SDK_ENDPOINT}. The Azure
     * provider reaches it in a test JVM that registers {@link StandInRedirects}; the stand-in itself is the shared
     * one, started by the first request.
     */
    public static String connectionString() {
        return "AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";FileEndpoint=" + SDK_ENDPOINT;
    }

    /** The path-style service URL, {@code http://127.0.0.1:PORT/devstoreaccount1}. */
    public String pathStyleUrl() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    private void stop() {
        try {
            server.stop();
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
