package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A presigned URL with write or delete permission writes: under --read-only or a read-only account policy only
 * read URLs can be made, and the tool is then listed as read-only with 'read' its only permission; where write
 * and delete URLs are offered the tool is listed as writing and destructive, and each permission is checked as
 * the tool it stands for (upload-blob, delete-blob). Runs on S3Proxy, whose provider signs URLs.
 */
class PresignedUrlPolicyIT {
    private static final String SECRET_ENV = "UNISTORE_TEST_S3_SECRET";
    private static final String CONTAINER = "urls-policy";

    @TempDir
    Path dir;

    private static Map<String, String> options() {
        S3Proxy proxy = S3Proxy.shared();
        return Map.of("endpoint", proxy.endpoint().toString(), "accessKeyId", proxy.identity(),
                "secretAccessKey", "${env:" + SECRET_ENV + "}", "region", S3Proxy.REGION, "maxAttempts", "2");
    }

    @BeforeAll
    static void blob() {
        Map<String, String> options = new LinkedHashMap<>(options());
        options.put("secretAccessKey", S3Proxy.shared().credential());
        try (StorageAccount s3 = Unistore.open("s3://", options)) {
            s3.blobs().createContainerIfNotExists(CONTAINER);
            s3.blobs().upload(CONTAINER, "u.txt", "x".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Object> account(Map<String, Object> policy) {
        Map<String, Object> account = new LinkedHashMap<>(Map.of("address", "s3://", "options", options()));
        if (policy != null) {
            account.put("policy", policy);
        }
        return account;
    }

    private McpSession session(Map<String, Object> accounts, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", ServerJar.writeConfig(dir, accounts).toString()));
        args.addAll(List.of(options));
        return McpSession.start(args.toArray(String[]::new)).env(Map.of(SECRET_ENV, S3Proxy.shared().credential()))
                .connect();
    }

    private static Map<String, Object> url(String account, String... permissions) {
        Map<String, Object> a = args("container", CONTAINER, "blob", "u.txt", "permissions", List.of(permissions));
        if (account != null) {
            a.put("account", account);
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> permissionValues(McpSchema.Tool tool) {
        Map<String, Object> props = (Map<String, Object>) tool.inputSchema().get("properties");
        Map<String, Object> items = (Map<String, Object>) ((Map<String, Object>) props.get("permissions")).get("items");
        return (List<Object>) items.get("enum");
    }

    private static void onlyReadUrls(McpSession s) {
        McpSchema.Tool tool = s.tools().get("generate-blob-url");
        assertThat(tool).as("generate-blob-url is listed for read URLs").isNotNull();
        assertThat(tool.annotations().readOnlyHint()).isTrue();
        assertThat(permissionValues(tool)).containsExactly("read");
        assertThat((String) s.call("generate-blob-url", url(null, "read")).get("url")).isNotBlank();
        for (String permission : List.of("write", "delete")) {
            assertThat(s.error("generate-blob-url", url(null, permission))).as(permission).startsWith("[")
                    .contains("permissions");
        }
    }

    @Test
    void readOnlyServerMakesOnlyReadUrls() throws Exception {
        try (McpSession s = session(Map.of("s3", account(null)), "--read-only")) {
            onlyReadUrls(s);
        }
    }

    @Test
    void readOnlyAccountMakesOnlyReadUrls() throws Exception {
        try (McpSession s = session(Map.of("s3", account(Map.of("readOnly", true))))) {
            onlyReadUrls(s);
        }
    }

    @Test
    void writeAndDeleteUrlsAreCheckedAsTheToolsTheyStandFor() throws Exception {
        Map<String, Object> accounts = new LinkedHashMap<>();
        accounts.put("rw", account(null));
        accounts.put("ro", account(Map.of("readOnly", true)));
        accounts.put("noupload", account(Map.of("denyTools", List.of("upload-blob"))));
        try (McpSession s = session(accounts, "--deny-tools", "delete-*")) {
            McpSchema.Tool tool = s.tools().get("generate-blob-url");
            assertThat(tool.annotations().readOnlyHint()).isFalse();
            assertThat(tool.annotations().destructiveHint()).isTrue();
            assertThat(permissionValues(tool)).containsExactlyInAnyOrder("read", "write", "delete");

            assertThat((String) s.call("generate-blob-url", url("rw", "write")).get("url")).isNotBlank();
            assertThat(s.error("generate-blob-url", url("rw", "delete"))).startsWith("[PERMISSION_DENIED]")
                    .contains("delete-blob").contains("--deny-tools");
            assertThat(s.error("generate-blob-url", url("noupload", "write"))).startsWith("[PERMISSION_DENIED]")
                    .contains("upload-blob").contains("noupload");
            assertThat(s.error("generate-blob-url", url("ro", "write"))).startsWith("[PERMISSION_DENIED]")
                    .contains("read-only");
            assertThat((String) s.call("generate-blob-url", url("ro", "read")).get("url"))
                    .as("a read URL on the read-only account").isNotBlank();
        }
    }
}
