package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real jar, started as a child process and driven over stdio by the MCP Java SDK's client. Every
 * successful tool call is checked against the tool's output schema and its text twin.
 */
final class McpSession implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    final McpSyncClient client;
    /** What the server wrote on stderr (its log). */
    final StringBuffer stderr;
    private final List<McpSchema.ProgressNotification> progress;
    private final List<McpSchema.LoggingMessageNotification> logs;
    private Map<String, McpSchema.Tool> tools;

    private McpSession(McpSyncClient client, StringBuffer stderr, List<McpSchema.ProgressNotification> progress,
                       List<McpSchema.LoggingMessageNotification> logs) {
        this.client = client;
        this.stderr = stderr;
        this.progress = progress;
        this.logs = logs;
    }

    /** Starts the server with these arguments. */
    static Builder start(String... args) {
        return new Builder(List.of(args));
    }

    /** Options of a session. */
    static final class Builder {
        private final List<String> args;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation;
        private final List<McpSchema.Root> roots = new ArrayList<>();
        private java.util.function.Consumer<List<McpSchema.ResourceContents>> resourceUpdates;

        private Builder(List<String> args) {
            this.args = args;
        }

        Builder env(Map<String, String> values) {
            env.putAll(values);
            return this;
        }

        Builder elicitation(Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> handler) {
            elicitation = handler;
            return this;
        }

        Builder onResourceUpdate(java.util.function.Consumer<List<McpSchema.ResourceContents>> consumer) {
            resourceUpdates = consumer;
            return this;
        }

        Builder root(java.nio.file.Path dir) {
            roots.add(new McpSchema.Root(dir.toUri().toString(), dir.getFileName().toString()));
            return this;
        }

        McpSession connect() {
            List<String> cmd = ServerJar.command(args);
            ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size()))
                    .env(env).build();
            StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
            List<McpSchema.ProgressNotification> progress = new ArrayList<>();
            List<McpSchema.LoggingMessageNotification> logs = new java.util.concurrent.CopyOnWriteArrayList<>();
            StringBuffer stderr = new StringBuffer();
            transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
            McpClient.SyncSpec spec = McpClient.sync(new SerializedClientTransport(transport))
                    .requestTimeout(Duration.ofSeconds(60))
                    .initializationTimeout(Duration.ofSeconds(60))
                    .progressConsumer(p -> {
                        synchronized (progress) {
                            progress.add(p);
                        }
                    })
                    .loggingConsumer(logs::add);
            McpSchema.ClientCapabilities.Builder caps = McpSchema.ClientCapabilities.builder();
            if (elicitation != null) {
                spec.elicitation(elicitation);
                caps.elicitation();
            }
            if (resourceUpdates != null) {
                spec.resourcesUpdateConsumer(resourceUpdates);
            }
            if (!roots.isEmpty()) {
                spec.roots(roots);
                caps.roots(false);
            }
            spec.capabilities(caps.build());
            McpSession session = new McpSession(spec.build(), stderr, progress, logs);
            session.client.initialize();
            return session;
        }
    }

    /**
     * The notifications/logging messages of a logger received so far, waiting up to 10 s for {@code atLeast} of
     * them (notifications are dispatched apart from results).
     */
    List<McpSchema.LoggingMessageNotification> logsOf(String logger, int atLeast) {
        return waitFor(() -> logs.stream().filter(l -> logger.equals(l.logger())).toList(), atLeast);
    }

    /** What {@code read} returns once it holds {@code atLeast} items, or after 10 s. */
    private static <T> List<T> waitFor(java.util.function.Supplier<List<T>> read, int atLeast) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<T> mine = read.get();
            if (mine.size() >= atLeast || System.nanoTime() > deadline) {
                return mine;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mine;
            }
        }
    }

    /** The progress notifications received so far. */
    List<McpSchema.ProgressNotification> progress() {
        synchronized (progress) {
            return List.copyOf(progress);
        }
    }

    /**
     * The progress notifications received for {@code token}, waiting up to 10 s for the first: the client
     * dispatches notifications apart from the result, so under load they can arrive after it.
     */
    List<McpSchema.ProgressNotification> progressFor(String token) {
        return waitFor(() -> progress().stream().filter(p -> token.equals(p.progressToken())).toList(), 1);
    }

    /** The listed tools by name. */
    Map<String, McpSchema.Tool> tools() {
        if (tools == null) {
            tools = new LinkedHashMap<>();
            client.listTools().tools().forEach(t -> tools.put(t.name(), t));
        }
        return tools;
    }

    /** Raw call. */
    McpSchema.CallToolResult raw(String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    /** Raw call with a progress token. */
    McpSchema.CallToolResult rawWithProgress(String tool, Map<String, Object> args, String token) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args)
                .meta(Map.of("progressToken", token)).build());
    }

    /** A call that must succeed; returns its structured content, checked against the output schema. */
    Map<String, Object> call(String tool, Map<String, Object> args) {
        return checked(tool, raw(tool, args));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> checked(String tool, McpSchema.CallToolResult r) {
        assertThat(r.isError()).as("%s failed: %s", tool, text(r)).isFalse();
        Map<String, Object> structured = (Map<String, Object>) r.structuredContent();
        assertThat(structured).as("structuredContent of " + tool).isNotNull();
        McpSchema.Tool t = tools().get(tool);
        assertThat(t).as("tool %s is listed", tool).isNotNull();
        List<Error> errors = SCHEMAS.getSchema(JSON.valueToTree(t.outputSchema())).validate(JSON.valueToTree(structured));
        assertThat(errors).as("%s output against its output schema", tool).isEmpty();
        assertThat(JSON.readTree(text(r))).as("text content of %s is the structured JSON", tool)
                .isEqualTo(JSON.valueToTree(structured));
        return structured;
    }

    /** A call that must fail as a tool error; returns its text. */
    String error(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = raw(tool, args);
        assertThat(r.isError()).as("%s should fail but returned %s", tool, r.structuredContent()).isTrue();
        String text = text(r);
        assertThat(text).doesNotContain("\tat ").doesNotContain("Exception:");
        return text;
    }

    static String text(McpSchema.CallToolResult r) {
        StringBuilder sb = new StringBuilder();
        for (McpSchema.Content c : r.content()) {
            if (c instanceof McpSchema.TextContent t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** Arguments as a map, from alternating keys and values. */
    static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }


    @Override
    public void close() {
        client.closeGracefully();
    }
}
