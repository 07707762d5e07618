package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.gcs.GcsStandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * push-lifecycle on the Cloud Storage stand-in: the part of a policy the bucket can enforce is sent and read
 * back, the rest is named; a dry run sends nothing; local accounts do not list the tool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcsLifecycleToolsIT {
    static final String POLICY = """
            {"rules": [{"name": "logs", "definition": {"filters": {"prefixMatch": ["box/logs/"]},
              "actions": {"baseBlob": {"tierToCool": {"daysAfterModificationGreaterThan": 30},
                                       "delete": {"daysAfterModificationGreaterThan": 365},
                                       "compress": {"daysAfterModificationGreaterThan": 7}}}}}]}""";

    @TempDir
    static Path dir;
    GcsStandIn gcs;
    McpSession mcp;

    @BeforeAll
    void start() throws Exception {
        gcs = GcsStandIn.start();
        Map<String, String> options = Map.of("endpoint", gcs.endpoint(), "credentials", "none");
        try (StorageAccount account = Unistore.open("gs://unistore-test", options)) {
            account.blobs().createContainer("box");
        }
        Path config = ServerJar.writeConfig(dir, Map.of("gcs", Map.of("address", "gs://unistore-test",
                "options", options), "local", Map.of("address", "file:" + dir.resolve("data"))));
        mcp = McpSession.start("--config", config.toString()).connect();
    }

    @AfterAll
    void stop() {
        if (mcp != null) {
            mcp.close();
        }
        if (gcs != null) {
            gcs.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBucketGetsWhatItCanEnforceAndTheRestIsNamed() {
        Map<String, Object> policy = JsonMapper.shared().readValue(POLICY, Map.class);
        Map<String, Object> dry = mcp.call("push-lifecycle", args("account", "gcs", "container", "box", "policy",
                policy, "dryRun", true));
        assertThat(dry.get("readBack")).isNull();
        assertThat((List<Object>) dry.get("pushed")).hasSize(1);
        assertThat(gcs.requests()).noneMatch(r -> r.startsWith("PATCH /storage/v1/b/box"));

        Map<String, Object> pushed = mcp.call("push-lifecycle", args("account", "gcs", "container", "box", "policy",
                policy));
        System.out.println("[lifecycle] push-lifecycle: " + pushed);
        assertThat((List<Map<String, Object>>) pushed.get("pushed")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("id", "logs").containsEntry("prefix", "logs/")
                .containsEntry("transitions", Map.of("COOL", 30)).containsEntry("deleteAfterDays", 365));
        List<Map<String, Object>> back = (List<Map<String, Object>>) pushed.get("readBack");
        assertThat(back).extracting(r -> r.get("id"), r -> r.get("prefix"), r -> r.get("transitions"),
                r -> r.get("deleteAfterDays")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rule-1", "logs/", Map.of("COOL", 30), null),
                org.assertj.core.groups.Tuple.tuple("rule-2", "logs/", Map.of(), 365));
        assertThat((List<String>) pushed.get("keptClientSide")).singleElement().asString().contains("compress");
        assertThat(gcs.requests()).anyMatch(r -> r.startsWith("PATCH /storage/v1/b/box"));
        assertThat(mcp.error("push-lifecycle", args("account", "local", "container", "box", "policy", policy)))
                .contains("BLOB_CONTAINER_LIFECYCLE");
    }
}
