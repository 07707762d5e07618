package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long upload reports progress to a client that asked for it and stops when the client cancels it,
 * leaving no blob behind. Driven with raw JSON-RPC lines, since cancelling needs the request's id.
 */
class CancellationIT {
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    @Test
    void cancelledUploadStopsAndLeavesNothing() throws Exception {
        Path exchange = Files.createDirectories(dir.resolve("exchange"));
        Path big = exchange.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(256L * 1024 * 1024);
        }
        Path config = ServerJar.localConfig(dir);
        Process p = new ProcessBuilder(ServerJar.command(List.of("--config", config.toString(), "--allow-path",
                exchange.toString()))).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
            assertThat(out.readLine()).contains("\"id\":1");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, call(2, "create-container", "{\"container\":\"cancels\"}", null));
            assertThat(out.readLine()).contains("\"id\":2").contains("\"created\":true");

            send(in, call(3, "upload-blob", "{\"container\":\"cancels\",\"blob\":\"big\",\"localPath\":\""
                    + big.toString().replace("\\", "\\\\") + "\"}", "tok-3"));
            JsonNode first = JSON.readTree(out.readLine());
            assertThat(first.path("method").asString()).as(first.toString()).isEqualTo("notifications/progress");
            assertThat(first.path("params").path("progressToken").asString()).isEqualTo("tok-3");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3,"
                    + "\"reason\":\"user pressed stop\"}}");
            JsonNode result;
            do {
                result = JSON.readTree(out.readLine());
            } while (!result.has("id"));
            assertThat(result.path("id").asInt()).isEqualTo(3);
            assertThat(result.path("result").path("isError").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.toString()).contains("cancelled");

            send(in, call(4, "list-blobs", "{\"container\":\"cancels\"}", null));
            JsonNode listing;
            do {
                listing = JSON.readTree(out.readLine());
            } while (!listing.has("id"));
            assertThat(listing.path("result").path("structuredContent").path("blobs").size()).isZero();
            in.close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    private static String call(int id, String tool, String arguments, String progressToken) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + (progressToken == null ? ""
                : ",\"_meta\":{\"progressToken\":\"" + progressToken + "\"}") + "}}";
    }

    private static void send(OutputStream in, String line) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
