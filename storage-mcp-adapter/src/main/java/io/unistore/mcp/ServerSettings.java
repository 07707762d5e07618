package io.unistore.mcp;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the command line and the config file decided.
 *
 * @param accounts the accounts to serve
 * @param readOnly whether only read-only tools are listed and run
 * @param tools tool name patterns to serve ({@link NamePatterns#ANY}: all)
 * @param denyTools tool name patterns never to serve
 * @param allowPaths local directories a {@code localPath} may be inside
 * @param clientRootsWiden whether the client's MCP roots are allowed besides {@code allowPaths} (stdio: the client
 *        started the server) or only narrow them (HTTP: the client may be any local process)
 * @param maxInlineBytes the most content bytes passed inline in a tool call or result
 */
record ServerSettings(List<AccountSpec> accounts, boolean readOnly, NamePatterns tools, NamePatterns denyTools,
                      List<Path> allowPaths, boolean clientRootsWiden, int maxInlineBytes) {

    /** 4 MiB: large enough for documents and images, small enough for an agent's context. */
    static final int DEFAULT_MAX_INLINE_BYTES = 4 * 1024 * 1024;

    ServerSettings {
        accounts = List.copyOf(accounts);
        allowPaths = List.copyOf(allowPaths);
    }

    /** Why the server's own settings refuse to list the tool, or null when they allow it. */
    String refusal(McpTool tool) {
        if (readOnly && !tool.readOnly()) {
            return "the server runs with --read-only and '" + tool.name() + "' writes";
        }
        return toolRefusal(tool.name());
    }

    /** Why --tools or --deny-tools refuse a tool of that name, or null when they allow it. */
    String toolRefusal(String name) {
        if (!tools.matches(name)) {
            return "'" + name + "' is not among the tools the server was started with (--tools " + tools + ")";
        }
        if (denyTools.matches(name)) {
            return "'" + name + "' is denied by the server's --deny-tools " + denyTools;
        }
        return null;
    }
}
