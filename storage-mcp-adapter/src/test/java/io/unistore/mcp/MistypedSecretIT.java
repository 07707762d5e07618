package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An address with a typo that no cloud provider claims (a connection string with commas, a SAS URL missing its
 * colon) is not taken for a local directory: no folder named after the secret is created, and the secret
 * appears neither on stderr nor in the answer of a call on that account.
 */
class MistypedSecretIT {
    private static final String SECRET = "U2VjcmV0S2V5VmFsdWVGb3JUZXN0aW5n";

    @TempDir
    Path dir;

    @Test
    void mistypedAddressesBecomeNoDirectoryAndLeakNothing() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, Object> accounts = Map.of(
                "commas", Map.of("address", "${env:COMMAS}"),
                "nocolon", Map.of("address", "${env:NOCOLON}"),
                "keytypo", Map.of("address", "${env:KEYTYPO}"));
        Path config = ServerJar.writeConfig(dir, accounts);
        Map<String, String> env = Map.of(
                "COMMAS", "DefaultEndpointsProtocol=https,AccountName=acct,AccountKey=" + SECRET + "==",
                "NOCOLON", "https//acct.blob.core.windows.net/box?sv=2024-08-04&sr=c&sp=rl&sig=" + SECRET,
                "KEYTYPO", "AcountKey=" + SECRET + "==,AccountName=acct");
        try (RawStdio s = RawStdio.start(work, env, "--config", config.toString())) {
            s.initialize();
            int id = 1;
            for (String account : List.of("commas", "nocolon", "keytypo")) {
                JsonNode r = s.request(id++, "tools/call", Map.of("name", "list-containers", "arguments",
                        Map.of("account", account)));
                assertThat(r).isNotNull();
                assertThat(r.toString()).as(account).contains("isError").doesNotContain(SECRET);
            }
            assertThat(s.stderr()).doesNotContain(SECRET);
        }
        try (Stream<Path> made = Files.walk(work)) {
            assertThat(made.map(Path::toString)).noneMatch(p -> p.contains(SECRET) || p.contains("AccountName")
                    || p.contains("blob.core"));
        }
    }
}
