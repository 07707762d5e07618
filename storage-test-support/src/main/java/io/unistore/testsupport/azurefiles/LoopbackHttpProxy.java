package io.unistore.testsupport.azurefiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Test-only: an HTTP proxy on 127.0.0.1 that sends every request to the Files stand-in, for a child process (the
 * MCP server) that cannot take {@link LoopbackRedirectPolicy}: start it with {@code -Dhttp.proxyHost=127.0.0.1
 * -Dhttp.proxyPort=}{@link #port()}, which the Azure SDK reads, and build its account on
 * {@link AzureFilesStandIn#SDK_ENDPOINT}. A {@code CONNECT}
 * (how the SDK's Netty client goes through any proxy) is answered 200 and tunnelled; a request in absolute form is
 * passed on as it came. The SDK signs the original path, so the stand-in checks a real SharedKey signature.
 */
public final class LoopbackHttpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;

    private LoopbackHttpProxy(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    /** A proxy to the stand-in on {@code targetPort}; close it when done. */
    public static LoopbackHttpProxy start(int targetPort) {
        try {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            LoopbackHttpProxy proxy = new LoopbackHttpProxy(s, targetPort);
            Thread t = new Thread(proxy::accept, "files-loopback-proxy");
            t.setDaemon(true);
            t.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("the loopback proxy did not start", e);
        }
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "files-loopback-tunnel");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            String first = new String(head, StandardCharsets.ISO_8859_1);
            if (first.startsWith("CONNECT ")) {
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
            } else {
                upstream.getOutputStream().write(head);
            }
            Thread back = new Thread(() -> pipe(upstream, client), "files-loopback-back");
            back.setDaemon(true);
            back.start();
            pipe(client, upstream);
            back.join();
        } catch (IOException e) {
            // a connection closed mid-way: the client sees it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request line and headers, up to the blank line. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while (matched < 4 && (c = in.read()) >= 0) {
            b.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return b.toByteArray();
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a test proxy: nothing left to do
        }
    }
}
