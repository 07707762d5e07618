package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter nested thousands of levels deep gets INVALID_ARGUMENT naming the limit, at once, with no stack
 * trace on stderr, and the server answers the next call; a long flat chain of comparisons still works.
 */
class DeepFilterIT {
    @TempDir
    Path dir;

    @Test
    void deepFiltersAreRefusedByTheLimitAndTheServerGoesOn() throws Exception {
        Path config = ServerJar.localConfig(dir);
        try (McpSession s = McpSession.start("--config", config.toString()).connect()) {
            s.call("create-table", args("table", "Deep"));
            s.call("upsert-entity", args("table", "Deep", "entity", Map.of("partitionKey", "a", "rowKey", "r7")));
            String parens = "(".repeat(3000) + "PartitionKey eq 'a'" + ")".repeat(3000);
            String nots = "not ".repeat(20_000) + "PartitionKey eq 'a'";
            for (String filter : List.of(parens, nots)) {
                assertThat(s.error("query-entities", args("table", "Deep", "filter", filter)))
                        .startsWith("[INVALID_ARGUMENT]").contains("filter").contains("100");
                assertThat(s.error("export-table-csv", args("table", "Deep", "filter", filter)))
                        .startsWith("[INVALID_ARGUMENT]").contains("100");
            }
            String chain = IntStream.range(0, 5000).mapToObj(i -> "RowKey eq 'r" + i + "'")
                    .collect(Collectors.joining(" or "));
            assertThat(s.call("query-entities", args("table", "Deep", "filter", chain)).get("entities")).asList()
                    .hasSize(1);
            assertThat(s.call("query-entities", args("table", "Deep")).get("entities")).asList().hasSize(1);
            assertThat(s.stderr.toString()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
        }
    }
}
