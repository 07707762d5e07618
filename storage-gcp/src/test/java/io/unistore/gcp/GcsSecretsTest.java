package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.PresignOptions;
import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.gcs.GcsStandIn;
import io.unistore.testsupport.gcs.ServiceAccountKey;
import io.unistore.testsupport.secrets.Canaries;
import io.unistore.testsupport.secrets.Canary;
import io.unistore.testsupport.secrets.EchoServer;
import io.unistore.testsupport.secrets.LeakProbes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, secrets, for the GCP provider: a service-account key whose private_key_id is a canary, trusted by the
 * GCS stand-in (which checks its JWT signature), and an untrusted one, driven through every error path: refused
 * key, missing items, bad names, a stale generation, unreachable endpoint and token endpoint, unreadable and
 * malformed key files, a service that echoes the whole request (its bearer token included). Every exception chain,
 * result and log line is scanned for every canary, the keys' PEM text included.
 */
class GcsSecretsTest {
    /** The neutral code of a failure, as the probes check it. */
    private static final java.util.function.Function<Throwable, String> CODE = t -> t instanceof StorageException e
            ? e.code().name() : t.getClass().getName();
    @TempDir
    Path dir;

    @Test
    void noCanaryLeaksFromAnyErrorPath() throws Exception {
        try (GcsStandIn gcs = GcsStandIn.start();
             EchoServer echo = EchoServer.start(400, "application/json", Map.of(), request -> "{\"error\":{\"code\":"
                     + "400,\"message\":\"" + EchoServer.json(request) + "\",\"errors\":[{\"reason\":\"invalid\","
                     + "\"message\":\"" + EchoServer.json(request) + "\"}]}}")) {
            String id = Canaries.GCS_PRIVATE_KEY_ID.value();
            ServiceAccountKey trusted = ServiceAccountKey.create(gcs.tokenUri(), dir, "trusted", StandInFixture.PROJECT,
                    id).trustedBy(gcs);
            ServiceAccountKey stranger = ServiceAccountKey.create(gcs.tokenUri(), dir, "stranger",
                    StandInFixture.PROJECT, id);
            ServiceAccountKey lost = ServiceAccountKey.create("http://127.0.0.1:" + FreePorts.next() + "/token", dir,
                    "lost", StandInFixture.PROJECT, id);
            gcs.requireAuthentication(true);
            List<Canary> canaries = new ArrayList<>(Canaries.all());
            for (ServiceAccountKey k : List.of(trusted, stranger, lost)) {
                canaries.add(new Canary("private key of " + k.email, k.pemLine()));
            }
            try (LeakProbes probes = new LeakProbes(canaries, CODE)) {
                StorageAccount ok = probes.result("open with the trusted key", () -> probes.keep(
                        StandInFixture.open(gcs, "credentials", trusted.keyFile.toString())));
                String bucket = "canary-" + System.nanoTime();
                probes.result("create a bucket", () -> {
                    ok.blobs().createContainer(bucket);
                    return ok.blobs().upload(bucket, "b.txt", new byte[] {1});
                });
                probes.result("presign", () -> ok.blobs().generatePresignedUrl(bucket, "b.txt",
                        PresignOptions.read(Duration.ofMinutes(5))));
                probes.result("describe the account", () -> ok + " / " + ok.displayName());
                probes.failure(List.of("NOT_FOUND"), "missing object", () -> ok.blobs().downloadBytes(bucket, "absent"));
                probes.failure(List.of("NOT_FOUND"), "missing bucket", () -> ok.blobs().downloadBytes("absent-bkt",
                        "b"));
                probes.failure(List.of("INVALID_ARGUMENT"), "bad bucket name", () -> ok.blobs().downloadBytes(
                        "Bad_Name", "b"));
                probes.failure(List.of("PRECONDITION_FAILED"), "stale generation", () -> ok.blobs().upload(bucket,
                        "b.txt", new java.io.ByteArrayInputStream(new byte[] {2}), io.unistore.blob.UploadOptions
                                .defaults().withConditions(io.unistore.RequestConditions.ifMatch("\"1\""))));

                StorageAccount refused = probes.result("open with an untrusted key", () -> probes.keep(
                        StandInFixture.open(gcs, "credentials", stranger.keyFile.toString())));
                probes.failure(List.of("UNAUTHENTICATED"), "untrusted key: list", () -> refused.blobs()
                        .listContainers().stream().toList());
                StorageAccount noToken = probes.result("open with an unreachable token endpoint", () -> probes.keep(
                        StandInFixture.open(gcs, "credentials", lost.keyFile.toString())));
                probes.failure(List.of("UNAUTHENTICATED", "UNAVAILABLE"), "token endpoint down: "
                        + "read", () -> noToken.blobs().downloadBytes(bucket, "b.txt"));

                Path broken = Files.writeString(dir.resolve("broken.json"), "{\"type\": \"service_account\", "
                        + "\"private_key_id\": \"" + id + "\", \"private_key\": \"" + trusted.pemLine());
                probes.failure(List.of("UNAUTHENTICATED"), "malformed key file", () -> probes.keep(
                        StandInFixture.open(gcs, "credentials", broken.toString())).blobs().exists(bucket, "b"));
                probes.failure(List.of("INVALID_ARGUMENT"), "missing key file", () -> probes.keep(
                        StandInFixture.open(gcs, "credentials", dir.resolve("missing-key.json").toString())).blobs()
                        .exists(bucket, "b"));

                StorageAccount gone = probes.result("open an unreachable endpoint", () -> probes.keep(
                        Unistore.open("gs://" + StandInFixture.PROJECT, StandInFixture.options(gcs, "endpoint",
                                "http://127.0.0.1:" + FreePorts.next(), "credentials", trusted.keyFile.toString(),
                                "maxAttempts", "1"))));
                probes.failure(List.of("UNAVAILABLE"), "unreachable: read", () -> gone.blobs()
                        .downloadBytes(bucket, "b"));

                StorageAccount parrot = probes.result("open a service that echoes requests", () -> probes.keep(
                        Unistore.open("gs://" + StandInFixture.PROJECT, StandInFixture.options(gcs, "endpoint",
                                echo.endpoint(), "credentials", trusted.keyFile.toString(), "maxAttempts", "1"))));
                probes.failure(List.of("INVALID_ARGUMENT"), "echo: read", () -> parrot.blobs().downloadBytes(bucket,
                        "b"));
                probes.failure(List.of("INVALID_ARGUMENT"), "echo: list", () -> parrot.blobs().list(bucket).stream()
                        .toList());
                assertThat(echo.requests()).as("a bearer token reached the echoing service")
                        .anySatisfy(r -> assertThat(r).contains("Authorization: Bearer "));

                    assertThat(probes.findings()).as(probes.summary()).isEmpty();
            }
        }
    }



}
