package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP the client is not the user who started the server: the MCP roots it declares may only narrow
 * --allow-path, never widen it. A client declaring file:/// reads and writes nothing outside --allow-path.
 */
class HttpRootsIT {
    private static final String TOKEN = "roots-" + System.nanoTime();

    @TempDir
    Path dir;

    private static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    private static String error(McpSyncClient c, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = call(c, tool, args);
        assertThat(r.isError()).as("%s should fail: %s", tool, r.structuredContent()).isTrue();
        return McpSession.text(r);
    }

    private static void ok(McpSyncClient c, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = call(c, tool, args);
        assertThat(r.isError()).as("%s failed: %s", tool, McpSession.text(r)).isFalse();
    }

    @Test
    void clientRootsNarrowAllowPathAndNeverWidenIt() throws Exception {
        Path allowed = Files.createDirectories(dir.resolve("allowed"));
        Path narrow = Files.createDirectories(allowed.resolve("narrow"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path inAllowed = Files.writeString(allowed.resolve("a.txt"), "allowed");
        Path inNarrow = Files.writeString(narrow.resolve("n.txt"), "narrow");
        Path secret = Files.writeString(outside.resolve("secret.txt"), "not for HTTP clients");
        Path config = ServerJar.localConfig(dir);
        Path everything = dir.getRoot();
        try (HttpServerProcess server = HttpServerProcess.start(dir, "--config", config.toString(), "--token", TOKEN,
                "--allow-path", allowed.toString())) {
            McpSyncClient wide = server.client(TOKEN, List.of(everything));
            try {
                ok(wide, "create-container", args("container", "roots"));
                assertThat(error(wide, "upload-blob", args("container", "roots", "blob", "s", "localPath",
                        secret.toString()))).startsWith("[PERMISSION_DENIED]");
                ok(wide, "upload-blob", args("container", "roots", "blob", "a", "localPath", inAllowed.toString()));
                Path dropped = outside.resolve("dropped.txt");
                assertThat(error(wide, "download-blob", args("container", "roots", "blob", "a", "localPath",
                        dropped.toString()))).startsWith("[PERMISSION_DENIED]");
                assertThat(dropped).doesNotExist();
            } finally {
                wide.closeGracefully();
            }
            McpSyncClient narrowed = server.client(TOKEN, List.of(narrow));
            try {
                assertThat(error(narrowed, "upload-blob", args("container", "roots", "blob", "a2", "localPath",
                        inAllowed.toString()))).startsWith("[PERMISSION_DENIED]");
                ok(narrowed, "upload-blob", args("container", "roots", "blob", "n", "localPath", inNarrow.toString()));
            } finally {
                narrowed.closeGracefully();
            }
        }
        try (HttpServerProcess server = HttpServerProcess.start(dir, "--config", config.toString(), "--token",
                TOKEN)) {
            McpSyncClient wide = server.client(TOKEN, List.of(everything));
            try {
                assertThat(error(wide, "upload-blob", args("container", "roots", "blob", "s", "localPath",
                        secret.toString()))).startsWith("[PERMISSION_DENIED]").contains("--allow-path");
            } finally {
                wide.closeGracefully();
            }
        }
    }
}
