package io.unistore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged bench jar's quick mode ({@code all --quick}) the way a user runs the full one, and checks that
 * every section measured its figures and that the report and its charts were written. It checks that the harness
 * works, not its numbers.
 */
class BenchQuickIT {

    @Test
    void quickModeMeasuresEverySectionAndWritesTheReport() throws Exception {
        Path jar = Path.of(System.getProperty("unistore.bench.jar", "target/unistore-bench.jar"));
        Path report = Path.of("target/quick-it/benchmarks.md").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "all", "--quick", "--out", report.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Path.of("target/quick-it.log").toFile()).start();
        // A cap for a hung run, not a speed check: on a loaded 2-core CI machine a healthy quick run took 5 minutes.
        boolean finished = p.waitFor(12, TimeUnit.MINUTES);
        String log = Files.readString(Path.of("target/quick-it.log"), StandardCharsets.UTF_8);
        if (!finished) {
            // The run's back ends (Azurite, S3Proxy, the stand-ins) are its children: they must not outlive it.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertThat(finished).as("quick run finished; log:\n%s", log).isTrue();
        assertThat(p.exitValue()).as("exit code; log:\n%s", log).isZero();

        String md = Files.readString(report);
        assertThat(md).contains("profile | quick").doesNotContain("the section stopped early");
        for (String heading : List.of("## Abstraction overhead", "## Local provider", "## Table bulk load",
                "## Large transfers", "## MCP server", "## Bulk copy", "## Command line", "## Distributed copy",
                "## Read cache")) {
            assertThat(md).contains(heading);
        }
        // One row per figure and reference: Azurite x7, S3Proxy x3, GCS x3 in the micro section alone.
        assertThat(md).contains("Azurite: 4 KiB blob put", "S3Proxy: 4 KiB blob get", "GCS stand-in: list 50 blobs",
                "Azurite: queue send + receive + delete", "entity upsert (replace)", "blob write 8 MiB",
                "Azurite: 500 entities", "local: 500 entities", "Azurite: upload 8 MiB", "S3Proxy: download 8 MiB",
                "GCS stand-in: upload 8 MiB", "cold start to the first tools/list answer", "per call: get-entity",
                "repeated point query, local", "repeated point query, azurite", "| uncached getEntity |");
        assertThat(md).contains("| @google-cloud/storage-mcp |", "| @azure/mcp |");
        if (Rclone.version().isPresent()) {
            assertThat(md).contains("20 x 4 KiB objects", "1 x 8 MiB object", "| rclone --transfers 32 |",
                    "cp 20 x 4 KiB objects", "sync 20 x 4 KiB objects", "second sync, nothing to do");
        } else {
            assertThat(md).contains("rclone is not installed");
        }
        Path charts = report.resolveSibling("benchmarks");
        for (String png : List.of("micro.png", "local.png", "bulk.png", "large.png", "mcp.png", "cache.png")) {
            assertThat(charts.resolve(png)).isRegularFile();
            assertThat(Files.size(charts.resolve(png))).isGreaterThan(1000);
        }
    }
}
