package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * Start-up runs on two cores: while the main thread parses the command line and opens the accounts, one
 * thread loads SQLite's native library (about 115 ms, which the local provider would otherwise pay on the
 * main thread) and another loads and links what the first exchange needs — the JSON mapper and the
 * initialize / tools/list message types. Nothing they do is kept; a failure only means no head start.
 */
final class WarmUp {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"w\",\"version\":\"0\"}}}";

    private WarmUp() {
    }

    static void start() {
        daemon("unistore-warm-sqlite", WarmUp::sqlite);
        daemon("unistore-warm-json", WarmUp::json);
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private static void sqlite() {
        try {
            // By name: the server reaches SQLite only through storage-local.
            Class.forName("org.sqlite.SQLiteJDBCLoader").getMethod("initialize").invoke(null);
        } catch (Exception | LinkageError e) {
            // Only a head start.
        }
    }

    private static void json() {
        try {
            McpJsonMapper json = McpJsonDefaults.getMapper();
            McpSchema.JSONRPCMessage m = McpSchema.deserializeJsonRpcMessage(json, INITIALIZE);
            json.convertValue(((McpSchema.JSONRPCRequest) m).params(), McpSchema.InitializeRequest.class);
            McpSchema.Tool tool = McpSchema.Tool.builder().name("w").description("w")
                    .inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), false, null, null))
                    .annotations(new McpSchema.ToolAnnotations("w", true, false, true, false, null)).build();
            json.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 0,
                    new McpSchema.ListToolsResult(List.of(tool), null), null));
        } catch (Exception | LinkageError e) {
            // Only a head start: the real exchange loads whatever this did not.
        }
    }
}
