package io.unistore.mcp;

/**
 * What one account lets the MCP client do: read-only or not, which tools, and which containers, tables,
 * queues and shares. Set per account in the config file; absent settings allow everything.
 *
 * @param readOnly only read-only tools run on this account
 * @param tools tool name patterns allowed on this account
 * @param denyTools tool name patterns refused on this account (wins over {@code tools})
 * @param containers container name patterns
 * @param tables table name patterns
 * @param queues queue name patterns
 * @param shares share name patterns
 */
record AccountPolicy(boolean readOnly, NamePatterns tools, NamePatterns denyTools, NamePatterns containers,
                     NamePatterns tables, NamePatterns queues, NamePatterns shares) {

    static final AccountPolicy OPEN = new AccountPolicy(false, NamePatterns.ANY, NamePatterns.of(java.util.List.of()),
            NamePatterns.ANY, NamePatterns.ANY, NamePatterns.ANY, NamePatterns.ANY);

    /** Whether the tool can run on this account for some arguments (what tools/list shows). */
    boolean allowsTool(McpTool tool) {
        return (tool.readOnly() || !readOnly) && allowsToolName(tool.name());
    }

    /** Whether the tool patterns (tools, denyTools) allow a tool of that name. */
    boolean allowsToolName(String name) {
        return tools.matches(name) && !denyTools.matches(name);
    }

    /** The patterns for a kind of name: container, table, queue or share. */
    NamePatterns patternsFor(NameKind kind) {
        return switch (kind) {
            case CONTAINER -> containers;
            case TABLE -> tables;
            case QUEUE -> queues;
            case SHARE -> shares;
        };
    }
}
