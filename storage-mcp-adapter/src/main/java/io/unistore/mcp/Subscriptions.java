package io.unistore.mcp;

import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resource subscriptions. Storage has no change feed to watch, so a subscriber is told when a tool call
 * of this server writes the container, blob, table, queue or share it subscribed to.
 */
final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();
    private volatile Function<String, McpLoggableSession> sessions = id -> null;

    void sessions(Function<String, McpLoggableSession> lookup) {
        this.sessions = lookup;
    }

    void subscribe(String sessionId, String uri) {
        bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(uri);
    }

    void unsubscribe(String sessionId, String uri) {
        bySession.getOrDefault(sessionId, Set.of()).remove(uri);
    }

    /** Tells subscribers of the resources a successful write touched. */
    void written(McpTool tool, String account, Map<String, Object> arguments) {
        if (tool.readOnly() || bySession.isEmpty() || arguments == null) {
            return;
        }
        List<String> touched = touched(account, arguments);
        bySession.forEach((sessionId, uris) -> {
            McpLoggableSession session = sessions.apply(sessionId);
            if (session == null) {
                bySession.remove(sessionId);
                return;
            }
            for (String uri : touched) {
                if (uris.contains(uri)) {
                    session.sendNotification(McpSchema.METHOD_NOTIFICATION_RESOURCES_UPDATED,
                            new McpSchema.ResourcesUpdatedNotification(uri))
                            .subscribe(v -> { }, e -> LOG.debug("resource update notification failed", e));
                }
            }
        });
    }

    private static List<String> touched(String account, Map<String, Object> args) {
        List<String> uris = new ArrayList<>();
        add(uris, account, "blobs", args.get("container"), args.get("blob"));
        add(uris, account, "blobs", args.get("targetContainer"), args.get("targetBlob"));
        add(uris, account, "tables", args.get("table"), null);
        add(uris, account, "queues", args.get("queue"), null);
        add(uris, account, "shares", args.get("share"), args.get("path"));
        return uris;
    }

    private static void add(List<String> uris, String account, String kind, Object name, Object path) {
        if (name != null) {
            uris.add(ResourceUri.of(account, kind, name.toString()));
            if (path != null && !path.toString().isEmpty()) {
                uris.add(ResourceUri.of(account, kind, name.toString(), path.toString()));
            }
        }
    }
}
