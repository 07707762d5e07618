package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link inside --allow-path that points at a file which does not exist yet, outside the allowed
 * directory, must not let a localPath or checkpointPath create that file: links are resolved, and a link that
 * leads nowhere is refused.
 */
class DanglingLinkIT {
    @TempDir
    Path dir;

    @Test
    void danglingLinksAreRefusedAndNothingIsCreatedOutside() throws Exception {
        Path allowed = Files.createDirectories(dir.resolve("allowed"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path journalTarget = outside.resolve("autostart.desktop");
        Path downloadTarget = outside.resolve("profile.sh");
        Path csvTarget = outside.resolve("export.csv");
        Path journal = Files.createSymbolicLink(allowed.resolve("journal"), journalTarget);
        Path download = Files.createSymbolicLink(allowed.resolve("download"), downloadTarget);
        Path csv = Files.createSymbolicLink(allowed.resolve("csv"), csvTarget);
        Path config = ServerJar.localConfig(dir);
        try (McpSession s = McpSession.start("--config", config.toString(), "--allow-path", allowed.toString())
                .connect()) {
            s.call("create-container", args("container", "src"));
            s.call("upload-blob", args("container", "src", "blob", "a.txt", "content", "echo pwned"));
            s.call("create-table", args("table", "Rows"));
            s.call("upsert-entity", args("table", "Rows", "entity", Map.of("partitionKey", "p", "rowKey", "r")));

            assertThat(s.error("copy-container", args("sourceContainer", "src", "targetContainer", "dst",
                    "checkpointPath", journal.toString()))).startsWith("[").contains("checkpointPath")
                    .contains("link");
            assertThat(s.error("download-blob", args("container", "src", "blob", "a.txt", "localPath",
                    download.toString()))).startsWith("[").contains("localPath").contains("link");
            assertThat(s.error("export-table-csv", args("table", "Rows", "localPath", csv.toString())))
                    .startsWith("[").contains("localPath");
            assertThat(s.error("upload-blob", args("container", "src", "blob", "b", "localPath",
                    download.toString()))).startsWith("[").contains("localPath");
        }
        assertThat(journalTarget).doesNotExist();
        assertThat(downloadTarget).doesNotExist();
        assertThat(csvTarget).doesNotExist();
        assertThat(Files.isSymbolicLink(download)).as("the link itself is left alone").isTrue();
    }
}
