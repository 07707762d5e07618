package io.unistore.testsupport.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's fidelity, judged by a second, independent client: Microsoft's Node SDK (@azure/keyvault-keys,
 * pinned in node/package.json) runs node/scenarios/keyvault-stand-in.mjs against it over HTTPS with the bearer
 * challenge: the challenge itself, create, get latest and by version, wrap and unwrap (RSA-OAEP-256, RSA-OAEP,
 * A256KW), rotate, list versions, unwrapping an old version's wrap after a rotation, and the errors for a missing
 * key or version, a wrong key and an algorithm the key does not do.
 */
class KeyVaultStandInNodeScenarioTest {

    @Test
    void officialNodeSdkScenarioPasses(@TempDir Path dir) throws IOException {
        try (KeyVaultStandIn vault = KeyVaultStandIn.start()) {
            Path cert = Files.writeString(dir.resolve("stand-in.pem"), vault.tls().certificatePem());
            ManagedProcess.Result r = NodeBackends.runScript(NodeBackends.nodeDir().resolve(
                    "scenarios/keyvault-stand-in.mjs"), List.of(vault.vaultUrl(), String.valueOf(vault.port()),
                    cert.toString(), vault.accessToken()), Duration.ofMinutes(2));
            System.out.println(r.output());
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("scenario: 13 passed, 0 failed");
        }
    }
}
