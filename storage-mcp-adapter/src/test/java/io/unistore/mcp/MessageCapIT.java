package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON-RPC message is at most --max-message-bytes (16 MiB by default): a larger one gets a JSON-RPC error
 * naming the limit, with the request's id, and the session goes on, on stdio and on HTTP.
 */
class MessageCapIT {
    @TempDir
    Path dir;

    private static String upload(int id, int contentChars) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"upload-blob\","
                + "\"arguments\":{\"container\":\"big\",\"blob\":\"b\",\"content\":\"" + "x".repeat(contentChars)
                + "\"}}}";
    }

    @Test
    void stdioRefusesAMessageOverTheCapAndGoesOn() throws Exception {
        Path config = ServerJar.localConfig(dir);
        try (RawStdio s = RawStdio.start(dir, Map.of(), "--config", config.toString(), "--max-message-bytes",
                "100000")) {
            s.initialize();
            s.send(upload(7, 200_000));
            JsonNode over = s.response();
            assertThat(over).as("an answer to the oversized message").isNotNull();
            assertThat(over.path("id").asInt()).isEqualTo(7);
            assertThat(over.path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(over.path("error").path("message").asString()).contains("100000")
                    .contains("--max-message-bytes");
            assertThat(s.request(8, "ping", Map.of()).has("result")).isTrue();
        }
    }

    @Test
    void theDefaultCapIsSixteenMebibytes() throws Exception {
        try (RawStdio s = RawStdio.start(dir, Map.of(), "--config", ServerJar.localConfig(dir).toString())) {
            s.initialize();
            s.send(upload(9, 17 * 1024 * 1024));
            JsonNode over = s.response();
            assertThat(over).as("an answer to a 17 MiB message").isNotNull();
            assertThat(over.path("error").path("message").asString()).contains("16777216");
            assertThat(s.request(10, "ping", Map.of()).has("result")).isTrue();
        }
    }

    @Test
    void httpRefusesABodyOverTheCapWithAJsonRpcError() throws Exception {
        String token = "tok-" + System.nanoTime();
        Path config = ServerJar.localConfig(dir);
        try (HttpServerProcess server = HttpServerProcess.start(dir, "--config", config.toString(), "--token",
                token, "--max-message-bytes", "100000")) {
            String session = server.openSession(token);
            HttpServerProcess.Reply over = server.post(token, session, upload(11, 200_000)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(over.status()).isEqualTo(413);
            JsonNode error = JsonMapper.shared().readTree(over.body());
            assertThat(error.path("jsonrpc").asString()).isEqualTo("2.0");
            assertThat(error.path("id").asInt()).isEqualTo(11);
            assertThat(error.path("error").path("message").asString()).contains("100000");
            HttpServerProcess.Reply ping = server.post(token, session,
                    "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.body()).contains("\"id\":12");
        }
    }
}
