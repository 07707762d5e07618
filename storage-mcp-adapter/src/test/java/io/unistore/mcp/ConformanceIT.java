package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * @modelcontextprotocol/conformance against the Streamable HTTP transport: every scenario passes except
 * those that need the suite's own test_* fixtures, listed in conformance-baseline.yml.
 */
class ConformanceIT {
    @TempDir
    Path dir;

    @Test
    void passesEveryScenarioThatNeedsNoFixture() throws Exception {
        NodeTool.assumeInstalled();
        Path config = ServerJar.localConfig(dir);
        Path baseline = dir.resolve("baseline.yml");
        try (var in = getClass().getResourceAsStream("/conformance-baseline.yml")) {
            Files.copy(in, baseline);
        }
        try (HttpServerProcess server = HttpServerProcess.start(dir, "--config", config.toString(),
                "--no-auth")) {
            NodeTool.Run run = NodeTool.run(dir, "@modelcontextprotocol/conformance/dist/index.js",
                    List.of("server", "--url", server.url(), "--expected-failures", baseline.toString(),
                            "-o", dir.resolve("results").toString()), 240);
            String summary = run.output().substring(Math.max(0, run.output().indexOf("=== SUMMARY ===")));
            System.out.println(summary);
            assertThat(run.exitCode()).as(run.output()).isZero();
            for (String scenario : List.of("server-initialize", "logging-set-level", "ping", "completion-complete",
                    "tools-list", "server-sse-multiple-streams", "resources-list", "resources-subscribe",
                    "resources-unsubscribe", "prompts-list", "dns-rebinding-protection")) {
                assertThat(summary).as(scenario).containsPattern("✓ " + scenario + ": \\d+ passed, 0 failed");
            }
        }
    }
}
