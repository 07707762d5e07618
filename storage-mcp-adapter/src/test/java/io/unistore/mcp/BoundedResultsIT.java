package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results that grow with the data stay within --max-inline-bytes: a page of large entities or blobs comes back
 * shorter, with a continuationToken that reaches the rest; an inline CSV export is measured in bytes, not
 * characters, and refused with the way out (localPath) when it does not fit.
 */
class BoundedResultsIT {
    private static final int LIMIT = 20_000;

    @TempDir
    Path dir;

    private static int jsonBytes(Object value) {
        return JsonMapper.shared().writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    @SuppressWarnings("unchecked")
    void largeResultsStayWithinTheInlineLimit() throws Exception {
        Path config = ServerJar.localConfig(dir);
        try (McpSession s = McpSession.start("--config", config.toString(), "--max-inline-bytes",
                String.valueOf(LIMIT)).connect()) {
            s.call("create-table", args("table", "Wide"));
            s.call("create-container", args("container", "wide"));
            Map<String, String> metadata = new HashMap<>();
            for (int m = 0; m < 8; m++) {
                metadata.put("k" + m, "v".repeat(250));
            }
            for (int i = 0; i < 30; i++) {
                s.call("upsert-entity", args("table", "Wide", "entity", Map.of("partitionKey", "p", "rowKey",
                        String.format("r%02d", i), "properties", Map.of("Text", "t".repeat(2000)))));
                s.call("upload-blob", args("container", "wide", "blob", String.format("b%02d", i), "content", "x",
                        "metadata", metadata));
            }
            List<Object> rows = new ArrayList<>();
            Object token = null;
            int pages = 0;
            do {
                Map<String, Object> page = s.call("query-entities", token == null ? args("table", "Wide", "top", 30)
                        : args("table", "Wide", "top", 30, "continuationToken", token));
                List<Map<String, Object>> entities = (List<Map<String, Object>>) page.get("entities");
                assertThat(jsonBytes(entities)).as("page %d", pages).isLessThanOrEqualTo(LIMIT);
                entities.forEach(e -> rows.add(e.get("rowKey")));
                token = page.get("continuationToken");
                pages++;
            } while (token != null && pages < 50);
            assertThat(pages).isGreaterThan(1);
            assertThat(rows).hasSize(30).doesNotHaveDuplicates();

            Map<String, Object> blobs = s.call("list-blobs", args("container", "wide", "pageSize", 30));
            assertThat(jsonBytes(blobs.get("blobs"))).isLessThanOrEqualTo(LIMIT);
            assertThat(blobs.get("continuationToken")).isNotNull();

            // An inline CSV of 15,000 characters is 30,000 bytes: over the limit, though not in characters.
            s.call("create-table", args("table", "Accents"));
            for (int i = 0; i < 5; i++) {
                s.call("upsert-entity", args("table", "Accents", "entity", Map.of("partitionKey", "p", "rowKey",
                        "r" + i, "properties", Map.of("Text", "é".repeat(3000)))));
            }
            assertThat(s.error("export-table-csv", args("table", "Accents"))).startsWith("[INVALID_ARGUMENT]")
                    .contains(String.valueOf(LIMIT)).contains("localPath");
            s.call("upsert-entity", args("table", "Accents", "entity", Map.of("partitionKey", "p", "rowKey", "r0",
                    "properties", Map.of("Text", "é"))));
            for (int i = 1; i < 5; i++) {
                s.call("delete-entity", args("table", "Accents", "partitionKey", "p", "rowKey", "r" + i));
            }
            assertThat((String) s.call("export-table-csv", args("table", "Accents")).get("content")).contains("é");
        }
    }
}
