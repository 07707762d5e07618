package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local blob store's own behaviour: versions, snapshots, tiers, leases, content sharing, listing. */
class BlobStoreLocalTest {
    @TempDir
    Path dir;
    StorageAccount account;
    BlobStore blobs;

    @BeforeEach
    void open() {
        account = Unistore.open("file:" + dir);
        blobs = account.blobs();
        blobs.createContainer("box");
    }

    @AfterEach
    void close() {
        account.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void metadataAnyProviderReturnsIsKeptExactlyAcrossReopen() {
        // Keys Azure, S3 and Cloud Storage return (S3's lowercase tokens, GCS's free text, case apart), and keys
        // holding the local encoding's own separators.
        Map<String, String> metadata = Map.of("x-hyphen-key", "a=b=c", "dotted.key", "é 😀", "with space", "v",
                "Mixed", "1", "mixed", "2", "Größe", "ok", "a=b", "eq", "100%", "pct", "%3D", "literal");
        blobs.upload("box", "any-meta", utf8("x"), UploadOptions.defaults().withMetadata(metadata));
        blobs.createContainer("meta-box", metadata);
        account.queues().createQueue("meta-queue", metadata);
        account.close();
        account = Unistore.open("file:" + dir);
        blobs = account.blobs();
        assertThat(blobs.getProperties("box", "any-meta").metadata()).isEqualTo(metadata);
        assertThat(blobs.getContainerProperties("meta-box").metadata()).isEqualTo(metadata);
        assertThat(account.queues().getQueueProperties("meta-queue").metadata()).isEqualTo(metadata);
        assertThatThrownBy(() -> blobs.setMetadata("box", "any-meta", Map.of("k", "new\nline"), RequestConditions.none()))
                .isInstanceOf(StorageException.class).hasMessageContaining("control characters");
        assertThat(account.capabilities().metadataRules().allows(metadata)).isTrue();
    }

    private String text(String blob, ReadOptions options) throws Exception {
        try (InputStream in = blobs.openInputStream("box", blob, options)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private long contentFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve(ContentStore.CONTENT_DIR))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void uploadReadPropertiesAndMd5() throws Exception {
        byte[] data = utf8("hello world");
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        BlobWriteResult w = blobs.upload("box", "a/b.txt", data, UploadOptions.defaults().withContentType("text/plain")
                .withMetadata(Map.of("k", "v")).withContentMd5(md5));
        assertThat(w.contentMd5()).isEqualTo(md5);
        assertThat(w.size()).isEqualTo(11);
        BlobProperties p = blobs.getProperties("box", "a/b.txt");
        assertThat(p.contentType()).isEqualTo("text/plain");
        assertThat(p.metadata()).containsEntry("k", "v");
        assertThat(p.tier()).isEqualTo(AccessTier.HOT);
        assertThat(p.tierName()).isEqualTo("HOT");
        assertThat(p.etag()).isEqualTo(w.etag());
        assertThat(p.versionId()).isEqualTo(w.versionId()).isNotNull();
        assertThat(p.leaseState()).isEqualTo("available");
        assertThat(text("a/b.txt", ReadOptions.range(ByteRange.of(6, 3)))).isEqualTo("wor");
        assertThat(text("a/b.txt", ReadOptions.range(ByteRange.from(6)))).isEqualTo("world");
        assertThatThrownBy(() -> blobs.openInputStream("box", "a/b.txt", ReadOptions.range(ByteRange.from(11))))
                .isInstanceOf(StorageException.class).extracting(e -> ((StorageException) e).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void md5MismatchStoresNothing() throws Exception {
        assertThatThrownBy(() -> blobs.upload("box", "x", utf8("abc"), UploadOptions.defaults()
                .withContentMd5(Base64.getEncoder().encodeToString(new byte[16]))))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(blobs.exists("box", "x")).isFalse();
        assertThat(contentFiles()).isZero();
        try (Stream<Path> tmp = Files.list(dir.resolve(ContentStore.TMP_DIR))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void conditionsAndCreateOnly() {
        BlobWriteResult first = blobs.upload("box", "x", utf8("1"));
        assertThatThrownBy(() -> blobs.upload("box", "x", utf8("2"), UploadOptions.defaults()
                .withConditions(RequestConditions.ifNotExists())))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
        BlobWriteResult second = blobs.upload("box", "x", utf8("2"), UploadOptions.defaults()
                .withConditions(RequestConditions.ifMatch(first.etag())));
        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThatThrownBy(() -> blobs.delete("box", "x", DeleteBlobOptions.defaults()
                .withConditions(RequestConditions.ifMatch(first.etag()))))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
        assertThat(blobs.delete("box", "x")).isTrue();
        assertThat(blobs.delete("box", "x")).isFalse();
        assertThatThrownBy(() -> blobs.upload("nobox", "x", utf8("1")))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void versionsListReadRestoreAndSurviveDelete() throws Exception {
        BlobWriteResult v1 = blobs.upload("box", "doc", utf8("one"));
        BlobWriteResult v2 = blobs.upload("box", "doc", utf8("two"));
        List<BlobProperties> versions = blobs.listVersions("box", "doc", ListOptions.defaults()).stream().toList();
        assertThat(versions).extracting(BlobProperties::versionId).containsExactly(v1.versionId(), v2.versionId());
        assertThat(versions).extracting(BlobProperties::currentVersion).containsExactly(false, true);
        assertThat(text("doc", ReadOptions.defaults().withVersionId(v1.versionId()))).isEqualTo("one");
        BlobWriteResult v3 = blobs.restoreVersion("box", "doc", v1.versionId());
        assertThat(text("doc", ReadOptions.defaults())).isEqualTo("one");
        assertThat(v3.versionId()).isGreaterThan(v2.versionId());
        assertThat(blobs.delete("box", "doc")).isTrue();
        assertThat(blobs.exists("box", "doc")).isFalse();
        List<BlobProperties> after = blobs.listVersions("box", "doc", ListOptions.defaults().withPageSize(2)).stream()
                .toList();
        assertThat(after).hasSize(3).allMatch(p -> !p.currentVersion());
        assertThat(text("doc", ReadOptions.defaults().withVersionId(v2.versionId()))).isEqualTo("two");
        // v1 and v3 share one content file; v2 has its own.
        assertThat(contentFiles()).isEqualTo(2);
        assertThat(blobs.delete("box", "doc", DeleteBlobOptions.defaults().withVersionId(v2.versionId()))).isTrue();
        assertThat(contentFiles()).isEqualTo(1);
    }

    @Test
    void snapshotsAreFrozenAndGoWithTheBlob() throws Exception {
        blobs.upload("box", "s", utf8("before"));
        String snap = blobs.createSnapshot("box", "s", null);
        blobs.upload("box", "s", utf8("after"));
        assertThat(text("s", ReadOptions.defaults().withSnapshot(snap))).isEqualTo("before");
        assertThat(blobs.listSnapshots("box", "s")).extracting(BlobProperties::snapshot).containsExactly(snap);
        blobs.delete("box", "s");
        assertThat(blobs.listSnapshots("box", "s")).isEmpty();
    }

    @Test
    void archiveRefusesReadsUntilRehydrated() throws Exception {
        blobs.upload("box", "cold", utf8("data"));
        blobs.setTier("box", "cold", AccessTier.ARCHIVE);
        assertThat(blobs.getProperties("box", "cold").tier()).isEqualTo(AccessTier.ARCHIVE);
        assertThatThrownBy(() -> blobs.downloadBytes("box", "cold")).isInstanceOf(StorageException.class)
                .hasMessageContaining("rehydrate")
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        blobs.setTier("box", "cold", AccessTier.COOL);
        assertThat(blobs.downloadBytes("box", "cold")).isEqualTo(utf8("data"));
    }

    @Test
    void leasesGuardWrites() {
        blobs.upload("box", "l", utf8("x"));
        String lease = blobs.acquireLease("box", "l", Duration.ofSeconds(15), null);
        assertThatThrownBy(() -> blobs.acquireLease("box", "l", null, null))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThatThrownBy(() -> blobs.upload("box", "l", utf8("y")))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
        assertThatThrownBy(() -> blobs.delete("box", "l"))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
        blobs.upload("box", "l", utf8("y"), UploadOptions.defaults().withConditions(RequestConditions.none()
                .withLeaseId(lease)));
        assertThat(blobs.getProperties("box", "l").leaseState()).isEqualTo("leased");
        blobs.renewLease("box", "l", lease);
        blobs.releaseLease("box", "l", lease);
        blobs.upload("box", "l", utf8("z"));
        blobs.acquireLease("box", "l", null, null);
        blobs.breakLease("box", "l");
        assertThat(blobs.getProperties("box", "l").leaseState()).isEqualTo("broken");
        assertThat(blobs.delete("box", "l")).isTrue();
        assertThatThrownBy(() -> blobs.acquireLease("box", "nope", null, null))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> blobs.acquireLease("box", "l", Duration.ofSeconds(5), null))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void copySharesContent() throws Exception {
        blobs.upload("box", "src", utf8("shared"), UploadOptions.defaults().withContentType("text/plain"));
        blobs.createContainer("box2");
        blobs.copy("box", "src", "box2", "dst", CopyOptions.defaults());
        assertThat(blobs.downloadBytes("box2", "dst")).isEqualTo(utf8("shared"));
        assertThat(blobs.getProperties("box2", "dst").contentType()).isEqualTo("text/plain");
        assertThat(contentFiles()).isEqualTo(1);
        blobs.deleteContainer("box");
        assertThat(blobs.downloadBytes("box2", "dst")).isEqualTo(utf8("shared"));
        blobs.deleteContainer("box2");
        assertThat(contentFiles()).isZero();
    }

    @Test
    void listingWithDelimiterAndPages() {
        for (String n : List.of("a/1", "a/2", "a/b/3", "b", "c/4", "c0", "d")) {
            blobs.upload("box", n, utf8(n));
        }
        List<String> flat = blobs.list("box", ListBlobsOptions.defaults().withPageSize(2)).stream().map(BlobItem::name)
                .toList();
        assertThat(flat).containsExactly("a/1", "a/2", "a/b/3", "b", "c/4", "c0", "d");
        List<String> top = blobs.list("box", ListBlobsOptions.defaults().withDelimiter("/").withPageSize(1)).stream()
                .map(BlobItem::name).toList();
        assertThat(top).containsExactly("a/", "b", "c/", "c0", "d");
        List<String> underA = blobs.list("box", ListBlobsOptions.prefix("a/").withDelimiter("/")).stream()
                .map(BlobItem::name).toList();
        assertThat(underA).containsExactly("a/1", "a/2", "a/b/");
        var page = blobs.list("box", ListBlobsOptions.defaults().withDelimiter("/").withPageSize(2)).firstPage();
        assertThat(page.items()).extracting(BlobItem::name).containsExactly("a/", "b");
        var next = blobs.list("box", ListBlobsOptions.defaults().withDelimiter("/").withPageSize(2)
                .withContinuationToken(page.continuationToken())).firstPage();
        assertThat(next.items()).extracting(BlobItem::name).containsExactly("c/", "c0");
    }

    @Test
    void versioningCanBeTurnedOff() {
        try (StorageAccount plain = Unistore.open("file:" + dir.resolve("nv") + "?versioning=false")) {
            assertThat(plain.capabilities().has(io.unistore.Capability.BLOB_VERSIONS)).isFalse();
            BlobStore b = plain.blobs();
            b.createContainer("box");
            assertThat(b.upload("box", "x", utf8("1")).versionId()).isNull();
            assertThatThrownBy(() -> b.listVersions("box", "x", ListOptions.defaults()))
                    .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED);
        }
    }

    @Test
    void namesListInStringOrderEvenBeyondTheBasicPlane() {
        // UTF-8 byte order would put the fullwidth letter (U+FF21) before the emoji (U+1F600); Java's does not.
        List<String> names = new java.util.ArrayList<>(List.of("z", "\uFF21", "\uD83D\uDE00", "\u00e9t\u00e9", "A"));
        for (String n : names) {
            blobs.upload("box", n, utf8(n));
        }
        java.util.Collections.sort(names);
        assertThat(blobs.list("box", ListBlobsOptions.defaults().withPageSize(2)).stream().map(BlobItem::name).toList())
                .containsExactlyElementsOf(names);
    }

    @Test
    void filesGoUpAndComeDownByKernelCopy() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(data);
        Path src = dir.resolve("src.bin");
        Files.write(src, data);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
        BlobWriteResult w = blobs.upload("box", "file", src, UploadOptions.defaults().withContentMd5(md5)
                .withProgress((done, total) -> seen.set(done)));
        assertThat(w.contentMd5()).isEqualTo(md5);
        assertThat(w.size()).isEqualTo(data.length);
        assertThat(seen).hasValue(data.length);
        assertThatThrownBy(() -> blobs.upload("box", "bad", src, UploadOptions.defaults()
                .withContentMd5(Base64.getEncoder().encodeToString(new byte[16]))))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(blobs.exists("box", "bad")).isFalse();
        assertThatThrownBy(() -> blobs.upload("box", "none", dir.resolve("missing.bin"), UploadOptions.defaults()))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);

        Path out = dir.resolve("out/copy.bin");
        BlobProperties p = blobs.downloadToFile("box", "file", out, ReadOptions.defaults());
        assertThat(Files.readAllBytes(out)).isEqualTo(data);
        assertThat(p.etag()).isEqualTo(w.etag());
        blobs.downloadToFile("box", "file", out, ReadOptions.range(ByteRange.of(1000, 5000)));
        assertThat(Files.readAllBytes(out)).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 6000));
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).extracting(x -> x.getFileName().toString()).containsExactly("copy.bin");
        }
        blobs.setTier("box", "file", AccessTier.ARCHIVE);
        assertThatThrownBy(() -> blobs.downloadToFile("box", "file", out, ReadOptions.defaults()))
                .extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(Files.readAllBytes(out)).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 6000));
    }
}
