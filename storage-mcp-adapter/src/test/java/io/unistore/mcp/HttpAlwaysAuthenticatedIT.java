package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP needs a bearer token on loopback too: without --token the server makes one and prints it once on
 * stderr; --no-auth is an explicit opt-out that works on loopback only and says so in the log.
 */
class HttpAlwaysAuthenticatedIT {
    private static final Pattern TOKEN_LINE = Pattern.compile("bearer token for this run: (\\S+)");

    @TempDir
    Path dir;

    @Test
    void withoutTokenAGeneratedOneIsRequired() throws Exception {
        Path config = ServerJar.localConfig(dir);
        try (HttpServerProcess server = HttpServerProcess.start(dir, "--config", config.toString())) {
            String host = "127.0.0.1:" + server.port;
            assertThat(server.postInitialize(host, null, null)).isEqualTo(401);
            String token = awaitToken(server);
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            assertThat(server.postInitialize(host, null, "Bearer " + token + "x")).isEqualTo(401);
            assertThat(server.postInitialize(host, null, "Bearer " + token)).isEqualTo(200);
            var client = server.client(token);
            try {
                assertThat(client.listTools().tools()).isNotEmpty();
            } finally {
                client.closeGracefully();
            }
            String log = server.log();
            assertThat(log.indexOf(token)).as("printed once").isEqualTo(log.lastIndexOf(token));
        }
    }

    @Test
    void noAuthIsAnExplicitLoopbackOnlyOptOut() throws Exception {
        Path config = ServerJar.localConfig(dir);
        try (HttpServerProcess server = HttpServerProcess.start(dir, "--config", config.toString(), "--no-auth")) {
            assertThat(server.postInitialize("127.0.0.1:" + server.port, null, null)).isEqualTo(200);
            assertThat(server.log()).contains("--no-auth").containsIgnoringCase("warn");
        }
        for (List<String> refused : List.of(List.of("--http", "0.0.0.0:0", "--no-auth"),
                List.of("--http", "127.0.0.1:0", "--no-auth", "--token", "t0ken-abc"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--config", config.toString()));
            args.addAll(refused);
            Process p = new ProcessBuilder(ServerJar.command(args)).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(output).isEqualTo(2);
            assertThat(output).contains("--no-auth").doesNotContain("listening");
        }
    }

    private static String awaitToken(HttpServerProcess server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = TOKEN_LINE.matcher(server.log());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no generated token in the log:\n" + server.log());
    }
}
