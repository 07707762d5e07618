package io.unistore.testsupport.azurefiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's fidelity, judged by a second, independent client: Microsoft's Node SDK
 * (@azure/storage-file-share, pinned in node/package.json) runs node/scenarios/files-stand-in.mjs against it,
 * path-style, with its own SharedKey signing.
 */
class FilesStandInNodeScenarioTest {

    @Test
    void officialNodeSdkScenarioPasses() {
        try (AzureFilesStandIn standIn = AzureFilesStandIn.start()) {
            ManagedProcess.Result r = NodeBackends.runScript(NodeBackends.nodeDir().resolve(
                    "scenarios/files-stand-in.mjs"), List.of(standIn.pathStyleUrl(), AzureFilesStandIn.ACCOUNT,
                    AzureFilesStandIn.KEY), Duration.ofMinutes(2));
            System.out.println(r.output());
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("scenario: 16 passed, 0 failed");
        }
    }
}
