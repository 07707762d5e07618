package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Start-up runs on two cores: while the main thread parses the command line (picocli: its classes are too old
 * a class-file version for the class-data-sharing archive, so they load and verify from the jar) and opens
 * the accounts, {@link #EARLY} builds what needs no argument (the tools' definitions, see Main), and a warm-up
 * thread loads and links what the first exchange needs — the JSON mapper and the initialize / tools/list
 * message types — then SQLite's native library (about 100 ms; the local provider opens its database on the
 * first call, after the first answer). Nothing the warm-up does is kept; a failure only means no head start.
 */
final class WarmUp {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"w\",\"version\":\"0\"}}}";

    /** Runs each task on a daemon thread of its own, for start-up work that needs no argument. */
    static final Executor EARLY = task -> daemon("unistore-early", task);

    private WarmUp() {
    }

    static void start() {
        daemon("unistore-warm", () -> {
            json();
            sqlite();
        });
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
