package io.unistore.testsupport.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Handles one request of a {@link FaultProxy}: draws its fate from the plan, then answers an error itself, resets
 * the connection, or forwards it (after a delay) to the back end and copies the answer back.
 *
 * <p>Bodies are buffered whole in both directions (up to {@link #MAX_BODY}): that keeps every byte and header
 * the client signed exactly as sent (Content-Length included, never re-chunked) and lets a reset fall at a chosen
 * point of the answer.
 */
final class FaultingHandler extends Handler.Abstract {
    /** Largest answer body the proxy buffers; fault tests move small objects. */
    static final int MAX_BODY = 256 * 1024 * 1024;
    /** Headers that belong to one connection, or that the proxy sets itself. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect", "content-length");

    private final HttpClient client;
    private final int backendPort;
    private final FaultPlan plan;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong answeredBytes = new AtomicLong();
    private volatile int ownPort;

    FaultingHandler(HttpClient client, int backendPort, FaultPlan plan) {
        this.client = client;
        this.backendPort = backendPort;
        this.plan = plan;
    }

    void ownPort(int port) {
        this.ownPort = port;
    }

    /** Requests answered by the back end through this handler. */
    long forwarded() {
        return answered.get();
    }

    /** Bytes of the answers' bodies the back end sent through this handler. */
    long forwardedBytes() {
        return answeredBytes.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        FaultPlan.Decision decision = plan.next();
        FaultKind kind = decision.kind();
        if (kind == FaultKind.THROTTLE_429 || kind == FaultKind.UNAVAILABLE_503) {
            readBody(request);
            plan.injected(kind);
            response.setStatus(kind == FaultKind.THROTTLE_429 ? 429 : 503);
            response.getHeaders().put("Retry-After", String.valueOf(plan.retryAfterSeconds()));
            response.getHeaders().put("Content-Length", "0");
            callback.succeeded();
            return true;
        }
        if (kind == FaultKind.RESET_REQUEST_BODY) {
            long length = request.getLength();
            try (InputStream in = Content.Source.asInputStream(request)) {
                in.readNBytes(length > 1 ? (int) Math.min(length / 2, MAX_BODY) : 0);
            }
            plan.injected(kind);
            reset(request, callback);
            return true;
        }
        if (kind == FaultKind.LATENCY) {
            // Counted first: a client that gives up meanwhile (a per-try timeout) still met the fault.
            plan.injected(kind);
            Thread.sleep(decision.latencyMillis());
        }
        byte[] body = readBody(request);
        ContentResponse answer;
        try {
            answer = forward(request, body);
        } catch (Exception e) {
            response.setStatus(502);
            response.getHeaders().put("Content-Length", "0");
            callback.succeeded();
            return true;
        }
        answered.incrementAndGet();
        boolean head = request.getMethod().equals("HEAD");
        copyHeaders(answer, response, head);
        byte[] content = head ? new byte[0] : answer.getContent();
        answeredBytes.addAndGet(content.length);
        if (kind == FaultKind.RESET_RESPONSE_BODY) {
            plan.injected(kind);
            if (content.length > 1) {
                // The status, the headers and half the body go out; the reset then cuts the rest.
                response.getHeaders().put("Content-Length", String.valueOf(content.length));
                Callback.Completable sent = new Callback.Completable();
                response.write(false, ByteBuffer.wrap(content, 0, content.length / 2), sent);
                sent.get(10, TimeUnit.SECONDS);
                // A reset discards what the kernel has not sent yet: give the half body time to leave.
                Thread.sleep(20);
            }
            reset(request, callback);
            return true;
        }
        if (head || answer.getStatus() == 204 || answer.getStatus() == 304) {
            callback.succeeded();
        } else {
            response.getHeaders().put("Content-Length", String.valueOf(content.length));
            response.write(true, ByteBuffer.wrap(content), callback);
        }
        return true;
    }

    private static byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readAllBytes();
        }
    }

    /** Sends the request to the back end as it came: method, raw path and query, headers (Host too), body. */
    private ContentResponse forward(Request request, byte[] body) throws Exception {
        org.eclipse.jetty.client.Request out = client.newRequest("127.0.0.1", backendPort)
                .scheme("http")
                .method(request.getMethod())
                .path(request.getHttpURI().getPathQuery())
                .followRedirects(false)
                .timeout(120, TimeUnit.SECONDS);
        out.headers(h -> {
            for (HttpField f : request.getHeaders()) {
                if (!HOP_BY_HOP.contains(f.getLowerCaseName())) {
                    h.add(f);
                }
            }
        });
        if (body.length > 0 || request.getLength() == 0) {
            // No content type of its own: the client's Content-Type header (or its absence) is what is signed.
            out.body(new BytesRequestContent((String) null, body));
        }
        return new CompletableResponseListener(out, MAX_BODY).send().get(130, TimeUnit.SECONDS);
    }

    private void copyHeaders(ContentResponse answer, Response response, boolean head) {
        response.setStatus(answer.getStatus());
        for (HttpField f : answer.getHeaders()) {
            String name = f.getLowerCaseName();
            if (name.equals("content-length") && head) {
                response.getHeaders().add(f);
            } else if (name.equals("location")) {
                // A resumable upload's session URL points at the back end: keep the client on the proxy.
                response.getHeaders().add(f.getName(), f.getValue()
                        .replace("127.0.0.1:" + backendPort, "127.0.0.1:" + ownPort)
                        .replace("localhost:" + backendPort, "localhost:" + ownPort));
            } else if (!HOP_BY_HOP.contains(name)) {
                response.getHeaders().add(f);
            }
        }
    }

    /**
     * Resets the client's connection: SO_LINGER 0 makes the close send a TCP RST instead of a FIN. The endpoint
     * is closed before the callback fails, so the server cannot answer an error page instead.
     */
    private static void reset(Request request, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // a plain close still cuts the exchange short
            }
        }
        endPoint.close();
        callback.failed(new EofException("connection reset by the fault proxy"));
    }
}
