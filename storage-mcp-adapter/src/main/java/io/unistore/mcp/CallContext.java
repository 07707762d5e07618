package io.unistore.mcp;

import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.ErrorCode;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one tool call can ask of the client while it runs: progress notifications, cancellation, the
 * client's roots and confirmation through elicitation. Calls run on worker threads, so blocking on the
 * client's answers is fine here.
 */
final class CallContext {
    private static final Logger LOG = LoggerFactory.getLogger(CallContext.class);
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();
    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(5);

    private final McpAsyncServerExchange exchange;
    private final Object progressToken;
    private final AtomicBoolean cancelled;
    private final Object requestId;

    CallContext(McpAsyncServerExchange exchange, Object progressToken, AtomicBoolean cancelled, Object requestId) {
        this.exchange = exchange;
        this.progressToken = progressToken;
        this.cancelled = cancelled;
        this.requestId = requestId;
    }

    /**
     * Who is calling, for the audit trail: the name and version the MCP client gave at initialize. Clients have no
     * other identity here (over HTTP every client holds the same bearer token); the session id is left out, as over
     * HTTP it is what a client sends to be recognised.
     */
    String principal() {
        McpSchema.Implementation client = exchange == null ? null : exchange.getClientInfo();
        String name = client == null || client.name() == null ? "unknown" : client.name();
        String version = client == null || client.version() == null ? "" : "/" + client.version();
        return "mcp:" + name + version;
    }

    /** The JSON-RPC id of the tools/call being served, or null. */
    String requestId() {
        return requestId == null ? null : String.valueOf(requestId);
    }

    boolean cancelled() {
        return cancelled.get();
    }

    void checkCancelled() {
        if (cancelled.get()) {
            throw new StorageException(ErrorCode.CONFLICT, "the client cancelled the call");
        }
    }

    /** Reports progress (throttled) and stops the transfer once the call is cancelled. */
    ProgressListener progress(String what) {
        long[] last = {0};
        return (done, total) -> {
            checkCancelled();
            long now = System.nanoTime();
            boolean finished = total >= 0 && done >= total;
            if (progressToken != null && (finished || now - last[0] >= PROGRESS_INTERVAL_NANOS)) {
                last[0] = now;
                exchange.progressNotification(new McpSchema.ProgressNotification(progressToken, (double) done,
                        total >= 0 ? (double) total : null, what + ": " + done + (total >= 0 ? " of " + total : "")
                        + " bytes")).subscribe(v -> { }, e -> LOG.debug("progress notification failed", e));
            }
        };
    }

    /**
     * Sends a notifications/logging message to the calling client, when its session's level lets it through
     * (logging/setLevel; the SDK filters).
     */
    void log(McpSchema.LoggingLevel level, String logger, String data) {
        if (exchange == null) {
            return;
        }
        exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder().level(level).logger(logger).data(data).build())
                .subscribe(v -> { }, e -> LOG.debug("logging notification failed", e));
    }

    /** The client's file roots, or none when it declares no roots capability. */
    List<Path> clientRoots() {
        McpSchema.ClientCapabilities caps = exchange.getClientCapabilities();
        if (caps == null || caps.roots() == null) {
            return List.of();
        }
        try {
            McpSchema.ListRootsResult roots = exchange.listRoots().block(CLIENT_TIMEOUT);
            return roots == null ? List.of() : roots.roots().stream().map(McpSchema.Root::uri)
                    .filter(u -> u.startsWith("file:")).map(u -> Path.of(URI.create(u))).toList();
        } catch (RuntimeException e) {
            LOG.warn("the client did not list its roots: {}", e.getMessage());
            return List.of();
        }
    }

    /**
     * Asks the user to confirm through elicitation when the client supports it; without elicitation the
     * call goes ahead (the tool's destructiveHint lets the client ask before calling).
     */
    void confirm(String what) {
        McpSchema.ClientCapabilities caps = exchange.getClientCapabilities();
        if (caps == null || caps.elicitation() == null) {
            return;
        }
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("confirm"), "properties",
                Map.of("confirm", Map.of("type", "boolean", "title", "Delete", "description",
                        "Yes to permanently delete " + what)));
        McpSchema.ElicitResult result = exchange.createElicitation(McpSchema.ElicitRequest.builder()
                .message("This will permanently delete " + what + ". Go ahead?").requestedSchema(schema).build())
                .block(CLIENT_TIMEOUT);
        boolean yes = result != null && result.action() == McpSchema.ElicitResult.Action.ACCEPT
                && result.content() != null && Boolean.TRUE.equals(result.content().get("confirm"));
        if (!yes) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, "the user did not confirm deleting " + what
                    + "; nothing was deleted");
        }
    }
}
