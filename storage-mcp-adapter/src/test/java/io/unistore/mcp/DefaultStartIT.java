package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no arguments the jar serves ./unistore-data over stdio, and stdout carries nothing but MCP. */
class DefaultStartIT {
    @TempDir
    Path dir;

    @Test
    void servesTheLocalDirectoryOfTheWorkingDirectory() throws Exception {
        Process p = new ProcessBuilder(ServerJar.command(List.of())).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"create-container\","
                    + "\"arguments\":{\"container\":\"here\"}}}\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String first = out.readLine();
            String second = out.readLine();
            assertThat(first).startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":");
            assertThat(second).startsWith("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":").contains("\"created\":true");
            in.close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exits when stdin closes").isTrue();
            assertThat(out.readLine()).isNull();
        }
        assertThat(p.exitValue()).isZero();
        assertThat(dir.resolve("unistore-data")).isDirectory();
        assertThat(java.nio.file.Files.readString(dir.resolve("stderr.txt"))).contains("accounts [local]");
    }

    @Test
    void helpDocumentsEveryOption() throws Exception {
        Process p = new ProcessBuilder(ServerJar.command(List.of("--help"))).redirectErrorStream(true).start();
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(help).contains("--config", "--http", "--token", "--read-only", "--tools", "--deny-tools",
                "--allow-path", "--max-inline-bytes", "--allow-host", "${env:NAME}", "--no-auth",
                "--max-message-bytes");
    }
}
