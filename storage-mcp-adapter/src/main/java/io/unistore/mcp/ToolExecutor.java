package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.audit.AuditContext;
import io.unistore.spi.Secrets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs tools/call: finds the tool, applies the server's settings, checks the arguments against the schema,
 * resolves the account, checks its capabilities, checks everything the call touches ({@link AccessCheck}), then
 * runs the handler on a worker thread.
 * Every failure becomes an isError result with its {@link ErrorCode}; nothing escapes as a JSON-RPC error
 * except a tool name the server does not know at all.
 */
final class ToolExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ToolExecutor.class);

    private final McpJsonMapper json;
    private final ToolCatalog catalog;
    private final Accounts accounts;
    private final ServerSettings settings;
    private final PathGuard paths;
    private final ArgumentValidator validator = new ArgumentValidator();
    private final InFlightCalls inFlight;
    private final Subscriptions subscriptions;
    private final AccessCheck access;

    ToolExecutor(McpJsonMapper json, ToolCatalog catalog, Accounts accounts, ServerSettings settings,
                 AccessCheck access, InFlightCalls inFlight, Subscriptions subscriptions) {
        this.access = access;
        this.json = json;
        this.catalog = catalog;
        this.accounts = accounts;
        this.settings = settings;
        this.paths = new PathGuard(settings.allowPaths(), settings.clientRootsWiden());
        this.inFlight = inFlight;
        this.subscriptions = subscriptions;
    }

    Mono<McpSchema.CallToolResult> call(McpAsyncServerExchange exchange, Object params) {
        McpSchema.CallToolRequest request = json.convertValue(params, new TypeRef<McpSchema.CallToolRequest>() {
        });
        McpTool tool = request.name() == null ? null : catalog.find(request.name());
        if (tool == null) {
            return Mono.error(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("Unknown tool: " + request.name() + "; tools/list shows the tools of this server").build());
        }
        return Mono.deferContextual(ctx -> {
            Object requestId = ctx.getOrDefault(TrackedSessions.REQUEST_ID, null);
            AtomicBoolean cancelled = inFlight.start(exchange.sessionId(), requestId);
            Object progressToken = request.meta() == null ? null : request.meta().get("progressToken");
            CallContext context = new CallContext(exchange, progressToken, cancelled, requestId);
            return Mono.fromCallable(() -> run(tool, request.arguments(), context))
                    .subscribeOn(Schedulers.boundedElastic())
                    .doFinally(s -> inFlight.finish(exchange.sessionId(), requestId));
        });
    }

    /** Runs one call to its result, whatever it throws. */
    McpSchema.CallToolResult run(McpTool tool, Map<String, Object> arguments, CallContext context) {
        try {
            String refusal = settings.refusal(tool);
            if (refusal != null) {
                throw new StorageException(ErrorCode.PERMISSION_DENIED, refusal);
            }
            Object accountArg = arguments == null ? null : arguments.get("account");
            if (accountArg == null) {
                accounts.resolve(null); // names the accounts to choose from when several are served
            }
            validator.validate(tool.name(), catalog.inputSchema(tool), arguments);
            Accounts.Entry account = accounts.resolve(accountArg == null ? null : accountArg.toString());
            if (!account.has(tool.requires())) {
                throw new StorageException(ErrorCode.UNSUPPORTED, "account '" + account.name() + "' (provider "
                        + account.account().providerId() + ") cannot serve '" + tool.name() + "': it needs "
                        + tool.requires() + " and the account declares " + account.account().capabilities());
            }
            if (!tool.servedOn(account.spec().options())) {
                throw new StorageException(ErrorCode.UNSUPPORTED, "account '" + account.name() + "' does not serve '"
                        + tool.name() + "': " + tool.whyNotServed());
            }
            Map<String, Object> args = arguments == null ? Map.of() : arguments;
            AccessCheck.Call call = access.toolCall(tool, args, account);
            access.check(call);
            Map<String, Object> result;
            try (AuditContext.Scope audited = AuditContext.open(context.principal(), context.requestId())) {
                result = tool.handler().call(new ToolInvocation(tool, account, args, settings, paths, context,
                        accounts, call.touched()));
            }
            context.checkCancelled();
            subscriptions.written(tool, account.name(), arguments);
            return ToolResults.success(result);
        } catch (StorageException e) {
            if (context.cancelled()) {
                return ToolResults.error(new StorageException(ErrorCode.CONFLICT, "the client cancelled the call"));
            }
            if (e.code() == ErrorCode.INTERNAL) {
                LOG.error("{} failed: {}", tool.name(), Secrets.redact(e.toString()), e);
            }
            return ToolResults.error(e);
        } catch (Throwable e) {
            // Anything else, errors included (a StackOverflowError, an OutOfMemoryError of one call): escaping the
            // worker thread it would leave the call unanswered.
            LOG.error("{} failed unexpectedly: {}", tool.name(), Secrets.redact(String.valueOf(e)), e);
            return ToolResults.error(new StorageException(ErrorCode.INTERNAL, tool.name() + " failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }
}
