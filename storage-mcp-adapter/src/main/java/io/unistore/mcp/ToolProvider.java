package io.unistore.mcp;

import java.util.List;

/**
 * Adds tools to unistore-mcp without touching its core: register an implementation in
 * {@code META-INF/services/io.unistore.mcp.ToolProvider} (storage-ops does so for backup, migration and CSV
 * tools). The server lists a tool only when some account has every capability it {@linkplain McpTool#requires()
 * requires} and the safety settings allow it.
 */
public interface ToolProvider {
    /** The tools this provider adds; names must be unique across providers. */
    List<McpTool> tools();
}
