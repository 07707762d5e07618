package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import io.unistore.testsupport.azurite.Azurite;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Azure-specific blob behaviour on Azurite: block uploads, ranged reads, MD5, archive, SAS, leases, batches. */
class AzureBlobStoreTest {
    private static StorageAccount account;
    private static BlobStore blobs;
    private static String container;

    @BeforeAll
    static void open() {
        account = AzuriteAccounts.open();
        blobs = account.blobs();
        container = AzuriteAccounts.name("blobs");
        blobs.createContainer(container);
    }

    @AfterAll
    static void close() {
        blobs.deleteContainer(container);
        account.close();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String md5(byte[] b) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void blockUploadOfUnknownLengthStoresContentAndWholeMd5() throws Exception {
        byte[] data = random(5 * 64 * 1024 + 123);
        AtomicLong progress = new AtomicLong();
        // No length: the provider cannot tell the size up front; 64 KiB blocks force a block upload.
        InputStream unknownLength = new ByteArrayInputStream(data) {
            @Override
            public int available() {
                return 0;
            }
        };
        var result = blobs.upload(container, "big.bin", unknownLength, UploadOptions.defaults().withBlockSize(64 * 1024)
                .withConcurrency(3).withContentType("application/x-test").withProgress((done, total) -> progress.set(done)));
        assertThat(result.size()).isEqualTo(data.length);
        assertThat(result.contentMd5()).isEqualTo(md5(data));
        assertThat(progress.get()).isEqualTo(data.length);
        BlobProperties p = blobs.getProperties(container, "big.bin");
        assertThat(p.contentMd5()).isEqualTo(md5(data));
        assertThat(p.contentType()).isEqualTo("application/x-test");
        assertThat(blobs.downloadBytes(container, "big.bin")).isEqualTo(data);
    }

    @Test
    void blockSizeOfExactlyTheContentIsOneRequest() throws Exception {
        byte[] data = random(64 * 1024);
        var r = blobs.upload(container, "exact.bin", data, UploadOptions.defaults().withBlockSize(64 * 1024));
        assertThat(r.contentMd5()).isEqualTo(md5(data));
        assertThat(blobs.downloadBytes(container, "exact.bin")).isEqualTo(data);
    }

    @Test
    void wrongMd5StoresNothingForBothUploadPaths() {
        byte[] small = random(1000);
        byte[] large = random(200 * 1024);
        for (byte[] data : List.of(small, large)) {
            String name = "md5-" + data.length;
            assertThatThrownBy(() -> blobs.upload(container, name, data, UploadOptions.defaults()
                    .withBlockSize(64 * 1024).withContentMd5(Base64.getEncoder().encodeToString(new byte[16]))))
                    .isInstanceOf(StorageException.class)
                    .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("contentMd5");
            assertThat(blobs.exists(container, name)).isFalse();
        }
    }

    @Test
    void rangedStreamsReadAcrossChunksAndRefuseRangesBeyondTheEnd() throws IOException {
        byte[] data = random(3000);
        blobs.upload(container, "ranged.bin", data);
        try (InputStream in = blobs.openInputStream(container, "ranged.bin", ReadOptions.range(ByteRange.of(10, 2000)))) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 10, 2010));
        }
        try (InputStream in = blobs.openInputStream(container, "ranged.bin", ReadOptions.range(ByteRange.from(2990)))) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 2990, 3000));
        }
        assertThatThrownBy(() -> blobs.openInputStream(container, "ranged.bin", ReadOptions.range(ByteRange.from(5000))))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> blobs.openInputStream(container, "ranged.bin", ReadOptions.range(ByteRange.from(3000))))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        blobs.upload(container, "empty.bin", new byte[0]);
        assertThat(blobs.downloadBytes(container, "empty.bin")).isEmpty();
    }

    @Test
    void parallelDownloadToFileChecksAndReplacesTheFile(@TempDir Path dir) throws Exception {
        byte[] data = random(300 * 1024);
        blobs.upload(container, "file.bin", data, UploadOptions.defaults().withBlockSize(64 * 1024));
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "old");
        BlobProperties p = blobs.downloadToFile(container, "file.bin", target, ReadOptions.defaults());
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(p.size()).isEqualTo(data.length);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void archivedBlobsRefuseReadsWithConflictUntilRehydrated() {
        blobs.upload(container, "cold.txt", "brr".getBytes());
        blobs.setTier(container, "cold.txt", AccessTier.ARCHIVE);
        assertThat(blobs.getProperties(container, "cold.txt").tier()).isEqualTo(AccessTier.ARCHIVE);
        assertThatThrownBy(() -> blobs.downloadBytes(container, "cold.txt"))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT));
        blobs.setTier(container, "cold.txt", AccessTier.HOT);
        assertThat(blobs.downloadBytes(container, "cold.txt")).isEqualTo("brr".getBytes());
    }

    @Test
    void createOnlyUploadOfAnExistingBlobFailsTheCondition() {
        blobs.upload(container, "once.txt", "1".getBytes());
        assertThatThrownBy(() -> blobs.upload(container, "once.txt", "2".getBytes(),
                UploadOptions.defaults().withConditions(RequestConditions.ifNotExists())))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThat(blobs.downloadBytes(container, "once.txt")).isEqualTo("1".getBytes());
    }

    @Test
    void presignedUrlsReadWithoutCredentialsAndDenyWrites() throws Exception {
        blobs.upload(container, "shared.txt", "hello".getBytes());
        URI url = blobs.generatePresignedUrl(container, "shared.txt", PresignOptions.read(Duration.ofMinutes(5)));
        assertThat(url.getQuery()).contains("sig=");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("hello");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(url).header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofString("evil")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(account.toString()).doesNotContain("Eby8vdM02");
    }

    @Test
    void leasesGuardWritesAndConflictWithEachOther() {
        blobs.upload(container, "leased.txt", "x".getBytes());
        String lease = blobs.acquireLease(container, "leased.txt", null, null);
        assertThatThrownBy(() -> blobs.acquireLease(container, "leased.txt", Duration.ofSeconds(15), null))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> blobs.upload(container, "leased.txt", "y".getBytes()))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        blobs.upload(container, "leased.txt", "z".getBytes(), UploadOptions.defaults()
                .withConditions(RequestConditions.none().withLeaseId(lease)));
        blobs.releaseLease(container, "leased.txt", lease);
        assertThat(blobs.getProperties(container, "leased.txt").leaseState()).isEqualToIgnoringCase("available");
    }

    @Test
    void serverSideCopyCarriesNewMetadataTierAndContentType() {
        blobs.upload(container, "src.txt", "copy me".getBytes(), UploadOptions.defaults().withContentType("text/plain"));
        var r = blobs.copy(container, "src.txt", container, "dst.txt", CopyOptions.defaults()
                .withMetadata(Map.of("k", "v")).withTier(AccessTier.COOL).withContentType("text/x-copied"));
        BlobProperties p = blobs.getProperties(container, "dst.txt");
        assertThat(p.metadata()).containsEntry("k", "v");
        assertThat(p.tier()).isEqualTo(AccessTier.COOL);
        assertThat(p.contentType()).isEqualTo("text/x-copied");
        assertThat(r.etag()).isEqualTo(p.etag());
        URI sas = blobs.generatePresignedUrl(container, "src.txt", PresignOptions.read(Duration.ofMinutes(5)));
        blobs.copyFromUrl(sas, container, "fromurl.txt", CopyOptions.defaults());
        assertThat(blobs.downloadBytes(container, "fromurl.txt")).isEqualTo("copy me".getBytes());
    }

    @Test
    void snapshotsAreListedOldestFirstAndReadable() {
        blobs.upload(container, "snap.txt", "one".getBytes());
        String s1 = blobs.createSnapshot(container, "snap.txt", null);
        blobs.upload(container, "snap.txt", "two".getBytes());
        String s2 = blobs.createSnapshot(container, "snap.txt", Map.of("tag", "second"));
        assertThat(blobs.listSnapshots(container, "snap.txt")).extracting(BlobProperties::snapshot)
                .containsExactly(s1, s2);
        assertThat(blobs.downloadBytes(container, "snap.txt")).isEqualTo("two".getBytes());
        try (InputStream in = blobs.openInputStream(container, "snap.txt", ReadOptions.defaults().withSnapshot(s1))) {
            assertThat(in.readAllBytes()).isEqualTo("one".getBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void batchDeleteCountsAbsentBlobsAsDeleted() {
        blobs.upload(container, "b1", "1".getBytes());
        blobs.upload(container, "b2", "2".getBytes());
        var result = blobs.deleteBlobs(container, List.of("b1", "b2", "never-there"));
        assertThat(result.isComplete()).isTrue();
        assertThat(result.deleted()).containsExactlyInAnyOrder("b1", "b2", "never-there");
        assertThat(blobs.exists(container, "b1")).isFalse();
    }

    @Test
    void listingsPageWithOpaqueTokensAndGroupByDelimiter() {
        for (String n : List.of("l/a.txt", "l/b.txt", "l/sub/c.txt", "l/sub/d.txt", "l/e.txt")) {
            blobs.upload(container, n, n.getBytes());
        }
        var first = blobs.list(container, io.unistore.blob.ListBlobsOptions.prefix("l/").withPageSize(2)).firstPage();
        assertThat(first.items()).hasSize(2);
        assertThat(first.continuationToken()).isNotNull();
        List<String> all = blobs.list(container, io.unistore.blob.ListBlobsOptions.prefix("l/").withPageSize(2))
                .stream().map(io.unistore.blob.BlobItem::name).toList();
        assertThat(all).containsExactly("l/a.txt", "l/b.txt", "l/e.txt", "l/sub/c.txt", "l/sub/d.txt");
        var rest = blobs.list(container, io.unistore.blob.ListBlobsOptions.prefix("l/").withPageSize(2)
                .withContinuationToken(first.continuationToken())).stream().map(io.unistore.blob.BlobItem::name).toList();
        assertThat(rest).containsExactly("l/e.txt", "l/sub/c.txt", "l/sub/d.txt");
        var grouped = blobs.list(container, io.unistore.blob.ListBlobsOptions.prefix("l/").withDelimiter("/")).stream()
                .toList();
        assertThat(grouped).extracting(io.unistore.blob.BlobItem::name)
                .containsExactly("l/a.txt", "l/b.txt", "l/e.txt", "l/sub/");
        assertThat(grouped.get(3).prefix()).isTrue();
        assertThatThrownBy(() -> blobs.list("no-such-container-x").firstPage())
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void etagConditionsGuardWritesAndReads() {
        var first = blobs.upload(container, "cond.txt", "1".getBytes());
        var second = blobs.setMetadata(container, "cond.txt", Map.of("v", "2"), RequestConditions.ifMatch(first.etag()));
        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThatThrownBy(() -> blobs.setMetadata(container, "cond.txt", Map.of("v", "3"),
                RequestConditions.ifMatch(first.etag())))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThatThrownBy(() -> blobs.openInputStream(container, "cond.txt", ReadOptions.defaults()
                .withConditions(RequestConditions.ifMatch(first.etag()))))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThat(blobs.getProperties(container, "cond.txt").metadata()).containsEntry("v", "2");
    }

    @Test
    void containersCarryMetadataAndListByPrefix() {
        String c = AzuriteAccounts.name("meta");
        blobs.createContainer(c, Map.of("Team", "blue"));
        try {
            assertThat(blobs.getContainerProperties(c).metadata()).containsEntry("Team", "blue");
            blobs.setContainerMetadata(c, Map.of("Team", "red"));
            assertThat(blobs.listContainers(io.unistore.ListOptions.prefix(c)).stream().toList())
                    .singleElement().satisfies(i -> assertThat(i.metadata()).containsEntry("Team", "red"));
            assertThatThrownBy(() -> blobs.createContainer(c))
                    .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        } finally {
            assertThat(blobs.deleteContainer(c)).isTrue();
        }
        assertThat(blobs.deleteContainer(c)).isFalse();
        assertThatThrownBy(() -> blobs.getContainerProperties(c))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void anEmptyMetadataValueListsAsEmpty() {
        // Found by the MCP fuzzer: the SDK reads <k></k> in a container listing as a null value, and listing every
        // container of the account failed with a NullPointerException (INTERNAL).
        String c = AzuriteAccounts.name("empty");
        blobs.createContainer(c, Map.of("Empty", "", "Team", "blue"));
        try {
            assertThat(blobs.listContainers(io.unistore.ListOptions.prefix(c)).stream().toList()).singleElement()
                    .satisfies(i -> assertThat(i.metadata()).containsEntry("Empty", "").containsEntry("Team", "blue"));
            assertThat(blobs.getContainerProperties(c).metadata()).containsEntry("Empty", "");
            blobs.upload(c, "b.txt", new java.io.ByteArrayInputStream(new byte[] {1}),
                    UploadOptions.defaults().withMetadata(Map.of("Empty", "")));
            assertThat(blobs.list(c, io.unistore.blob.ListBlobsOptions.defaults().withIncludeMetadata(true)).stream()
                    .toList()).singleElement().satisfies(b -> assertThat(b.properties().metadata())
                    .containsEntry("Empty", ""));
        } finally {
            blobs.deleteContainer(c);
        }
    }

    @Test
    void anEmulatorEndpointOpensWhenTheProviderIsNamed() {
        try (StorageAccount explicit = io.unistore.Unistore.builder().address(Azurite.shared().blobEndpoint())
                .option("provider", "azure").option("accountKey", Azurite.KEY).option("versioning", "false").open()) {
            assertThat(explicit.blobs().containerExists(container)).isTrue();
            assertThat(explicit.capabilities().has(io.unistore.Capability.QUEUES)).isFalse();
        }
        assertThatThrownBy(() -> io.unistore.Unistore.open(Azurite.shared().blobEndpoint()))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void errorsKeepAzureCodeStatusAndRequestId() {
        StorageException e = org.junit.jupiter.api.Assertions.assertThrows(StorageException.class,
                () -> blobs.getProperties(container, "missing"));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.providerStatus()).isEqualTo(404);
        assertThat(e.requestId()).isNotBlank();
    }
}
