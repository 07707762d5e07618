package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.audit.AuditLog;
import io.unistore.audit.AuditQuery;
import io.unistore.audit.AuditRecord;
import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.gcs.GcsStandIn;
import io.unistore.testsupport.gcs.ServiceAccountKey;
import io.unistore.testsupport.s3proxy.S3Proxy;
import io.unistore.testsupport.secrets.Canaries;
import io.unistore.testsupport.secrets.Canary;
import io.unistore.testsupport.secrets.SecretScan;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11, secrets, through the MCP server: the real jar over Streamable HTTP, its bearer token a canary, serving
 * accounts whose secrets are canaries that their back ends really check (Azurite's canary account key, S3Proxy's
 * secret key, a service-account key the GCS stand-in trusts) and accounts that fail (a wrong key, a forged SAS, a
 * wrong secret with a session token, an unreachable endpoint, a connection string that does not parse). Every tool
 * is called on every account, requests with a wrong bearer token are sent, and every answer (HTTP bodies and
 * headers, tool results) and every line the server logs, at debug level, is scanned for every canary.
 */
class SecretsIT {
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    @Test
    void noCanaryLeaksFromAnyToolOrLog() throws Exception {
        Azurite azurite = Azurite.shared();
        S3Proxy s3 = S3Proxy.shared();
        try (GcsStandIn gcs = GcsStandIn.start()) {
            ServiceAccountKey key = ServiceAccountKey.create(gcs.tokenUri(), Files.createDirectories(dir.resolve(
                    "keys")), "canary", "unistore-test", Canaries.GCS_PRIVATE_KEY_ID.value()).trustedBy(gcs);
            gcs.requireAuthentication(true);
            List<Canary> canaries = new ArrayList<>(Canaries.all());
            canaries.add(new Canary("s3proxy secret key", s3.credential()));
            canaries.add(new Canary("gcs private key", key.pemLine()));
            SecretScan scan = new SecretScan(canaries);

            String good = azurite.connectionString(Azurite.CANARY_ACCOUNT);
            String closed = "http://127.0.0.1:" + FreePorts.next() + "/" + Azurite.CANARY_ACCOUNT;
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CANARY_TOKEN", Canaries.BEARER_TOKEN.value());
            env.put("CANARY_AZURE", good);
            env.put("CANARY_AZURE_WRONG", good.replace(Canaries.AZURE_ACCOUNT_KEY.value(),
                    Canaries.AZURE_WRONG_KEY.value()));
            env.put("CANARY_AZURE_SAS", good.replaceAll("AccountName=[^;]*;AccountKey=[^;]*;", "")
                    + "SharedAccessSignature=sv=2021-08-06&ss=bqt&srt=sco&sp=rwdlacup&se=2099-01-01T00:00:00Z&sig="
                    + URLEncoder.encode(Canaries.SAS_SIGNATURE.value(), StandardCharsets.UTF_8));
            env.put("CANARY_AZURE_DOWN", "AccountName=" + Azurite.CANARY_ACCOUNT + ";AccountKey="
                    + Canaries.AZURE_ACCOUNT_KEY.value() + ";BlobEndpoint=" + closed + ";QueueEndpoint=" + closed
                    + ";TableEndpoint=" + closed);
            env.put("CANARY_BROKEN", "AccountName=x;AccountKey=" + Canaries.AZURE_WRONG_KEY.value()
                    + ";BlobEndpoint=::not a url");
            env.put("CANARY_S3", s3.credential());
            env.put("CANARY_AWS_SECRET", Canaries.AWS_SECRET_KEY.value());
            env.put("CANARY_AWS_TOKEN", Canaries.AWS_SESSION_TOKEN.value());

            Map<String, Object> azure = Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "50");
            // Audited accounts: the trail goes to a container of the canary Azurite account (its address, key
            // included, an option of the layer) or to a file; every line is scanned below.
            Map<String, Object> azureAudited = new LinkedHashMap<>(azure);
            azureAudited.putAll(Map.of("layers", "audit", "audit.reads", "true", "audit.sink", "container",
                    "audit.address", "${env:CANARY_AZURE}", "audit.container", "secrets-audit",
                    "audit.sinkOption.versioning", "false"));
            Map<String, Object> azureWrongAudited = new LinkedHashMap<>(azure);
            azureWrongAudited.putAll(auditedToFile(dir, "azure-wrong"));
            Map<String, Object> accounts = new LinkedHashMap<>();
            accounts.put("azure", Map.of("address", "${env:CANARY_AZURE}", "options", azureAudited));
            accounts.put("azure-wrong", Map.of("address", "${env:CANARY_AZURE_WRONG}", "options", azureWrongAudited));
            accounts.put("azure-sas", Map.of("address", "${env:CANARY_AZURE_SAS}", "options", azure));
            accounts.put("azure-down", Map.of("address", "${env:CANARY_AZURE_DOWN}", "options", azure));
            accounts.put("broken", Map.of("address", "${env:CANARY_BROKEN}"));
            Map<String, Object> s3Options = new LinkedHashMap<>(Map.of("endpoint", s3.endpoint().toString(),
                    "accessKeyId", s3.identity(), "secretAccessKey", "${env:CANARY_S3}", "region", S3Proxy.REGION,
                    "maxAttempts", "1"));
            s3Options.putAll(auditedToFile(dir, "s3"));
            accounts.put("s3", Map.of("address", "s3://", "options", s3Options));
            Map<String, Object> s3WrongOptions = new LinkedHashMap<>(Map.of("endpoint",
                    s3.endpoint().toString(), "accessKeyId", s3.identity(), "secretAccessKey",
                    "${env:CANARY_AWS_SECRET}", "sessionToken", "${env:CANARY_AWS_TOKEN}", "region", S3Proxy.REGION,
                    "maxAttempts", "1"));
            s3WrongOptions.putAll(auditedToFile(dir, "s3-wrong"));
            accounts.put("s3-wrong", Map.of("address", "s3://", "options", s3WrongOptions));
            accounts.put("gcs", Map.of("address", "gs://unistore-test", "options", Map.of("endpoint", gcs.endpoint(),
                    "credentials", key.keyFile.toString(), "maxAttempts", "1")));
            FuzzSandbox sandbox = FuzzSandbox.create(dir.resolve("sandbox"));
            Path config = ServerJar.writeConfig(dir, accounts);
            HttpServerProcess server = HttpServerProcess.start(sandbox.cwd, env, debugLogging(), "--config",
                    config.toString(), "--allow-path", sandbox.allowed.toString(), "--token", "${env:CANARY_TOKEN}");
            Map<String, Integer> answers = new TreeMap<>();
            try (RawMcpClient client = HttpRawClient.connect(server, Canaries.BEARER_TOKEN.value())) {
                wrongTokens(server, scan);
                JsonNode listed = client.request("tools/list", "{}", FuzzRun.TIMEOUT);
                scan.text("tools/list", String.valueOf(listed));
                SplittableRandom random = new SplittableRandom(11);
                int rounds = Integer.getInteger("unistore.secrets.rounds", 1);
                for (int round = 0; round < rounds; round++) {
                    for (JsonNode tool : listed.path("result").path("tools")) {
                        for (String account : accounts.keySet()) {
                            call(client, tool, account, new FuzzValues(random, sandbox, List.of(account)), scan,
                                    answers);
                        }
                    }
                }
                for (String uri : List.of("unistore://azure-wrong/blobs/fz-a", "unistore://azure-sas/tables/Fza",
                        "unistore://s3-wrong/blobs/fz-a/a.txt", "unistore://broken/queues/fz-q1",
                        "unistore://azure-down/shares/fz-s1")) {
                    scan.text("resources/read " + uri, String.valueOf(client.request("resources/read",
                            "{\"uri\":\"" + uri + "\"}", FuzzRun.TIMEOUT)));
                }
                scan.text("resources/list", String.valueOf(client.request("resources/list", "{}", FuzzRun.TIMEOUT)));
            } finally {
                server.close();
            }
            String log = Files.readString(server.process.log());
            scan.text("the server's log", log);
            int auditLines = 0;
            for (String name : List.of("azure-wrong", "s3", "s3-wrong")) {
                String trail = Files.readString(dir.resolve("audit-" + name + ".jsonl"));
                scan.text("the audit trail of " + name, trail);
                auditLines += (int) trail.lines().count();
            }
            try (AuditLog trail = AuditLog.open(Map.of("sink", "container", "address", good, "container",
                    "secrets-audit", "sinkOption.versioning", "false"))) {
                List<AuditRecord> lines = trail.query(new AuditQuery(null, null, null, null, Integer.MAX_VALUE));
                scan.text("the audit trail of azure", String.valueOf(lines));
                auditLines += lines.size();
                assertThat(lines).as("azure's audited calls").isNotEmpty();
                assertThat(trail.verify().valid()).isTrue();
            }
            System.out.printf("SecretsIT: answers %s; %d texts, %d characters scanned (log %d)%n", answers,
                    scan.sources(), scan.characters(), log.length());
            assertThat(scan.findings()).as("canaries in answers or the log").isEmpty();
            // The error paths were reached: the back ends refused the wrong secrets and the dead ends failed.
            assertThat(answers).containsKeys("azure success", "s3 success", "gcs success")
                    .hasKeySatisfying(org.assertj.core.api.Assertions.anyOf(
                            keyIs("azure-wrong [PERMISSION_DENIED]"), keyIs("azure-wrong [UNAUTHENTICATED]")))
                    .containsKeys("s3-wrong [UNSUPPORTED]", "azure-down [UNAVAILABLE]", "broken [UNAVAILABLE]");
            assertThat(log).contains("DEBUG");
            assertThat(auditLines).as("audit lines scanned").isGreaterThan(40);
        }
    }

    /** Calls {@code tool} on {@code account} with arguments made from its schema; scans the answer. */
    private static void call(RawMcpClient client, JsonNode tool, String account, FuzzValues values, SecretScan scan,
                             Map<String, Integer> answers) {
        String name = tool.path("name").asString();
        Map<String, Object> args = FuzzCases.copy(values.object(Schemas.map(JSON.treeToValue(tool.path(
                "inputSchema"), Map.class)), "arguments", 0));
        args.put("account", account);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("name", name);
        call.put("arguments", args);
        JsonNode answer = client.request("tools/call", JsonText.write(call), FuzzRun.TIMEOUT);
        String text = String.valueOf(answer);
        if (name.equals("generate-blob-url")) {
            // A presigned URL is a credential by design, and S3 requires the session token in one made with
            // temporary credentials (X-Amz-Security-Token): that one place may hold it.
            text = text.replace("X-Amz-Security-Token=" + URLEncoder.encode(Canaries.AWS_SESSION_TOKEN.value(),
                    StandardCharsets.UTF_8), "X-Amz-Security-Token=");
        }
        scan.text(name + " on " + account, text);
        answers.merge(account + " " + FuzzOracle.kind(answer), 1, Integer::sum);
    }

    private static org.assertj.core.api.Condition<String> keyIs(String key) {
        return new org.assertj.core.api.Condition<>(key::equals, key);
    }

    /** Debug logging everywhere but HTTP wire traces (which print requests as sent, by design). */
    private List<String> debugLogging() throws Exception {
        Path jul = Files.writeString(dir.resolve("logging.properties"), String.join("\n",
                "handlers=java.util.logging.ConsoleHandler", ".level=FINE",
                "java.util.logging.ConsoleHandler.level=FINE",
                "org.apache.http.wire.level=INFO", "org.apache.http.headers.level=INFO", ""));
        return List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-Dorg.slf4j.simpleLogger.log.org.apache.http.wire=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.http.headers=info",
                "-Dorg.slf4j.simpleLogger.log.io.netty=info", "-Djava.util.logging.config.file=" + jul);
    }

    /** Requests with a wrong bearer token (holding the canary) and none: refused, and nothing echoed. */
    private static void wrongTokens(HttpServerProcess server, SecretScan scan) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String authorization : List.of("Bearer " + Canaries.BEARER_TOKEN.value() + "x", "Bearer "
                + Canaries.BEARER_TOKEN.value().substring(1), Canaries.BEARER_TOKEN.value(), "")) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(HttpServerProcess.INITIALIZE));
            if (!authorization.isEmpty()) {
                b.header("Authorization", authorization);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("wrong token '%s...'", authorization.substring(0, Math.min(8,
                    authorization.length()))).isEqualTo(401);
            scan.text("HTTP 401 answer", r.headers().map() + " " + r.body());
        }
    }

    /** Options adding the audit layer, reads included, writing to {@code audit-<name>.jsonl} in {@code dir}. */
    private static Map<String, Object> auditedToFile(Path dir, String name) {
        return Map.of("layers", "audit", "audit.reads", "true", "audit.path",
                dir.resolve("audit-" + name + ".jsonl").toString());
    }
}
