package io.unistore.testsupport.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's fidelity, judged by Google's official Node client: {@code node/scenarios/gcs-scenario.mjs}
 * runs buckets, multipart and (chunked) resumable uploads, ranged downloads, listing with prefix, delimiter
 * and paging, generations and preconditions, metadata patches, copies across buckets, a storage class
 * change, bucket lifecycle rules (appended, refused when malformed, cleared), deletes and error responses
 * against it, checking each answer.
 */
class GcsStandInNodeScenarioTest {

    @Test
    void officialNodeClientScenarioPasses() {
        try (GcsStandIn gcs = GcsStandIn.start()) {
            ManagedProcess.Result result = NodeBackends.runScript(
                    NodeBackends.nodeDir().resolve("scenarios/gcs-scenario.mjs"), List.of(gcs.endpoint()),
                    Duration.ofMinutes(2));
            System.out.println(result.output());
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains(", 0 failing").doesNotContain("FAIL ");
            // The scenario really went through the stand-in, including chunked resumable uploads.
            assertThat(gcs.requests()).anyMatch(r -> r.startsWith("PUT /upload/storage/v1/b/node-b1/o?")
                    && r.contains("upload_id="));
        }
    }
}
