package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpNotificationHandler;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpLoggableSession;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The MCP methods this server answers, on top of the SDK's sessions and transports. Written here rather
 * than with the SDK's server builder because resources/list must walk live storage page by page (the SDK
 * only lists resources registered up front) and tool calls need their request ids for cancellation.
 */
final class ProtocolHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolHandlers.class);
    static final String INSTRUCTIONS = "Unistore: tables, blobs, queues and file shares of one or more storage "
            + "accounts (Azure, AWS, Google Cloud or local). List tools return one page and a continuationToken. "
            + "Errors start with an error code in brackets and say what to do. Read the unistore:// resources "
            + "for quick views; use the prompts for multi-step work.";

    private final McpJsonMapper json;
    private final ToolCatalog tools;
    private final ToolExecutor executor;
    private final ResourceCatalog resources;
    private final PromptCatalog prompts;
    private final Accounts accounts;
    private final InFlightCalls inFlight;
    private final Subscriptions subscriptions;
    private final AccessCheck access;
    private TrackedSessions sessions;

    ProtocolHandlers(McpJsonMapper json, ToolCatalog tools, ToolExecutor executor, ResourceCatalog resources,
                     PromptCatalog prompts, Accounts accounts, AccessCheck access, InFlightCalls inFlight,
                     Subscriptions subscriptions) {
        this.access = access;
        this.json = json;
        this.tools = tools;
        this.executor = executor;
        this.resources = resources;
        this.prompts = prompts;
        this.accounts = accounts;
        this.inFlight = inFlight;
        this.subscriptions = subscriptions;
    }

    static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).resources(true, false).prompts(false).logging()
                .completions().build();
    }

    /** Session plumbing for a transport that speaks the given protocol versions. */
    TrackedSessions sessions(List<String> protocolVersions) {
        McpSchema.Implementation info = new McpSchema.Implementation("unistore-mcp", "Unistore",
                Main.version());
        sessions = new TrackedSessions(Duration.ofMinutes(5), request -> Mono.fromSupplier(() -> {
            String version = protocolVersions.contains(request.protocolVersion()) ? request.protocolVersion()
                    : protocolVersions.get(protocolVersions.size() - 1);
            LOG.info("client {} initialized with protocol {}", request.clientInfo(), version);
            return new McpSchema.InitializeResult(version, capabilities(), info, INSTRUCTIONS);
        }), requests(), notifications());
        subscriptions.sessions(sessions::session);
        return sessions;
    }

    private Map<String, McpRequestHandler<?>> requests() {
        Map<String, McpRequestHandler<?>> h = new HashMap<>();
        h.put(McpSchema.METHOD_PING, (ex, p) -> Mono.just(Map.of()));
        h.put(McpSchema.METHOD_TOOLS_LIST, (ex, p) -> Mono.just(new McpSchema.ListToolsResult(tools.listed(), null)));
        h.put(McpSchema.METHOD_TOOLS_CALL, (McpRequestHandler<McpSchema.CallToolResult>) executor::call);
        h.put(McpSchema.METHOD_RESOURCES_LIST, (ex, p) -> blocking(() -> resources.list(cursor(p))));
        h.put(McpSchema.METHOD_RESOURCES_TEMPLATES_LIST, (ex, p) -> Mono.just(
                new McpSchema.ListResourceTemplatesResult(resources.templates(), null)));
        h.put(McpSchema.METHOD_RESOURCES_READ, (ex, p) -> blocking(() -> resources.read(
                convert(p, new TypeRef<McpSchema.ReadResourceRequest>() { }).uri())));
        h.put(McpSchema.METHOD_RESOURCES_SUBSCRIBE, (ex, p) -> blocking(() -> {
            String uri = convert(p, new TypeRef<McpSchema.SubscribeRequest>() { }).uri();
            resources.checkSubscription(uri);
            subscriptions.subscribe(ex.sessionId(), uri);
            return Map.of();
        }));
        h.put(McpSchema.METHOD_RESOURCES_UNSUBSCRIBE, (ex, p) -> answered(() -> {
            String uri = convert(p, new TypeRef<McpSchema.UnsubscribeRequest>() { }).uri();
            subscriptions.unsubscribe(ex.sessionId(), uri);
            return Map.of();
        }));
        h.put(McpSchema.METHOD_PROMPT_LIST, (ex, p) -> Mono.just(new McpSchema.ListPromptsResult(prompts.prompts(),
                null)));
        h.put(McpSchema.METHOD_PROMPT_GET, (ex, p) -> blocking(() -> {
            McpSchema.GetPromptRequest r = convert(p, new TypeRef<McpSchema.GetPromptRequest>() { });
            return prompts.get(r.name(), r.arguments());
        }));
        h.put(McpSchema.METHOD_LOGGING_SET_LEVEL, (ex, p) -> answered(() -> {
            McpSchema.SetLevelRequest r = convert(p, new TypeRef<McpSchema.SetLevelRequest>() { });
            McpLoggableSession session = sessions.session(ex.sessionId());
            if (session != null && r.level() != null) {
                session.setMinLoggingLevel(r.level());
            }
            return Map.of();
        }));
        h.put(McpSchema.METHOD_COMPLETION_COMPLETE, (ex, p) -> blocking(() -> complete(
                convert(p, new TypeRef<McpSchema.CompleteRequest>() { }))));
        return h;
    }

    private Map<String, McpNotificationHandler> notifications() {
        Map<String, McpNotificationHandler> h = new HashMap<>();
        h.put(McpSchema.METHOD_NOTIFICATION_INITIALIZED, (ex, p) -> Mono.empty());
        h.put(McpSchema.METHOD_NOTIFICATION_ROOTS_LIST_CHANGED, (ex, p) -> Mono.empty());
        h.put("notifications/cancelled", (ex, p) -> Mono.fromRunnable(() -> {
            Object requestId = p instanceof Map<?, ?> m ? m.get("requestId") : null;
            if (inFlight.cancel(ex.sessionId(), requestId)) {
                LOG.info("request {} cancelled by the client", requestId);
            }
        }));
        return h;
    }

    private McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
        String arg = request.argument() == null ? "" : request.argument().name();
        String prefix = request.argument() == null || request.argument().value() == null ? ""
                : request.argument().value();
        List<String> values = new ArrayList<>();
        if (arg.equals("account") || arg.endsWith("Account")) {
            values.addAll(accounts.names());
        } else {
            Map<String, String> ctx = request.context() == null || request.context().arguments() == null ? Map.of()
                    : request.context().arguments();
            ResourceCatalog.Kind kind = switch (arg) {
                case "container", "sourceContainer", "targetContainer" -> ResourceCatalog.Kind.BLOBS;
                case "table" -> ResourceCatalog.Kind.TABLES;
                case "queue" -> ResourceCatalog.Kind.QUEUES;
                case "share" -> ResourceCatalog.Kind.SHARES;
                default -> null;
            };
            if (kind != null) {
                values.addAll(names(ctx.get(arg.startsWith("target") ? "targetAccount"
                        : arg.startsWith("source") ? "sourceAccount" : "account"), kind, prefix, arg));
            }
        }
        List<String> matching = values.stream().filter(v -> v.startsWith(prefix)).limit(100).toList();
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(matching,
                matching.size(), false));
    }

    /** Names to suggest: those listing would show, under the rules of the tool that lists them. */
    private List<String> names(String account, ResourceCatalog.Kind kind, String prefix, String argument) {
        try {
            Accounts.Entry entry = accounts.resolve(account);
            if (!entry.has(List.of(kind.capability)) || !access.allowsTool(kind.listTool, entry)) {
                return List.of();
            }
            io.unistore.ListOptions options = io.unistore.ListOptions.defaults().withPrefix(prefix.isEmpty() ? null : prefix).withPageSize(100);
            var a = entry.account();
            List<String> all = switch (kind) {
                case BLOBS -> a.blobs().listContainers(options).firstPage().items().stream().map(c -> c.name()).toList();
                case TABLES -> a.tables().listTables(options).firstPage().items().stream().map(t -> t.name()).toList();
                case QUEUES -> a.queues().listQueues(options).firstPage().items().stream().map(q -> q.name()).toList();
                case SHARES -> a.files().listShares(options).firstPage().items().stream().map(s -> s.name()).toList();
            };
            return all.stream().filter(n -> access.allows(access.read("completion", kind.listTool, entry,
                    kind.names, n, argument))).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private String cursor(Object params) {
        return params instanceof Map<?, ?> m && m.get("cursor") != null ? m.get("cursor").toString() : null;
    }

    private <T> T convert(Object params, TypeRef<T> type) {
        return json.convertValue(params, type);
    }

    /** Storage calls block: run them off the transport's threads. */
    private static <T> Mono<T> blocking(Callable<T> call) {
        return answered(call).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The request's answer. An Error thrown by one request (a StackOverflowError...) becomes a JSON-RPC error: left
     * to Reactor, which rethrows such errors on the worker thread, the request would never be answered.
     */
    private static <T> Mono<T> answered(Callable<T> call) {
        return Mono.fromCallable(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw e;
            } catch (Throwable e) {
                LOG.error("a request failed unexpectedly: {}", e.toString(), e);
                throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("the server failed unexpectedly ("
                        + e.getClass().getSimpleName() + "); its log (stderr) has details").build();
            }
        });
    }
}
