package io.unistore.aws;

import static io.unistore.aws.S3CopyAndTierTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET and HEAD: ranges, conditions, early close, downloads to files, deletes and presigned URLs. */
class S3ReadTest {
    private static final byte[] DATA = S3UploadTest.random(300_000);
    private static StorageAccount account;
    private static BlobStore blobs;
    private static String bucket;
    private static BlobWriteResult written;

    @BeforeAll
    static void open() {
        account = S3ProxyAccounts.open(false);
        blobs = account.blobs();
        bucket = S3ProxyAccounts.bucket("read");
        blobs.createContainer(bucket);
        written = blobs.upload(bucket, "data", DATA);
        blobs.upload(bucket, "empty", new byte[0]);
    }

    @AfterAll
    static void close() {
        blobs.deleteContainer(bucket);
        account.close();
    }

    @Test
    void rangesIncludingTheEdges() throws Exception {
        assertThat(read("data", ByteRange.of(10, 5))).isEqualTo(Arrays.copyOfRange(DATA, 10, 15));
        assertThat(read("data", ByteRange.from(299_990))).isEqualTo(Arrays.copyOfRange(DATA, 299_990, 300_000));
        assertThat(read("data", ByteRange.of(299_990, 100))).isEqualTo(Arrays.copyOfRange(DATA, 299_990, 300_000));
        assertThat(read("data", ByteRange.of(7, 0))).isEmpty();
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> read("data", ByteRange.from(300_000)));
        assertThat(read("empty", ByteRange.from(0))).as("an empty blob read from its start").isEmpty();
        assertThat(read("empty", ByteRange.of(0, 10))).isEmpty();
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> read("data", ByteRange.from(300_001)));
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> read("empty", ByteRange.of(1, 0)));
        assertFails(ErrorCode.NOT_FOUND, () -> read("missing", ByteRange.of(0, 1)));
    }

    @Test
    void conditionalReads() throws Exception {
        ReadOptions matching = ReadOptions.defaults().withConditions(RequestConditions.ifMatch(written.etag()));
        try (InputStream in = blobs.openInputStream(bucket, "data", matching)) {
            assertThat(in.readAllBytes()).isEqualTo(DATA);
        }
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.openInputStream(bucket, "data",
                ReadOptions.defaults().withConditions(RequestConditions.ifMatch("\"0123\""))));
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.openInputStream(bucket, "data",
                ReadOptions.defaults().withConditions(RequestConditions.ifNoneMatch(written.etag()))));
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.getProperties(bucket, "data",
                ReadOptions.defaults().withConditions(RequestConditions.ifNoneMatch(written.etag()))));
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.getProperties(bucket, "data", ReadOptions.defaults()
                .withConditions(RequestConditions.none().withIfModifiedSince(Instant.now().plusSeconds(3600)))));
        assertThat(blobs.getProperties(bucket, "data", ReadOptions.defaults().withConditions(
                RequestConditions.ifMatch(written.etag().replace("\"", "")))).size())
                .as("an unquoted ETag works too").isEqualTo(DATA.length);
        assertThat(blobs.getProperties(bucket, "data", ReadOptions.defaults().withConditions(
                RequestConditions.ifMatch("*"))).size()).isEqualTo(DATA.length);
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.openInputStream(bucket, "data",
                ReadOptions.defaults().withConditions(RequestConditions.ifNotExists())));
        assertFails(ErrorCode.NOT_FOUND, () -> blobs.openInputStream(bucket, "missing",
                ReadOptions.defaults().withConditions(RequestConditions.ifNotExists())));
    }

    @Test
    void closingEarlyDoesNotReadTheRest() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (InputStream in = blobs.openInputStream(bucket, "data")) {
                assertThat(in.read()).isEqualTo(DATA[0] & 0xff);
            }
        }
        assertThat(blobs.downloadBytes(bucket, "data")).isEqualTo(DATA);
    }

    @Test
    void downloadToFileReplacesAtomically(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.bin");
        Files.writeString(file, "old");
        var p = blobs.downloadToFile(bucket, "data", file, ReadOptions.defaults());
        assertThat(Files.readAllBytes(file)).isEqualTo(DATA);
        assertThat(p.etag()).isEqualTo(written.etag());
        assertFails(ErrorCode.NOT_FOUND, () -> blobs.downloadToFile(bucket, "missing", file, ReadOptions.defaults()));
        assertThat(Files.readAllBytes(file)).isEqualTo(DATA);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void largeDownloadsToFilesGoInParallelRanges(@TempDir Path dir) throws Exception {
        byte[] data = S3UploadTest.random(17 * (1 << 20) + 11);
        try (StorageAccount small = S3ProxyAccounts.open(java.util.Map.of("partSize", "5MiB", "concurrency", "3"))) {
            small.blobs().upload(bucket, "large", new java.io.ByteArrayInputStream(data), UploadOptions.defaults());
            Path file = dir.resolve("large.bin");
            java.util.List<Long> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            var p = small.blobs().downloadToFile(bucket, "large", file, ReadOptions.defaults()
                    .withProgress((done, total) -> progress.add(total)));
            assertThat(Files.readAllBytes(file)).isEqualTo(data);
            assertThat(p.size()).isEqualTo(data.length);
            assertThat(progress).isNotEmpty().allMatch(t -> t == data.length);
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> small.blobs().downloadToFile(bucket, "large",
                    dir.resolve("other.bin"), ReadOptions.defaults().withConditions(RequestConditions.ifMatch("\"00\""))));
            try (var files = Files.list(dir)) {
                assertThat(files).containsExactly(file);
            }
        }
    }

    @Test
    void deleteWithConditions() {
        BlobWriteResult w = blobs.upload(bucket, "doomed", "x".getBytes());
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.delete(bucket, "doomed",
                DeleteBlobOptions.defaults().withConditions(RequestConditions.ifMatch("\"0000\""))));
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.delete(bucket, "doomed",
                DeleteBlobOptions.defaults().withConditions(RequestConditions.ifNotExists())));
        assertThat(blobs.delete(bucket, "doomed", DeleteBlobOptions.defaults()
                .withConditions(RequestConditions.ifMatch(w.etag())))).isTrue();
        assertThat(blobs.delete(bucket, "doomed")).isFalse();
        assertThat(blobs.exists(bucket, "doomed")).isFalse();
        assertThat(blobs.exists("no-such-bucket-q4", "doomed")).isFalse();
    }

    @Test
    void presignedUrlsGrantOneMethod() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var get = blobs.generatePresignedUrl(bucket, "data", PresignOptions.read(Duration.ofMinutes(5)));
        assertThat(get.getHost()).isEqualTo("127.0.0.1");
        assertThat(get.getQuery()).contains("X-Amz-Signature=");
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(DATA);

        var put = blobs.generatePresignedUrl(bucket, "uploaded", PresignOptions.write(Duration.ofMinutes(5)));
        var p = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofString("via url")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(blobs.downloadBytes(bucket, "uploaded")).isEqualTo("via url".getBytes());
        var readOnly = http.send(HttpRequest.newBuilder(get).PUT(HttpRequest.BodyPublishers.ofString("no")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(readOnly.statusCode()).as("a GET signature does not allow a PUT").isEqualTo(403);

        var delete = blobs.generatePresignedUrl(bucket, "uploaded", PresignOptions.of(Duration.ofMinutes(5),
                EnumSet.of(io.unistore.blob.BlobPermission.DELETE)));
        assertThat(http.send(HttpRequest.newBuilder(delete).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(204);
        assertThat(blobs.exists(bucket, "uploaded")).isFalse();
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.generatePresignedUrl(bucket, "data", PresignOptions.of(
                Duration.ofMinutes(5), EnumSet.of(io.unistore.blob.BlobPermission.READ,
                io.unistore.blob.BlobPermission.WRITE))));
    }

    @Test
    void wrongCredentialsAreUnauthenticatedWithoutShowingThem() {
        var options = S3ProxyAccounts.options(io.unistore.testsupport.s3proxy.S3Proxy.shared());
        options.put("secretAccessKey", "definitely-wrong-secret-1234");
        options.put("maxAttempts", "1");
        try (StorageAccount wrong = io.unistore.Unistore.open("s3://", options)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.blobs().exists(bucket, "data"))
                    .isInstanceOfSatisfying(io.unistore.StorageException.class, e -> {
                        assertThat(e.code()).isIn(ErrorCode.UNAUTHENTICATED, ErrorCode.PERMISSION_DENIED);
                        assertThat(e.toString()).doesNotContain("definitely-wrong-secret-1234");
                    });
            assertFails(ErrorCode.UNAUTHENTICATED, () -> wrong.blobs().downloadBytes(bucket, "data"));
        }
    }

    private static byte[] read(String name, ByteRange range) throws Exception {
        try (InputStream in = blobs.openInputStream(bucket, name, ReadOptions.range(range))) {
            return in.readAllBytes();
        }
    }
}
