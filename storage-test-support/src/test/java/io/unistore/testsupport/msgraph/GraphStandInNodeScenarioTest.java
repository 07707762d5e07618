package io.unistore.testsupport.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's fidelity, judged by Microsoft's official Node SDK for Graph: {@code node/scenarios/msgraph-stand-in.mjs}
 * creates folders (conflict fail and rename), uploads small files by path and large ones through upload sessions
 * ({@code LargeFileUploadTask}, {@code OneDriveLargeFileUploadTask}), cancels a session, reads content and ranges,
 * pages children with {@code PageIterator}, renames and moves with PATCH, checks If-Match and error JSON, deletes.
 */
class GraphStandInNodeScenarioTest {

    @Test
    void officialNodeClientScenarioPasses() {
        try (GraphStandIn graph = GraphStandIn.start()) {
            ManagedProcess.Result result = NodeBackends.runScript(
                    NodeBackends.nodeDir().resolve("scenarios/msgraph-stand-in.mjs"),
                    List.of(graph.endpoint(), graph.driveId(), graph.token()), Duration.ofMinutes(2));
            System.out.println(result.output());
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains(", 0 failed").doesNotContain("FAIL ");
            // The scenario really went through the stand-in, upload sessions included.
            assertThat(graph.requests()).anyMatch(r -> r.startsWith("PUT /_upload/"));
            assertThat(graph.requests()).anyMatch(r -> r.contains("/createUploadSession"));
        }
    }
}
