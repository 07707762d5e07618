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
 * A message the server cannot parse (broken JSON, JSON nested deeper than the parser's limit of 500, JSON that
 * is no JSON-RPC message) gets a JSON-RPC error answer, and the session goes on: on stdio, where one such line
 * used to stop the server answering anything, and on HTTP, where the answer was a serialized Java exception.
 */
class UnparsableMessageIT {
    private static final String TOO_DEEP = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"upsert-entity\",\"arguments\":{\"table\":\"Deep\",\"entity\":{\"partitionKey\":\"p\","
            + "\"rowKey\":\"r\",\"properties\":{\"A\":" + "[".repeat(600) + "]".repeat(600) + "}}}}}";

    @TempDir
    Path dir;

    @Test
    void stdioAnswersEveryBadLineAndKeepsServing() throws Exception {
        try (RawStdio s = RawStdio.start(dir, Map.of(), "--config", ServerJar.localConfig(dir).toString())) {
            assertThat(s.initialize().path("result").has("protocolVersion")).isTrue();

            s.send("not JSON at all");
            JsonNode garbage = s.response();
            assertThat(garbage).as("an answer to a line of garbage").isNotNull();
            assertThat(garbage.path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(garbage.get("id").isNull()).as("no id to answer: null, as JSON-RPC asks").isTrue();

            s.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/li");
            JsonNode broken = s.response();
            assertThat(broken).as("an answer to a broken line").isNotNull();
            assertThat(broken.path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(broken.path("id").asInt()).as("the id read before the break, so the request fails at once")
                    .isEqualTo(2);

            s.send(TOO_DEEP);
            JsonNode deep = s.response();
            assertThat(deep).as("an answer to a message nested 600 deep").isNotNull();
            assertThat(deep.path("error").path("code").asInt()).isIn(-32700, -32600);
            assertThat(deep.path("id").asInt()).as("the id is found even so").isEqualTo(3);
            assertThat(deep.path("error").path("message").asString()).contains("500");

            s.send("[1,2,3]");
            JsonNode notRpc = s.response();
            assertThat(notRpc).isNotNull();
            assertThat(notRpc.path("error").path("code").asInt()).isEqualTo(-32600);

            JsonNode tools = s.request(4, "tools/list", Map.of());
            assertThat(tools).as("tools/list after the bad lines").isNotNull();
            assertThat(tools.path("result").path("tools").size()).isGreaterThan(30);
            assertThat(s.stderr()).doesNotContain("\tat ");
        }
    }

    @Test
    void httpAnswersBadBodiesWithJsonRpcErrorsAndKeepsTheSession() throws Exception {
        String token = "tok-" + System.nanoTime();
        Path config = ServerJar.localConfig(dir);
        try (HttpServerProcess server = HttpServerProcess.start(dir, "--config", config.toString(), "--token",
                token)) {
            String session = server.openSession(token);
            HttpServerProcess.Reply broken = server.post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"met"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(broken.status()).isEqualTo(400);
            assertJsonRpcError(broken.body(), -32700);

            HttpServerProcess.Reply deep = server.post(token, session, TOO_DEEP.getBytes(StandardCharsets.UTF_8));
            assertThat(deep.status()).isEqualTo(400);
            JsonNode error = assertJsonRpcError(deep.body(), -32600, -32700);
            assertThat(error.path("id").asInt()).isEqualTo(3);

            HttpServerProcess.Reply ping = server.post(token, session,
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.body()).contains("\"id\":5").contains("\"result\"");
            assertThat(server.log()).doesNotContain("\tat ");
        }
    }

    private static JsonNode assertJsonRpcError(String body, Integer... codes) {
        assertThat(body).doesNotContain("stackTrace").doesNotContain("Exception");
        JsonNode reply = JsonMapper.shared().readTree(body);
        assertThat(reply.path("jsonrpc").asString()).as(body).isEqualTo("2.0");
        assertThat(reply.path("error").path("code").asInt()).as(body).isIn((Object[]) codes);
        assertThat(reply.path("error").path("message").asString()).as(body).isNotBlank();
        return reply;
    }
}
