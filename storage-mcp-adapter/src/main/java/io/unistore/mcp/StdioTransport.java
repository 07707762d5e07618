package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.unistore.ops.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio: one JSON-RPC message per line. Written here rather than taken from the SDK because the SDK's
 * stdio transport stops reading at the first line it cannot parse (or that exceeds its size limit) and from
 * then on answers nothing; here such a line gets a JSON-RPC error ({@link InboundMessage}) and the session goes
 * on. Messages are written by one thread, in the order they are sent, so a slow reader of stdout never holds up
 * the reading of stdin.
 */
final class StdioTransport implements McpServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final InboundMessage inbound;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unistore-stdout");
        t.setDaemon(true);
        return t;
    });
    private final SessionTransport transport = new SessionTransport();
    private volatile McpServerSession session;

    StdioTransport(McpJsonMapper json, InputStream in, OutputStream out, int maxMessageBytes) {
        this.json = json;
        this.in = in;
        this.out = out;
        this.inbound = new InboundMessage(json, maxMessageBytes);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        session = factory.create(transport);
    }

    /** Reads and handles messages until stdin ends; returns then. */
    void serve() throws IOException {
        LineReader lines = new LineReader(in, inbound.maxBytes());
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            if (line.length() == 0 && !line.tooLong()) {
                continue;
            }
            InboundMessage.Result result = line.tooLong() ? inbound.tooLarge(line.bytes(), line.length())
                    : inbound.read(line.bytes(), line.length());
            if (result instanceof InboundMessage.Accepted accepted) {
                // Subscribed here, in order; the work itself runs where each handler puts it (storage calls on
                // worker threads), so a slow call never holds up reading.
                session.handle(accepted.message()).subscribe(v -> { },
                        e -> LOG.warn("handling a message failed: {}", e.toString()));
            } else {
                InboundMessage.Refused refused = (InboundMessage.Refused) result;
                LOG.warn("refused an inbound message (id {}): [{}] {}", refused.id(), refused.code(),
                        refused.message());
                write(refused.toJson());
            }
        }
    }

    private CompletableFuture<Void> write(String line) {
        return write(line.getBytes(StandardCharsets.UTF_8));
    }

    private CompletableFuture<Void> write(byte[] message) {
        return CompletableFuture.runAsync(() -> {
            try {
                // One write per message: stdout is unbuffered, and a separate write of the newline costs a
                // second system call on every answer.
                out.write(asLine(message));
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, writer);
    }

    /**
     * The message followed by a newline. JSON escapes newlines inside strings, so a raw CR or LF can only come
     * from a pretty-printing mapper; only then is the text rewritten (a UTF-8 multi-byte sequence never holds
     * those bytes, so the scan is exact).
     */
    static byte[] asLine(byte[] message) {
        for (byte b : message) {
            if (b == '\n' || b == '\r') {
                String text = new String(message, StandardCharsets.UTF_8);
                return (text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        byte[] line = java.util.Arrays.copyOf(message, message.length + 1);
        line[message.length] = '\n';
        return line;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession s = session;
        return (s == null ? Mono.<Void>empty() : s.closeGracefully()).then(Mono.fromRunnable(writer::shutdown));
    }

    /** The session's side: sending messages and converting what it received. */
    private final class SessionTransport implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.defer(() -> {
                try {
                    return Mono.fromFuture(write(json.writeValueAsBytes(message)));
                } catch (IOException e) {
                    return Mono.error(e);
                }
            }).onErrorResume(e -> {
                LOG.debug("writing to stdout failed: {}", e.toString());
                return Mono.empty();
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
