package io.unistore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.s3proxy.S3Proxy;
import io.unistore.testsupport.secrets.Canaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bin/unistore against Azurite ('az') and S3Proxy ('s3'), both started by the test, through an accounts file in
 * unistore-mcp's format whose secrets come from the environment: up, check, a second sync with nothing to do,
 * down, cat, stat, rm, and copies between the two. No secret may reach stdout or stderr.
 */
class CliBackendsIT {
    @TempDir
    static Path dir;
    static Launcher unistore;
    static final List<Launcher.Run> RUNS = new ArrayList<>();
    static String s3Secret;

    @BeforeAll
    static void start() throws Exception {
        Azurite azurite = Azurite.shared();
        S3Proxy s3 = S3Proxy.shared();
        s3Secret = s3.credential();
        Files.writeString(dir.resolve("accounts.json"), JsonMapper.shared().writeValueAsString(Map.of("accounts",
                Map.of("az", Map.of("address", "${env:UNISTORE_TEST_AZ}"),
                        "s3", Map.of("address", "s3://", "options", Map.of("endpoint", s3.endpoint().toString(),
                                "accessKeyId", s3.identity(), "secretAccessKey", "${env:UNISTORE_TEST_S3_SECRET}",
                                "region", S3Proxy.REGION, "maxAttempts", "2")),
                        "s3bad", Map.of("address", "s3://", "options", Map.of("endpoint", s3.endpoint().toString(),
                                "accessKeyId", s3.identity(), "secretAccessKey", Canaries.AWS_SECRET_KEY.value(),
                                "region", S3Proxy.REGION, "maxAttempts", "1"))))));
        unistore = new Launcher(dir, Map.of("UNISTORE_CONFIG", dir.resolve("accounts.json").toString(),
                "UNISTORE_TEST_AZ", azurite.connectionString(Azurite.CANARY_ACCOUNT),
                "UNISTORE_TEST_S3_SECRET", s3Secret));
        Path src = Files.createDirectories(dir.resolve("src/deep/er"));
        Files.writeString(dir.resolve("src/a.txt"), "alpha");
        Files.write(src.resolve("big.bin"), new byte[300_000]);
        Files.writeString(src.resolve("../c.json"), "{}");
    }

    static Launcher.Run run(String... args) throws Exception {
        Launcher.Run r = unistore.run(args);
        synchronized (RUNS) {
            RUNS.add(r);
        }
        return r;
    }

    static JsonNode ok(Launcher.Run r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.out().strip();
        return out.startsWith("{") || out.startsWith("[") ? JsonMapper.shared().readTree(out) : null;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"az", "s3"})
    void upCheckSyncDownAndRemove(String account) throws Exception {
        String c = account + ":cli-" + account;
        ok(run("mb", c));
        JsonNode up = ok(run("cp", "-r", "--json", "src", c + "/up"));
        assertThat(up.get("copied").asLong()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        ok(run("ls", "-R", "--json", c)).forEach(n -> names.add(n.get("name").asString()));
        assertThat(names).containsExactly("up/a.txt", "up/deep/c.json", "up/deep/er/big.bin");
        ok(run("check", "src", c + "/up"));
        assertThat(ok(run("sync", "--json", "src", c + "/up")).get("toCopy")).isEmpty();

        ok(run("cp", "-r", c + "/up", account + "-down"));
        assertThat(Files.readAllBytes(dir.resolve(account + "-down/deep/er/big.bin"))).hasSize(300_000)
                .containsOnly(0);
        assertThat(run("cat", c + "/up/a.txt").out()).isEqualTo("alpha");
        JsonNode stat = ok(run("stat", "--json", c + "/up/deep/er/big.bin"));
        assertThat(stat.get("size").asLong()).isEqualTo(300_000);

        ok(run("rm", "-r", c + "/up/deep/"));
        Launcher.Run check = run("check", "src", c + "/up");
        assertThat(check.exit()).as(check.toString()).isEqualTo(4);
        assertThat(check.out().lines()).containsExactly("missing on target: deep/c.json",
                "missing on target: deep/er/big.bin");
        ok(run("rb", "--force", c));
        assertNoSecrets();
    }

    @Test
    void copiesBetweenAzuriteAndS3ProxyAndChecksThem() throws Exception {
        ok(run("cp", "-r", "src", "az:cross/in"));
        JsonNode r = ok(run("cp", "-r", "--json", "--exclude", "*.json", "az:cross/in", "s3:cross"));
        assertThat(r.get("copied").asLong()).isEqualTo(2);
        ok(run("check", "--exclude", "*.json", "az:cross/in", "s3:cross"));
        assertThat(ok(run("sync", "--json", "--checksum", "az:cross/in", "s3:cross")).get("toCopy").toString())
                .isEqualTo("[\"deep/c.json\"]");
        ok(run("check", "az:cross/in", "s3:cross"));

        Launcher.Run denied = run("ls", "s3bad:");
        assertThat(denied.exit()).as(denied.toString()).isEqualTo(5);
        assertThat(denied.err()).startsWith("unistore: ").doesNotContain("\tat ");
        assertNoSecrets();
    }

    static void assertNoSecrets() {
        List<String> secrets = List.of(Canaries.AZURE_ACCOUNT_KEY.value(), Canaries.AWS_SECRET_KEY.value(), s3Secret);
        synchronized (RUNS) {
            for (Launcher.Run r : RUNS) {
                for (String s : secrets) {
                    assertThat(r.out() + r.err()).as(r.toString()).doesNotContain(s)
                            .doesNotContain(s.substring(0, 24));
                }
            }
        }
    }
}
