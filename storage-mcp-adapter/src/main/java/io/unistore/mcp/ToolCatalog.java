package io.unistore.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tool the server knows (the built-in stores' plus those of {@link ToolProvider}s found with
 * ServiceLoader), and which of them it lists: a tool is listed when the server's settings allow it and
 * some account both has its capabilities and allows it in its policy. A writing tool with a read-only form
 * (generate-blob-url) is served in that form where only it can be listed.
 */
final class ToolCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);

    private final Map<String, McpTool> tools = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> inputSchemas = new LinkedHashMap<>();
    private final ServerSettings settings;
    private final Accounts accounts;
    private final List<McpSchema.Tool> listed;

    /** A catalog of {@code known} (from {@link #discoverTools()}) for these settings and accounts. */
    ToolCatalog(Map<String, McpTool> known, ServerSettings settings, Accounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
        known.values().forEach(t -> tools.put(t.name(), served(t)));
        tools.values().forEach(t -> inputSchemas.put(t.name(), withAccount(t.inputSchema())));
        this.listed = tools.values().stream().filter(this::isListed).map(this::describe).toList();
    }

    /** The built-in tools followed by those of every provider on the class path. */
    static List<ToolProvider> discover() {
        List<ToolProvider> providers = new ArrayList<>(List.of(new BlobTools(), new TableTools(), new QueueTools(),
                new FileTools(), new OpsTools(), new CopyJobTools(), new BackupTools(), new AuditTools(), new EncryptionTools(),
                new InsightTools(), new LifecycleTools(), new TableIndexTools(), new TableInsightTools(),
                new SearchTools(), new FindTools(), new EditTools(), new ReadManyTools(), new DescribeTools(),
                new TagTools(), new ScheduleTools(), new ClassifyTools(), new ExtractTools()));
        for (ToolProvider p : ServiceLoader.load(ToolProvider.class)) {
            providers.add(p);
        }
        return providers;
    }

    /**
     * Every tool by name, in the order of {@link #discover()}; a later tool of a taken name is ignored. It
     * depends on no setting, so the server builds it (the tools' schemas) while it parses its arguments.
     */
    static Map<String, McpTool> discoverTools() {
        Map<String, McpTool> known = new LinkedHashMap<>();
        for (ToolProvider provider : discover()) {
            for (McpTool tool : provider.tools()) {
                if (known.putIfAbsent(tool.name(), tool) != null) {
                    LOG.warn("tool '{}' of {} ignored: a tool of that name exists already", tool.name(),
                            provider.getClass().getName());
                }
            }
        }
        return known;
    }

    /** The tool of that name in the form served (see {@link McpTool#readOnlyForm()}), listed or not, or null. */
    McpTool find(String name) {
        return tools.get(name);
    }

    /** The tools as tools/list shows them. */
    List<McpSchema.Tool> listed() {
        return listed;
    }

    /** The complete input schema, {@code account} included. */
    Map<String, Object> inputSchema(McpTool tool) {
        return inputSchemas.get(tool.name());
    }

    /** The tool, or its read-only form where only that can be listed (a read-only server or accounts). */
    private McpTool served(McpTool tool) {
        McpTool readOnly = tool.readOnlyForm();
        return readOnly != null && !isListed(tool) && isListed(readOnly) ? readOnly : tool;
    }

    private boolean isListed(McpTool tool) {
        return settings.refusal(tool) == null && accounts.all().stream()
                .anyMatch(a -> a.has(tool.requires()) && a.policy().allowsTool(tool)
                        && tool.servedOn(a.spec().options()));
    }

    private Map<String, Object> withAccount(Map<String, Object> schema) {
        Map<String, Object> s = new LinkedHashMap<>(schema);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("type", "string");
        account.put("enum", accounts.names());
        account.put("description", accounts.single() ? "The account (optional: only '" + accounts.names().get(0)
                + "' is served)" : "The account to use: one of " + accounts.names());
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("account", account);
        ordered.putAll(props);
        s.put("properties", ordered);
        if (!accounts.single()) {
            List<String> required = new ArrayList<>();
            required.add("account");
            @SuppressWarnings("unchecked")
            List<String> existing = (List<String>) schema.getOrDefault("required", List.of());
            required.addAll(existing);
            s.put("required", required);
        }
        return s;
    }

    private McpSchema.Tool describe(McpTool tool) {
        boolean local = accounts.all().stream().allMatch(a -> a.account() != null
                && "local".equals(a.account().providerId()));
        return McpSchema.Tool.builder().name(tool.name()).title(tool.title()).description(tool.description())
                .inputSchema(inputSchema(tool)).outputSchema(tool.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(tool.title(), tool.readOnly(), tool.destructive(),
                        tool.idempotent(), !local, null))
                .build();
    }
}
