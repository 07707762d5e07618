package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.PresignOptions;
import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.s3proxy.S3Proxy;
import io.unistore.testsupport.secrets.Canaries;
import io.unistore.testsupport.secrets.Canary;
import io.unistore.testsupport.secrets.EchoServer;
import io.unistore.testsupport.secrets.LeakProbes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, secrets, for the AWS provider: S3Proxy's own secret key (which it checks on every request), a wrong
 * secret key and a session token, driven through every error path: refused signature, missing items, bad
 * names, an unreachable endpoint, a service that echoes the whole request (headers included) in its error,
 * malformed addresses and options. Every exception chain, result and log line is scanned for every canary.
 */
class S3SecretsTest {
    /** The neutral code of a failure, as the probes check it. */
    private static final java.util.function.Function<Throwable, String> CODE = t -> t instanceof StorageException e
            ? e.code().name() : t.getClass().getName();

    @Test
    void noCanaryLeaksFromAnyErrorPath() {
        S3Proxy proxy = S3Proxy.shared();
        List<Canary> canaries = new ArrayList<>(Canaries.all());
        canaries.add(new Canary("s3proxy secret key", proxy.credential()));
        try (LeakProbes probes = new LeakProbes(canaries, CODE);
             EchoServer echo = EchoServer.start(400, "application/xml", Map.of(), request -> "<?xml version=\"1.0\" "
                     + "encoding=\"UTF-8\"?><Error><Code>InvalidArgument</Code><Message>" + EchoServer.xml(request)
                     + "</Message><RequestId>echo</RequestId></Error>")) {
            // The working account keeps the SDK's retries: S3Proxy may close a connection after an error answer,
            // and the next call on it fails once with a broken pipe. Accounts meant to fail try once, to be quick.
            StorageAccount ok = probes.result("open with S3Proxy's key", () -> probes.keep(Unistore.open("s3://",
                    S3ProxyAccounts.options(proxy))));
            String bucket = S3ProxyAccounts.bucket("canary");
            probes.result("create a bucket", () -> {
                ok.blobs().createContainer(bucket);
                return ok.blobs().upload(bucket, "b.txt", new byte[] {1});
            });
            probes.result("presign", () -> ok.blobs().generatePresignedUrl(bucket, "b.txt",
                    PresignOptions.read(Duration.ofMinutes(5))));
            probes.result("describe the account", () -> ok + " / " + ok.displayName());
            probes.failure(List.of("NOT_FOUND"), "missing object", () -> ok.blobs().downloadBytes(bucket, "absent"));
            probes.failure(List.of("NOT_FOUND"), "missing bucket", () -> ok.blobs().downloadBytes("absent-bkt", "b"));
            probes.failure(List.of("INVALID_ARGUMENT"), "bad bucket name", () -> ok.blobs().downloadBytes("Bad_Name",
                    "b"));
            probes.failure(List.of("PRECONDITION_FAILED"), "stale ETag", () -> ok.blobs().upload(bucket, "b.txt",
                    new java.io.ByteArrayInputStream(new byte[] {2}), io.unistore.blob.UploadOptions.defaults()
                            .withConditions(io.unistore.RequestConditions.ifMatch("\"0x1\""))));
            probes.result("delete the bucket", () -> {
                ok.blobs().delete(bucket, "b.txt");
                return ok.blobs().deleteContainer(bucket);
            });

            Map<String, String> wrong = S3ProxyAccounts.options(proxy);
            wrong.put("secretAccessKey", Canaries.AWS_SECRET_KEY.value());
            StorageAccount bad = probes.result("open with a wrong secret", () -> probes.keep(open(wrong)));
            probes.failure(List.of("UNAUTHENTICATED"), "wrong secret: buckets", () -> bad.blobs().listContainers()
                    .stream().toList());
            probes.failure(List.of("UNAUTHENTICATED"), "wrong secret: upload", () -> bad.blobs().upload("any-bucket",
                    "b", new byte[] {1}));
            Map<String, String> session = new HashMap<>(wrong);
            session.put("sessionToken", Canaries.AWS_SESSION_TOKEN.value());
            StorageAccount token = probes.result("open with a session token", () -> probes.keep(open(session)));
            // S3Proxy does not implement session tokens (NotImplemented); S3 refuses the signature.
            probes.failure(List.of("UNAUTHENTICATED", "UNSUPPORTED"), "session token: buckets",
                    () -> token.blobs().listContainers().stream().toList());

            Map<String, String> unreachable = new HashMap<>(session);
            unreachable.put("endpoint", "http://127.0.0.1:" + FreePorts.next());
            StorageAccount gone = probes.result("open an unreachable endpoint", () -> probes.keep(
                    open(unreachable)));
            probes.failure(List.of("UNAVAILABLE"), "unreachable: read", () -> gone.blobs().downloadBytes("any-bucket",
                    "b"));

            Map<String, String> echoed = new HashMap<>(session);
            echoed.put("endpoint", echo.endpoint());
            StorageAccount parrot = probes.result("open a service that echoes requests", () -> probes.keep(
                    open(echoed)));
            probes.failure(List.of("INVALID_ARGUMENT"), "echo: read", () -> parrot.blobs().downloadBytes("any-bucket",
                    "b"));
            probes.failure(List.of("INVALID_ARGUMENT"), "echo: list", () -> parrot.blobs().list("any-bucket").stream()
                    .toList());
            assertThat(echo.requests()).as("the session token reached the echoing service").anySatisfy(r ->
                    assertThat(r).contains(Canaries.AWS_SESSION_TOKEN.value()));

            String query = "s3://?endpoint=http://127.0.0.1:1&accessKeyId=AKIDCANARY&secretAccessKey="
                    + URLEncoder.encode(Canaries.AWS_SECRET_KEY.value(), StandardCharsets.UTF_8);
            StorageAccount inAddress = probes.result("open with the secret in the address", () -> probes.keep(
                    Unistore.open(query, Map.of("maxAttempts", "1"))));
            probes.result("describe an account whose address held the secret", () -> inAddress + " / "
                    + inAddress.displayName());
            probes.failure(List.of("UNAVAILABLE"), "secret in the address: read", () -> inAddress.blobs()
                    .downloadBytes("any-bucket", "b"));
            probes.failure(List.of("INVALID_ARGUMENT"), "malformed endpoint", () -> probes.keep(Unistore.open(
                    "s3://?endpoint=::not a url&secretAccessKey=" + Canaries.AWS_SECRET_KEY.value())));
            probes.failure(List.of("INVALID_ARGUMENT"), "misspelt option", () -> probes.keep(Unistore.open(
                    "s3://", Map.of("secretAccesKey", Canaries.AWS_SECRET_KEY.value(), "region", "us-east-1"))));
            probes.failure(List.of("INVALID_ARGUMENT"), "bucket in the address", () -> probes.keep(Unistore.open(
                    "s3://" + Canaries.AWS_SECRET_KEY.value().replace("/", "").replace("+", "") + "?region=x")));

            assertThat(probes.findings()).as(probes.summary()).isEmpty();
        }
    }

    private static StorageAccount open(Map<String, String> options) {
        Map<String, String> o = new HashMap<>(options);
        o.put("maxAttempts", "1");
        return Unistore.open("s3://", o);
    }



}
