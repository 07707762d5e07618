package io.unistore.mcp;

import io.modelcontextprotocol.server.McpInitRequestHandler;
import io.modelcontextprotocol.server.McpNotificationHandler;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The SDK's sessions, made to remember two things its request handlers are not told: the JSON-RPC id of
 * the request being handled (put in the Reactor context, so a cancellation can find its call) and the
 * session object itself (so logging/setLevel can set its level).
 */
final class TrackedSessions {
    /** Reactor context key holding the id of the request being handled. */
    static final String REQUEST_ID = "io.unistore.mcp.requestId";

    private final Map<String, McpLoggableSession> sessions = new ConcurrentHashMap<>();
    private final Duration requestTimeout;
    private final McpInitRequestHandler init;
    private final Map<String, McpRequestHandler<?>> requests;
    private final Map<String, McpNotificationHandler> notifications;

    TrackedSessions(Duration requestTimeout, McpInitRequestHandler init, Map<String, McpRequestHandler<?>> requests,
                    Map<String, McpNotificationHandler> notifications) {
        this.requestTimeout = requestTimeout;
        this.init = init;
        this.requests = Map.copyOf(requests);
        this.notifications = Map.copyOf(notifications);
    }

    /** The session of that id, or null once it closed. */
    McpLoggableSession session(String id) {
        return sessions.get(id);
    }

    /** Session factory for stdio. */
    McpServerSession.Factory stdio() {
        return transport -> {
            String id = UUID.randomUUID().toString();
            StdioSession s = new StdioSession(id, transport);
            sessions.put(id, s);
            return s;
        };
    }

    /** Session factory for Streamable HTTP. */
    McpStreamableServerSession.Factory streamable() {
        return request -> {
            String id = UUID.randomUUID().toString();
            HttpSession s = new HttpSession(id, request);
            sessions.put(id, s);
            return new McpStreamableServerSession.McpStreamableServerSessionInit(s, init.handle(request));
        };
    }

    private Mono<Void> forget(String id) {
        return Mono.fromRunnable(() -> sessions.remove(id));
    }

    private final class StdioSession extends McpServerSession {
        StdioSession(String id, McpServerTransport transport) {
            super(id, requestTimeout, transport, init, requests, notifications, () -> forget(id));
        }

        @Override
        public Mono<Void> handle(McpSchema.JSONRPCMessage message) {
            Mono<Void> handled = super.handle(message);
            return message instanceof McpSchema.JSONRPCRequest r && r.id() != null
                    ? handled.contextWrite(Context.of(REQUEST_ID, r.id())) : handled;
        }
    }

    private final class HttpSession extends McpStreamableServerSession {
        HttpSession(String id, McpSchema.InitializeRequest request) {
            super(id, request.capabilities(), request.clientInfo(), requestTimeout, requests, notifications,
                    () -> forget(id));
        }

        @Override
        public Mono<Void> responseStream(McpSchema.JSONRPCRequest request, McpStreamableServerTransport transport) {
            Mono<Void> handled = super.responseStream(request, transport);
            return request.id() != null ? handled.contextWrite(Context.of(REQUEST_ID, request.id())) : handled;
        }
    }
}
