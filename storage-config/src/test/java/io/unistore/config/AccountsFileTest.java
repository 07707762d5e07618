package io.unistore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What both applications share: accounts, options, secrets from the environment, extra keys passed on. */
class AccountsFileTest {
    @TempDir
    Path dir;

    private List<AccountConfig> read(String text, Map<String, String> env, Set<String> extra) throws Exception {
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, text);
        return AccountsFile.read(file, env::get, extra);
    }

    @Test
    void readsAccountsAndKeepsExtraKeysUnread() throws Exception {
        List<AccountConfig> list = read("""
                accounts:
                  prod:
                    address: "AccountName=a;AccountKey=${env:KEY}"
                    options: { provider: azure, retries: 3 }
                    policy: { readOnly: true }
                  dev: { address: "file:/tmp/x" }
                """, Map.of("KEY", "c2VjcmV0"), Set.of("policy"));
        assertThat(list).extracting(AccountConfig::name).containsExactly("prod", "dev");
        assertThat(list.get(0).address()).endsWith("AccountKey=c2VjcmV0");
        assertThat(list.get(0).options()).containsEntry("provider", "azure").containsEntry("retries", "3");
        assertThat(list.get(0).extra().get("policy").get("readOnly").booleanValue()).isTrue();
        assertThat(list.get(0).toString()).doesNotContain("c2VjcmV0").doesNotContain("azure");
        assertThat(list.get(1).extra()).isEmpty();
    }

    @Test
    void keysTheApplicationDoesNotReadAreRefused() {
        assertThatThrownBy(() -> read("accounts:\n  a: { address: x, policy: {} }\n", Map.of(), Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("accounts.a.policy: unknown key (allowed: address, options)");
    }

    @Test
    void brokenRulesNameTheKey() {
        assertThatThrownBy(() -> read("accounts:\n  a: { address: x, options: { region: null } }\n", Map.of(),
                Set.of())).hasMessage("accounts.a.options.region: must be a string");
        assertThatThrownBy(() -> read("accounts:\n  'bad name': { address: x }\n", Map.of(), Set.of()))
                .hasMessageStartingWith("accounts.bad name: account names are");
        assertThatThrownBy(() -> read("accounts: {}\n", Map.of(), Set.of()))
                .hasMessageStartingWith("accounts: must map at least one");
        assertThatThrownBy(() -> read("accounts:\n  a: { address: \"${env:NOPE}\" }\n", Map.of(), Set.of()))
                .hasMessage("accounts.a.address: environment variable NOPE is not set");
    }

    @Test
    void substituteLeavesOtherDollarsAlone() {
        assertThat(EnvReferences.substitute("a${env:X}b$c${x}", "w", Map.of("X", "1")::get)).isEqualTo("a1b$c${x}");
        assertThat(AccountsFile.isAccountName("local")).isTrue();
        assertThat(AccountsFile.isAccountName("-x")).isFalse();
        assertThat(AccountsFile.isAccountName("a".repeat(64))).isFalse();
    }
}
