package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamable HTTP: the bearer token and the DNS-rebinding checks, each attacked, and a real client going
 * through with the right token.
 */
class HttpTransportIT {
    private static final String TOKEN = "t0k3n-" + System.nanoTime();

    @TempDir
    static Path dir;
    static HttpServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path config = ServerJar.localConfig(dir);
        server = HttpServerProcess.start(dir, "--config", config.toString(), "--token", TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String host() {
        return "127.0.0.1:" + server.port;
    }

    @Test
    void requestsWithoutTheTokenAreRefused() throws Exception {
        assertThat(server.postInitialize(host(), null, null)).isEqualTo(401);
        assertThat(server.postInitialize(host(), null, "Bearer wrong")).isEqualTo(401);
        assertThat(server.postInitialize(host(), null, "Bearer " + TOKEN + "x")).isEqualTo(401);
        assertThat(server.postInitialize(host(), null, TOKEN)).isEqualTo(401);
        assertThat(server.postInitialize(host(), null, "Bearer " + TOKEN)).isEqualTo(200);
    }

    @Test
    void foreignHostOrOriginIsRefused() throws Exception {
        String auth = "Bearer " + TOKEN;
        assertThat(server.postInitialize("evil.example:" + server.port, null, auth)).isIn(403, 421);
        assertThat(server.postInitialize(host(), "http://evil.example", auth)).isEqualTo(403);
        assertThat(server.postInitialize(host(), "http://localhost:" + server.port, auth)).isEqualTo(200);
        assertThat(server.postInitialize("localhost:" + server.port, null, auth)).isEqualTo(200);
    }

    @Test
    void sdkClientWithTheTokenWorks() {
        McpSyncClient client = server.client(TOKEN);
        try {
            assertThat(client.listTools().tools()).isNotNull();
            assertThat(client.listPrompts().prompts()).extracting(p -> p.name()).contains("explore-account");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void nonLoopbackBindWithoutTokenDoesNotStart() throws Exception {
        Process p = new ProcessBuilder(ServerJar.command(List.of("--config",
                ServerJar.localConfig(dir).toString(),
                "--http", "0.0.0.0:0"))).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("--token").doesNotContain("listening");
    }
}
