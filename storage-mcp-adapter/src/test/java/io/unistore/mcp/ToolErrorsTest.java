package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.Capability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever one call throws, errors included, it is answered with an INTERNAL isError result: an Error escaping
 * the worker thread would leave the call unanswered. Runs the executor on a real local account.
 */
class ToolErrorsTest {
    @TempDir
    Path dir;

    private static McpTool throwing(String name, Throwable t) {
        return McpTool.builder(name).title(name).description("A tool that fails the way a bug would, for the test.")
                .requires(Capability.BLOBS).readOnly().input(ToolSchema.object().build())
                .output(ToolSchema.object().build()).handler(call -> {
                    if (t instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) t;
                }).build();
    }

    @Test
    void everyThrowableOfOneCallBecomesAnInternalResult() {
        ServerSettings settings = new ServerSettings(List.of(new AccountSpec("local", "file:" + dir, Map.of(),
                AccountPolicy.OPEN)), false, NamePatterns.ANY, NamePatterns.of(List.of()), List.of(), true, 1024);
        try (Accounts accounts = Accounts.open(settings.accounts())) {
            List<McpTool> tools = List.of(throwing("overflow", new StackOverflowError()),
                    throwing("oom", new OutOfMemoryError("Java heap space")),
                    throwing("npe", new NullPointerException()));
            Map<String, McpTool> known = new java.util.LinkedHashMap<>();
            tools.forEach(t -> known.put(t.name(), t));
            ToolCatalog catalog = new ToolCatalog(known, settings, accounts);
            ToolExecutor executor = new ToolExecutor(McpJsonDefaults.getMapper(), catalog, accounts, settings,
                    new AccessCheck(settings, accounts), new InFlightCalls(), new Subscriptions());
            for (McpTool tool : tools) {
                McpSchema.CallToolResult r = executor.run(tool, Map.of(), new CallContext(null, null,
                        new AtomicBoolean(), null));
                assertThat(r.isError()).as(tool.name()).isTrue();
                assertThat(McpSession.text(r)).as(tool.name()).startsWith("[INTERNAL]").contains(tool.name())
                        .doesNotContain("\tat ");
            }
        }
    }
}
