package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts file: YAML or JSON, secrets from the environment, typos refused by name. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private List<AccountSpec> read(String text, Map<String, String> env) throws Exception {
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, text);
        return ConfigFile.read(file, env::get);
    }

    @Test
    void readsAccountsPoliciesAndEnvironmentSecrets() throws Exception {
        List<AccountSpec> specs = read("""
                accounts:
                  prod:
                    address: "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${env:KEY}"
                    options: { provider: azure }
                    policy:
                      readOnly: true
                      containers: ["public-*"]
                      denyTools: ["delete-*"]
                  dev:
                    address: file:/tmp/x
                """, Map.of("KEY", "c2VjcmV0"));
        assertThat(specs).extracting(AccountSpec::name).containsExactly("prod", "dev");
        AccountSpec prod = specs.get(0);
        assertThat(prod.address()).endsWith("AccountKey=c2VjcmV0");
        assertThat(prod.toString()).doesNotContain("c2VjcmV0");
        assertThat(prod.options()).containsEntry("provider", "azure");
        assertThat(prod.policy().readOnly()).isTrue();
        assertThat(prod.policy().containers().matches("public-logs")).isTrue();
        assertThat(prod.policy().containers().matches("private")).isFalse();
        assertThat(prod.policy().denyTools().matches("delete-blob")).isTrue();
        assertThat(prod.policy().tables().matches("anything")).isTrue();
        assertThat(specs.get(1).policy()).isEqualTo(AccountPolicy.OPEN);
    }

    @Test
    void jsonWorksToo() throws Exception {
        assertThat(read("{\"accounts\": {\"a\": {\"address\": \"file:/tmp/a\"}}}", Map.of())).hasSize(1);
    }

    @Test
    void missingVariableIsNamedWithoutValues() {
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: \"x;AccountKey=${env:NOPE}\"\n", Map.of()))
                .hasMessage("accounts.a.address: environment variable NOPE is not set");
    }

    @Test
    void unknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: file:/x\n    policy: { container: [a] }\n",
                Map.of())).hasMessageStartingWith("accounts.a.policy.container: unknown key");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    adress: file:/x\n", Map.of()))
                .hasMessageStartingWith("accounts.a.adress: unknown key");
        assertThatThrownBy(() -> read("accounts: {}\n", Map.of())).hasMessageStartingWith("accounts:");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    policy: {}\n", Map.of()))
                .hasMessageStartingWith("accounts.a.address: is required");
    }
}
