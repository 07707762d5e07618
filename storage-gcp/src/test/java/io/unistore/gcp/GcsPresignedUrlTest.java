package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobPermission;
import io.unistore.blob.BlobStore;
import io.unistore.blob.PresignOptions;
import io.unistore.testsupport.gcs.GcsStandIn;
import io.unistore.testsupport.gcs.ServiceAccountKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V4 signed URLs made with a service-account key (a throwaway RSA key) and honoured by the stand-in, which
 * verifies the signature, the method and the expiry. The same key authenticates every API call through
 * the stand-in's token endpoint, which here refuses anonymous calls.
 */
class GcsPresignedUrlTest {
    @TempDir
    static Path dir;
    static GcsStandIn gcs;
    static ServiceAccountKey serviceAccount;
    static StorageAccount account;
    static BlobStore blobs;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        gcs = GcsStandIn.start();
        serviceAccount = ServiceAccountKey.create(gcs.tokenUri(), dir, "tester", StandInFixture.PROJECT,
                "throwaway-key").trustedBy(gcs);
        gcs.requireAuthentication(true);
        account = StandInFixture.open(gcs, "credentials", serviceAccount.keyFile.toString());
        blobs = account.blobs();
        blobs.createContainer("signed");
    }

    @AfterAll
    static void stop() {
        account.close();
        gcs.close();
    }

    @Test
    void signingCredentialsDeclarePresignedUrlsAndStayOutOfOutput() {
        assertThat(account.capabilities().has(Capability.BLOB_PRESIGNED_URLS)).isTrue();
        String pemBody = serviceAccount.pemLine();
        assertThat(account.displayName()).contains("service-account key").doesNotContain(pemBody)
                .doesNotContain("PRIVATE KEY");
        assertThat(account.toString()).doesNotContain(pemBody);
        try (StorageAccount anonymous = StandInFixture.open(gcs)) {
            assertThat(anonymous.capabilities().has(Capability.BLOB_PRESIGNED_URLS)).isFalse();
            assertThatThrownBy(() -> anonymous.blobs().generatePresignedUrl("signed", "x", PresignOptions.read(
                    Duration.ofMinutes(1)))).extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED);
            // This stand-in refuses calls without a token: the anonymous account is unauthenticated.
            assertThatThrownBy(() -> anonymous.blobs().exists("signed", "x"))
                    .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        }
    }

    @Test
    void readWriteAndDeleteThroughSignedUrls() throws Exception {
        blobs.upload("signed", "dir/file name.txt", "hello".getBytes(StandardCharsets.UTF_8));
        URI read = blobs.generatePresignedUrl("signed", "dir/file name.txt", PresignOptions.read(Duration.ofMinutes(5)));
        assertThat(read.toString()).startsWith(gcs.endpoint() + "/signed/dir/file%20name.txt?")
                .contains("X-Goog-Algorithm=GOOG4-RSA-SHA256");
        HttpResponse<String> got = HTTP.send(HttpRequest.newBuilder(read).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("hello");

        URI write = blobs.generatePresignedUrl("signed", "uploaded.txt", PresignOptions.write(Duration.ofMinutes(5)));
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(write).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("via url")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(new String(blobs.downloadBytes("signed", "uploaded.txt"), StandardCharsets.UTF_8)).isEqualTo("via url");

        URI delete = blobs.generatePresignedUrl("signed", "uploaded.txt",
                PresignOptions.of(Duration.ofMinutes(5), EnumSet.of(BlobPermission.DELETE)));
        assertThat(HTTP.send(HttpRequest.newBuilder(delete).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(204);
        assertThat(blobs.exists("signed", "uploaded.txt")).isFalse();
    }

    @Test
    void aUrlGrantsOnlyItsMethodOnlyUntouchedOnlyUntilItExpires() throws Exception {
        blobs.upload("signed", "guarded", "secret".getBytes(StandardCharsets.UTF_8));
        URI read = blobs.generatePresignedUrl("signed", "guarded", PresignOptions.read(Duration.ofMinutes(5)));
        assertThat(HTTP.send(HttpRequest.newBuilder(read).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("PUT on a GET URL").isEqualTo(403);
        String s = read.toString();
        URI tampered = URI.create(s.substring(0, s.length() - 1) + (s.endsWith("0") ? "1" : "0"));
        assertThat(HTTP.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("tampered signature").isEqualTo(403);
        URI otherBlob = URI.create(s.replace("/signed/guarded?", "/signed/other?"));
        assertThat(HTTP.send(HttpRequest.newBuilder(otherBlob).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("another object").isEqualTo(403);

        URI shortLived = blobs.generatePresignedUrl("signed", "guarded", PresignOptions.read(Duration.ofSeconds(1)));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = HTTP.send(HttpRequest.newBuilder(shortLived).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            if (status == 200) {
                Thread.sleep(200);
            }
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).as("expired URL").isEqualTo(400);
    }

    @Test
    void oneUrlCoversOneMethod() {
        assertThatThrownBy(() -> blobs.generatePresignedUrl("signed", "x", PresignOptions.of(Duration.ofMinutes(1),
                EnumSet.of(BlobPermission.READ, BlobPermission.WRITE))))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aKeyTheTokenEndpointRefusesIsUnauthenticatedNotRetried() {
        // Found by the secrets harness: the refused key (400 invalid_grant) was UNAVAILABLE, so retryable.
        ServiceAccountKey stranger = ServiceAccountKey.create(gcs.tokenUri(), dir, "stranger", StandInFixture.PROJECT,
                "stranger-key");
        try (StorageAccount refused = StandInFixture.open(gcs, "credentials", stranger.keyFile.toString())) {
            assertThatThrownBy(() -> refused.blobs().exists("signed", "x")).isInstanceOfSatisfying(
                    StorageException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
                        assertThat(e.isRetryable()).isFalse();
                    });
        }
    }
}
