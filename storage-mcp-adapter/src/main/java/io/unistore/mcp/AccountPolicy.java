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

    /** Whether the tool may run on this account. */
    boolean allowsTool(McpTool tool) {
        return (tool.readOnly() || !readOnly) && tools.matches(tool.name()) && !denyTools.matches(tool.name());
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

    /** The kinds of names a policy restricts. */
    enum NameKind {
        CONTAINER("container", "containers"), TABLE("table", "tables"), QUEUE("queue", "queues"),
        SHARE("share", "shares");

        final String singular;
        final String configKey;

        NameKind(String singular, String configKey) {
            this.singular = singular;
            this.configKey = configKey;
        }
    }
}
