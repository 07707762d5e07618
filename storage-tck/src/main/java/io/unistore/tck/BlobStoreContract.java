package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static io.unistore.tck.TestData.md5Base64;
import static io.unistore.tck.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.ByteRange;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@link BlobStore}: every provider with {@link Capability#BLOBS} passes it against its real
 * back end. Extend it and implement {@link #openAccount()}.
 *
 * <p>Optional features are tested only where the account declares their capability ({@code assumeTrue}); where
 * it does not, {@link CapabilityGating} checks that they are refused with UNSUPPORTED.
 */
public abstract class BlobStoreContract extends StoreContract {
    private static final long MIB = 1024 * 1024;
    /** The size of the large round trip. */
    protected static final long LARGE_BLOB_BYTES = 256 * MIB;

    protected BlobStore blobs;
    /** A container shared by the tests that only need blobs (each uses its own blob names). */
    private String box;

    @Override
    final Capability storeCapability() {
        return Capability.BLOBS;
    }

    @Override
    final void openStore() {
        blobs = account.blobs();
    }

    @Override
    final void remove(String container) {
        blobs.deleteContainer(container);
    }

    @BeforeAll
    void createSharedContainer() {
        box = newContainer();
    }

    /** Creates a fresh container that is removed after the class. */
    protected String newContainer() {
        String name = track(TestData.uniqueName("tck"));
        blobs.createContainer(name);
        return name;
    }

    private static String blobName(String base) {
        return TestData.uniqueName(base);
    }

    private BlobWriteResult put(String container, String blob, String text) {
        return blobs.upload(container, blob, utf8(text));
    }

    private String text(String container, String blob) {
        return new String(blobs.downloadBytes(container, blob), StandardCharsets.UTF_8);
    }

    private String text(String container, String blob, ReadOptions options) {
        return new String(read(container, blob, options), StandardCharsets.UTF_8);
    }

    private byte[] read(String container, String blob, ReadOptions options) {
        try (InputStream in = blobs.openInputStream(container, blob, options)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sha256(String container, String blob) {
        return TestData.sha256(blobs.openInputStream(container, blob));
    }

    /** Metadata keys are compared case-insensitively: S3 lowercases them, Azure keeps their case. */
    private static Map<String, String> lowerKeys(Map<String, String> metadata) {
        Map<String, String> m = new TreeMap<>();
        metadata.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return m;
    }

    private static void assertMetadata(Map<String, String> actual, Map<String, String> expected) {
        assertThat(lowerKeys(actual)).isEqualTo(lowerKeys(expected));
    }

    private static UploadOptions ifMatch(String etag) {
        return UploadOptions.DEFAULT.withConditions(RequestConditions.ifMatch(etag));
    }

    // ---- containers --------------------------------------------------------------------------------

    @Nested
    class Containers {
        @Test
        void createExistsDeleteFollowTheConventions() {
            String c = TestData.uniqueName("life");
            assertThat(blobs.containerExists(c)).isFalse();
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.getContainerProperties(c));
            blobs.createContainer(c);
            track(c);
            assertThat(blobs.containerExists(c)).isTrue();
            assertThat(blobs.getContainerProperties(c).name()).isEqualTo(c);
            assertFails(ErrorCode.ALREADY_EXISTS, () -> blobs.createContainer(c));
            assertThat(blobs.createContainerIfNotExists(c)).isFalse();
            assertThat(blobs.deleteContainer(c)).isTrue();
            assertThat(blobs.containerExists(c)).isFalse();
            assertThat(blobs.deleteContainer(c)).isFalse();

            // A fresh name: clouds refuse to recreate a just-deleted container for a while.
            String other = TestData.uniqueName("life");
            assertThat(blobs.createContainerIfNotExists(other)).isTrue();
            track(other);
            assertThat(blobs.containerExists(other)).isTrue();
        }

        @Test
        void deletingAContainerDeletesItsBlobs() {
            String c = newContainer();
            put(c, "a", "x");
            put(c, "dir/b", "y");
            assertThat(blobs.deleteContainer(c)).isTrue();
            assertThat(blobs.exists(c, "a")).isFalse();
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.getProperties(c, "dir/b"));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.list(c).firstPage());
        }

        @Test
        void badContainerNamesAreRefusedAndCreateNothing() {
            List<String> bad = List.of("ab", "Upper-case", "a--b", "-abc", "abc-", "under_score", "dot.ted",
                    "with space", "ünïcode", "x".repeat(64));
            for (String name : bad) {
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.createContainer(name));
            }
            assertThat(blobs.listContainers().stream().map(ContainerInfo::name).toList())
                    .doesNotContainAnyElementsOf(bad);
        }

        @Test
        void listContainersFiltersByPrefixAndPages() {
            String prefix = TestData.uniqueName("lst");
            List<String> names = new ArrayList<>();
            for (String suffix : List.of("e", "a", "d", "b", "c")) {
                String name = prefix + "-" + suffix;
                blobs.createContainer(name);
                track(name);
                names.add(name);
            }
            names.sort(null);
            Paging.assertListsExactly("containers", (token, size) -> blobs.listContainers(
                            ListOptions.prefix(prefix).withPageSize(size).withContinuationToken(token)),
                    ContainerInfo::name, 2, names);
            assertThat(blobs.listContainers(ListOptions.prefix(prefix + "-z")).stream().toList()).isEmpty();
        }

        @Test
        void containerMetadataRoundTripsWhenDeclared() {
            assumeTrue(declares(Capability.CONTAINER_METADATA), "account declares CONTAINER_METADATA");
            String c = TestData.uniqueName("meta");
            blobs.createContainer(c, Map.of("owner", "ada", "stage", "one"));
            track(c);
            assertMetadata(blobs.getContainerProperties(c).metadata(), Map.of("owner", "ada", "stage", "one"));
            blobs.setContainerMetadata(c, Map.of("stage", "two"));
            assertMetadata(blobs.getContainerProperties(c).metadata(), Map.of("stage", "two"));
            assertFails(ErrorCode.NOT_FOUND,
                    () -> blobs.setContainerMetadata(TestData.uniqueName("missing"), Map.of("a", "b")));
        }
    }

    // ---- uploads and downloads ---------------------------------------------------------------------

    @Nested
    class UploadsAndDownloads {
        @Test
        void bytesRoundTripWithTheirProperties() {
            byte[] content = TestData.bytes(1, 10_000);
            String name = blobName("bytes");
            Instant before = Instant.now().minus(Duration.ofMinutes(5));
            BlobWriteResult written = blobs.upload(box, name, content);
            assertThat(written.etag()).isNotBlank();
            if (written.size() != -1) {
                assertThat(written.size()).isEqualTo(content.length);
            }
            if (written.contentMd5() != null) {
                assertThat(written.contentMd5()).isEqualTo(md5Base64(content));
            }

            BlobProperties p = blobs.getProperties(box, name);
            assertThat(p.container()).isEqualTo(box);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.size()).isEqualTo(content.length);
            assertThat(p.etag()).isEqualTo(written.etag());
            assertThat(p.lastModified()).isAfter(before).isBefore(Instant.now().plus(Duration.ofMinutes(5)));
            assertThat(p.currentVersion()).isTrue();
            assertThat(p.snapshot()).isNull();
            if (p.contentMd5() != null) {
                assertThat(p.contentMd5()).isEqualTo(md5Base64(content));
            }

            assertThat(blobs.exists(box, name)).isTrue();
            assertThat(blobs.downloadBytes(box, name)).isEqualTo(content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(blobs.download(box, name, out, ReadOptions.DEFAULT)).isEqualTo(content.length);
            assertThat(out.toByteArray()).isEqualTo(content);
        }

        @Test
        void anUploadReplacesTheContentAndTheEtag() {
            String name = blobName("replace");
            BlobWriteResult first = put(box, name, "first version");
            BlobWriteResult second = put(box, name, "second");
            assertThat(second.etag()).isNotEqualTo(first.etag());
            assertThat(text(box, name)).isEqualTo("second");
            assertThat(blobs.getProperties(box, name).size()).isEqualTo(6);
        }

        @Test
        void anEmptyBlobRoundTrips() {
            String name = blobName("empty");
            blobs.upload(box, name, new byte[0]);
            assertThat(blobs.getProperties(box, name).size()).isZero();
            assertThat(blobs.downloadBytes(box, name)).isEmpty();
            assertThat(read(box, name, ReadOptions.range(ByteRange.from(0)))).isEmpty();
        }

        @Test
        void streamsOfKnownAndUnknownLengthUploadWhole() {
            long size = 9 * MIB + 12_345;
            String unknown = blobName("unknown-length");
            blobs.upload(box, unknown, TestData.stream(7, size), UploadOptions.DEFAULT);
            String known = blobName("known-length");
            blobs.upload(box, known, TestData.stream(7, size), UploadOptions.DEFAULT.withLength(size));
            String expected = TestData.sha256(7, size);
            for (String name : List.of(unknown, known)) {
                assertThat(blobs.getProperties(box, name).size()).as(name).isEqualTo(size);
                assertThat(sha256(box, name)).as(name).isEqualTo(expected);
            }
        }

        @Test
        void aStreamGivingFewBytesPerReadIsReadToItsEndAndNotClosed() {
            long size = 300_000;
            AtomicBoolean closed = new AtomicBoolean();
            InputStream trickle = new FilterInputStream(TestData.stream(8, size)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 777));
                }

                @Override
                public void close() throws IOException {
                    closed.set(true);
                    super.close();
                }
            };
            String name = blobName("trickle");
            blobs.upload(box, name, trickle, UploadOptions.DEFAULT);
            assertThat(closed).as("the caller's stream is not closed").isFalse();
            assertThat(sha256(box, name)).isEqualTo(TestData.sha256(8, size));
        }

        @Test
        void aMatchingContentMd5IsAcceptedAndKept() {
            byte[] content = utf8("checked content");
            String name = blobName("md5-ok");
            blobs.upload(box, name, content, UploadOptions.DEFAULT.withContentMd5(md5Base64(content)));
            assertThat(blobs.downloadBytes(box, name)).isEqualTo(content);
            assertThat(blobs.getProperties(box, name).contentMd5()).isEqualTo(md5Base64(content));
        }

        @Test
        void aMismatchingContentMd5FailsAndStoresNothing() {
            String wrong = md5Base64(utf8("something else"));
            String fresh = blobName("md5-bad");
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, fresh, utf8("content"),
                    UploadOptions.DEFAULT.withContentMd5(wrong)));
            assertThat(blobs.exists(box, fresh)).isFalse();

            String streamed = blobName("md5-bad-stream");
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, streamed, TestData.stream(9, 3 * MIB),
                    UploadOptions.DEFAULT.withContentMd5(wrong)));
            assertThat(blobs.exists(box, streamed)).isFalse();

            String existing = blobName("md5-keep");
            put(box, existing, "old content");
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, existing, utf8("new content"),
                    UploadOptions.DEFAULT.withContentMd5(wrong)));
            assertThat(text(box, existing)).isEqualTo("old content");
        }

        @Test
        void filesUploadAndDownloadToFilesAtomically(@TempDir Path dir) throws IOException {
            long size = 3 * MIB + 5;
            Path source = dir.resolve("source.bin");
            try (InputStream in = TestData.stream(3, size)) {
                Files.copy(in, source);
            }
            String name = blobName("file");
            blobs.upload(box, name, source, UploadOptions.DEFAULT);

            Path target = dir.resolve("sub").resolve("target.bin");
            BlobProperties p = blobs.downloadToFile(box, name, target, ReadOptions.DEFAULT);
            assertThat(p.size()).isEqualTo(size);
            assertThat(TestData.sha256(target)).isEqualTo(TestData.sha256(3, size));

            Files.writeString(target, "replace me");
            put(box, name, "smaller now");
            blobs.downloadToFile(box, name, target, ReadOptions.DEFAULT);
            assertThat(Files.readString(target)).isEqualTo("smaller now");

            assertFails(ErrorCode.NOT_FOUND,
                    () -> blobs.downloadToFile(box, blobName("missing"), target, ReadOptions.DEFAULT));
            assertThat(Files.readString(target)).as("a failed download leaves the file alone").isEqualTo("smaller now");
            try (var listing = Files.list(target.getParent())) {
                assertThat(listing.map(f -> f.getFileName().toString()).toList())
                        .as("no temporary file is left behind").containsExactly("target.bin");
            }
        }

        @Test
        void progressIsReportedForUploadsAndDownloads() {
            long size = 2 * MIB;
            AtomicLong uploaded = new AtomicLong();
            String name = blobName("progress");
            blobs.upload(box, name, TestData.stream(4, size), UploadOptions.DEFAULT.withLength(size)
                    .withProgress((done, total) -> uploaded.accumulateAndGet(done, Math::max)));
            assertThat(uploaded.get()).isEqualTo(size);

            AtomicLong downloaded = new AtomicLong();
            blobs.download(box, name, OutputStreamSink.INSTANCE, ReadOptions.DEFAULT
                    .withProgress((done, total) -> downloaded.accumulateAndGet(done, Math::max)));
            assertThat(downloaded.get()).isEqualTo(size);
        }

        @Test
        void aMissingContainerOrBlobIsNotFound() {
            String missing = TestData.uniqueName("missing");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.upload(missing, "x", utf8("x")));
            assertThat(blobs.containerExists(missing)).isFalse();
            assertThat(blobs.exists(missing, "x")).isFalse();

            String absent = blobName("absent");
            assertThat(blobs.exists(box, absent)).isFalse();
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.getProperties(box, absent));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.downloadBytes(box, absent));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.openInputStream(box, absent).close());
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.setMetadata(box, absent, Map.of("a", "b"),
                    RequestConditions.NONE));
        }
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    // ---- ranged reads ------------------------------------------------------------------------------

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RangedReads {
        private static final int SIZE = 1024 * 1024 + 17;
        private final byte[] content = TestData.bytes(5, SIZE);
        private final String name = blobName("ranged");

        @BeforeAll
        void uploadOnce() {
            blobs.upload(box, name, content);
        }

        private byte[] range(ByteRange range) {
            return read(box, name, ReadOptions.range(range));
        }

        private byte[] slice(int from, int to) {
            return Arrays.copyOfRange(content, from, to);
        }

        @Test
        void theStart() {
            assertThat(range(ByteRange.of(0, 100))).isEqualTo(slice(0, 100));
            assertThat(range(ByteRange.of(0, 1))).isEqualTo(slice(0, 1));
        }

        @Test
        void theMiddle() {
            assertThat(range(ByteRange.of(500_000, 1000))).isEqualTo(slice(500_000, 501_000));
        }

        @Test
        void theTailAndALengthPastTheEnd() {
            assertThat(range(ByteRange.of(SIZE - 100, 100))).isEqualTo(slice(SIZE - 100, SIZE));
            assertThat(range(ByteRange.of(SIZE - 10, 100))).as("cut at the end").isEqualTo(slice(SIZE - 10, SIZE));
        }

        @Test
        void openEndedRanges() {
            assertThat(range(ByteRange.from(SIZE - 1000))).isEqualTo(slice(SIZE - 1000, SIZE));
            assertThat(range(ByteRange.from(SIZE - 1))).isEqualTo(slice(SIZE - 1, SIZE));
            assertThat(range(ByteRange.from(0))).isEqualTo(content);
        }

        @Test
        void aRangeStartingAtOrBeyondTheEndIsInvalid() {
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> range(ByteRange.from(SIZE)));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> range(ByteRange.of(SIZE + 10, 5)));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> ByteRange.of(-1, 5));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> ByteRange.of(0, -2));
        }

        @Test
        void aRangeDownloadsToAStream() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(blobs.download(box, name, out, ReadOptions.range(ByteRange.of(10, 20)))).isEqualTo(20);
            assertThat(out.toByteArray()).isEqualTo(slice(10, 30));
        }

        @Test
        void aRangeHonoursConditions() {
            String etag = blobs.getProperties(box, name).etag();
            assertThat(read(box, name, ReadOptions.range(ByteRange.of(1, 2))
                    .withConditions(RequestConditions.ifMatch(etag)))).isEqualTo(slice(1, 3));
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> read(box, name, ReadOptions.range(ByteRange.of(1, 2))
                    .withConditions(RequestConditions.ifMatch("\"0x0stale\""))));
        }
    }

    // ---- headers and metadata ----------------------------------------------------------------------

    @Nested
    class HeadersAndMetadata {
        private byte[] gzip(String text) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(utf8(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        @Test
        void headersAndMetadataRoundTrip() {
            byte[] content = gzip("compressed text, stored as is");
            Map<String, String> metadata = Map.of("author", "ada", "purpose", "tck run, part 1/2", "Mixed_Case", "v");
            String name = blobName("headers");
            blobs.upload(box, name, content, UploadOptions.DEFAULT
                    .withContentType("text/plain; charset=utf-8")
                    .withContentEncoding("gzip")
                    .withCacheControl("max-age=60")
                    .withContentDisposition("attachment; filename=\"report.txt\"")
                    .withMetadata(metadata));
            BlobProperties p = blobs.getProperties(box, name);
            assertThat(p.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(p.contentEncoding()).isEqualTo("gzip");
            assertThat(p.cacheControl()).isEqualTo("max-age=60");
            assertThat(p.contentDisposition()).isEqualTo("attachment; filename=\"report.txt\"");
            assertMetadata(p.metadata(), metadata);
            assertThat(blobs.downloadBytes(box, name)).as("content comes back as stored, not decoded")
                    .isEqualTo(content);

            List<BlobItem> listed = blobs.list(box, ListBlobsOptions.prefix(name).withIncludeMetadata(true))
                    .stream().toList();
            assertThat(listed).hasSize(1);
            assertMetadata(listed.get(0).properties().metadata(), metadata);
            assertThat(listed.get(0).properties().contentType()).isEqualTo("text/plain; charset=utf-8");
        }

        @Test
        void setMetadataReplacesItAndKeepsContentAndHeaders() {
            String name = blobName("set-meta");
            BlobWriteResult first = blobs.upload(box, name, utf8("body"), UploadOptions.DEFAULT
                    .withContentType("application/json").withMetadata(Map.of("a", "1", "b", "2")));
            BlobWriteResult second = blobs.setMetadata(box, name, Map.of("c", "3"), RequestConditions.NONE);
            // The result carries the ETag the blob has now. Whether a metadata-only change makes a new one is the
            // provider's: S3 keeps the content's MD5 as the ETag of a single-part object.
            assertThat(second.etag()).isNotBlank();
            assertThat(first.etag()).isNotBlank();
            BlobProperties p = blobs.getProperties(box, name);
            assertMetadata(p.metadata(), Map.of("c", "3"));
            assertThat(p.etag()).isEqualTo(second.etag());
            assertThat(p.contentType()).isEqualTo("application/json");
            assertThat(text(box, name)).isEqualTo("body");

            blobs.setMetadata(box, name, Map.of(), RequestConditions.NONE);
            assertThat(blobs.getProperties(box, name).metadata()).isEmpty();
        }

        @Test
        void badMetadataIsRefusedAndChangesNothing() {
            String name = blobName("bad-meta");
            List<Map<String, String>> bad = List.of(Map.of("1starts", "v"), Map.of("has-dash", "v"),
                    Map.of("has space", "v"), Map.of("k", "non-ascii é"), Map.of("k", "new\nline"));
            for (Map<String, String> metadata : bad) {
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, name, utf8("x"),
                        UploadOptions.DEFAULT.withMetadata(metadata)));
            }
            assertThat(blobs.exists(box, name)).isFalse();
            blobs.upload(box, name, utf8("x"), UploadOptions.DEFAULT.withMetadata(Map.of("good", "yes")));
            for (Map<String, String> metadata : bad) {
                assertFails(ErrorCode.INVALID_ARGUMENT,
                        () -> blobs.setMetadata(box, name, metadata, RequestConditions.NONE));
            }
            assertMetadata(blobs.getProperties(box, name).metadata(), Map.of("good", "yes"));
        }
    }

    // ---- conditions --------------------------------------------------------------------------------

    @Nested
    class Conditions {
        private static final String STALE = "\"0x8D000000STALE\"";

        @Test
        void anUploadWithIfMatchNeedsTheCurrentEtag() {
            String name = blobName("if-match");
            BlobWriteResult v1 = put(box, name, "one");
            BlobWriteResult v2 = blobs.upload(box, name, utf8("two"), ifMatch(v1.etag()));
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.upload(box, name, utf8("three"), ifMatch(v1.etag())));
            assertThat(text(box, name)).isEqualTo("two");
            blobs.upload(box, name, utf8("four"), ifMatch(v2.etag()));
            assertThat(text(box, name)).isEqualTo("four");
        }

        @Test
        void ifNoneMatchStarCreatesOnlyOnce() {
            String name = blobName("create-only");
            UploadOptions createOnly = UploadOptions.DEFAULT.withConditions(RequestConditions.ifNotExists());
            blobs.upload(box, name, utf8("first"), createOnly);
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.upload(box, name, utf8("second"), createOnly));
            assertThat(text(box, name)).isEqualTo("first");
        }

        @Test
        void ifMatchStarNeedsAnExistingBlob() {
            String name = blobName("if-exists");
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.upload(box, name, utf8("x"), ifMatch("*")));
            assertThat(blobs.exists(box, name)).isFalse();
            put(box, name, "exists");
            blobs.upload(box, name, utf8("overwritten"), ifMatch("*"));
            assertThat(text(box, name)).isEqualTo("overwritten");
        }

        @Test
        void setMetadataWithAStaleEtagFails() {
            String name = blobName("meta-stale");
            BlobWriteResult v1 = blobs.upload(box, name, utf8("x"), UploadOptions.DEFAULT.withMetadata(Map.of("v", "1")));
            BlobWriteResult v2 = blobs.setMetadata(box, name, Map.of("v", "2"), RequestConditions.ifMatch(v1.etag()));
            assertThat(blobs.getProperties(box, name).etag()).isEqualTo(v2.etag());
            // An ETag goes stale when the content changes (a metadata-only change need not renew it: S3 keeps the
            // content's MD5).
            BlobWriteResult v3 = blobs.upload(box, name, utf8("y"), UploadOptions.DEFAULT.withMetadata(Map.of("v", "3")));
            assertFails(ErrorCode.PRECONDITION_FAILED,
                    () -> blobs.setMetadata(box, name, Map.of("v", "4"), RequestConditions.ifMatch(v1.etag())));
            assertMetadata(blobs.getProperties(box, name).metadata(), Map.of("v", "3"));
            assertThat(blobs.getProperties(box, name).etag()).isEqualTo(v3.etag());
        }

        @Test
        void deleteWithAStaleEtagFails() {
            String name = blobName("delete-stale");
            BlobWriteResult v1 = put(box, name, "one");
            BlobWriteResult v2 = put(box, name, "two");
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.delete(box, name,
                    DeleteBlobOptions.DEFAULT.withConditions(RequestConditions.ifMatch(v1.etag()))));
            assertThat(text(box, name)).isEqualTo("two");
            assertThat(blobs.delete(box, name, DeleteBlobOptions.DEFAULT
                    .withConditions(RequestConditions.ifMatch(v2.etag())))).isTrue();
            assertThat(blobs.exists(box, name)).isFalse();
        }

        @Test
        void readsWithAStaleEtagFail() {
            String name = blobName("read-stale");
            BlobWriteResult v1 = put(box, name, "one");
            ReadOptions stale = ReadOptions.DEFAULT.withConditions(RequestConditions.ifMatch(STALE));
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.getProperties(box, name, stale));
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> read(box, name, stale));
            assertFails(ErrorCode.PRECONDITION_FAILED,
                    () -> blobs.download(box, name, new ByteArrayOutputStream(), stale));
            ReadOptions current = ReadOptions.DEFAULT.withConditions(RequestConditions.ifMatch(v1.etag()));
            assertThat(text(box, name, current)).isEqualTo("one");
            assertThat(blobs.getProperties(box, name, current).etag()).isEqualTo(v1.etag());
        }

        @Test
        void readsHonourTimeConditions() {
            String name = blobName("read-time");
            put(box, name, "timed");
            Instant modified = blobs.getProperties(box, name).lastModified();
            Instant hourBefore = modified.minus(Duration.ofHours(1));
            Instant hourAfter = modified.plus(Duration.ofHours(1));
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.getProperties(box, name, ReadOptions.DEFAULT
                    .withConditions(RequestConditions.NONE.withIfUnmodifiedSince(hourBefore))));
            assertThat(text(box, name, ReadOptions.DEFAULT
                    .withConditions(RequestConditions.NONE.withIfUnmodifiedSince(hourAfter)))).isEqualTo("timed");
            assertThat(text(box, name, ReadOptions.DEFAULT
                    .withConditions(RequestConditions.NONE.withIfModifiedSince(hourBefore)))).isEqualTo("timed");
        }
    }

    // ---- listing -----------------------------------------------------------------------------------

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Listing {
        /** In String order, which is also UTF-8 byte order for these names. */
        private final List<String> names = List.of("a.txt", "b/1", "b/2", "b/c/3", "b/c/4", "d/5", "e f.txt", "z",
                "ünï/😀.bin");
        private String c;

        @BeforeAll
        void fill() {
            c = newContainer();
            for (String name : names) {
                put(c, name, name);
            }
        }

        private List<String> listed(ListBlobsOptions options) {
            return blobs.list(c, options).stream().map(i -> i.prefix() ? "[" + i.name() + "]" : i.name()).toList();
        }

        @Test
        void aFlatListingIsInNameOrderWithProperties() {
            List<BlobItem> items = blobs.list(c).stream().toList();
            assertThat(items).extracting(BlobItem::name).containsExactlyElementsOf(names);
            assertThat(items).allSatisfy(i -> {
                assertThat(i.prefix()).isFalse();
                assertThat(i.properties().name()).isEqualTo(i.name());
                assertThat(i.properties().size()).isEqualTo(utf8(i.name()).length);
                assertThat(i.properties().etag()).isNotBlank();
            });
        }

        @Test
        void aFlatListingPages() {
            Paging.assertListsExactly("flat listing", (token, size) -> blobs.list(c, ListBlobsOptions.all()
                    .withPageSize(size).withContinuationToken(token)), BlobItem::name, 2, names);
        }

        @Test
        void aPrefixSelectsNames() {
            assertThat(listed(ListBlobsOptions.prefix("b/"))).containsExactly("b/1", "b/2", "b/c/3", "b/c/4");
            assertThat(listed(ListBlobsOptions.prefix("b/c"))).containsExactly("b/c/3", "b/c/4");
            assertThat(listed(ListBlobsOptions.prefix("ünï/"))).containsExactly("ünï/😀.bin");
            assertThat(listed(ListBlobsOptions.prefix("nothing"))).isEmpty();
            Paging.assertListsExactly("prefix listing", (token, size) -> blobs.list(c, ListBlobsOptions.prefix("b/")
                            .withPageSize(size).withContinuationToken(token)), BlobItem::name, 3,
                    List.of("b/1", "b/2", "b/c/3", "b/c/4"));
        }

        @Test
        void aDelimiterGroupsVirtualDirectories() {
            assertThat(listed(ListBlobsOptions.all().withDelimiter("/")))
                    .containsExactly("a.txt", "[b/]", "[d/]", "e f.txt", "z", "[ünï/]");
            List<BlobItem> items = blobs.list(c, ListBlobsOptions.all().withDelimiter("/")).stream().toList();
            assertThat(items).filteredOn(BlobItem::prefix).allSatisfy(i -> assertThat(i.properties()).isNull());
            assertThat(items).filteredOn(i -> !i.prefix()).allSatisfy(i -> assertThat(i.properties()).isNotNull());
        }

        @Test
        void aPrefixAndADelimiterListOneDirectory() {
            assertThat(listed(ListBlobsOptions.prefix("b/").withDelimiter("/"))).containsExactly("b/1", "b/2", "[b/c/]");
            assertThat(listed(ListBlobsOptions.prefix("b/c/").withDelimiter("/"))).containsExactly("b/c/3", "b/c/4");
        }

        @Test
        void aDelimitedListingPages() {
            Paging.assertListsExactly("delimited listing", (token, size) -> blobs.list(c, ListBlobsOptions.all()
                            .withDelimiter("/").withPageSize(size).withContinuationToken(token)), BlobItem::name, 2,
                    List.of("a.txt", "b/", "d/", "e f.txt", "z", "ünï/"));
        }

        @Test
        void listingAMissingContainerIsNotFound() {
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.list(TestData.uniqueName("missing")).firstPage());
        }
    }

    // ---- copying -----------------------------------------------------------------------------------

    @Nested
    class Copying {
        @Test
        void aCopyKeepsContentMetadataAndContentTypeWithinAndAcrossContainers() {
            String source = blobName("copy-src");
            blobs.upload(box, source, utf8("{\"copied\":true}"), UploadOptions.DEFAULT
                    .withContentType("application/json").withMetadata(Map.of("origin", "source")));
            String other = newContainer();
            for (String container : List.of(box, other)) {
                String target = blobName("copy-dst");
                BlobWriteResult r = blobs.copy(box, source, container, target, CopyOptions.DEFAULT);
                assertThat(r.etag()).isNotBlank();
                BlobProperties p = blobs.getProperties(container, target);
                assertThat(p.etag()).isEqualTo(r.etag());
                assertThat(text(container, target)).isEqualTo("{\"copied\":true}");
                assertThat(p.contentType()).isEqualTo("application/json");
                assertMetadata(p.metadata(), Map.of("origin", "source"));
            }
        }

        @Test
        void aCopyCanOverrideMetadataAndContentType() {
            String source = blobName("copy-src");
            blobs.upload(box, source, utf8("a,b"), UploadOptions.DEFAULT.withContentType("text/plain")
                    .withMetadata(Map.of("origin", "source")));
            String target = blobName("copy-dst");
            blobs.copy(box, source, box, target, CopyOptions.DEFAULT.withMetadata(Map.of("n", "1"))
                    .withContentType("text/csv"));
            BlobProperties p = blobs.getProperties(box, target);
            assertMetadata(p.metadata(), Map.of("n", "1"));
            assertThat(p.contentType()).isEqualTo("text/csv");
            assertThat(text(box, target)).isEqualTo("a,b");
            assertMetadata(blobs.getProperties(box, source).metadata(), Map.of("origin", "source"));
            assertThat(blobs.getProperties(box, source).contentType()).isEqualTo("text/plain");
        }

        @Test
        void aCopyOverwritesUnlessTheTargetConditionSaysNot() {
            String source = blobName("copy-src");
            put(box, source, "new");
            String target = blobName("copy-dst");
            put(box, target, "old");
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.copy(box, source, box, target,
                    CopyOptions.DEFAULT.withTargetConditions(RequestConditions.ifNotExists())));
            assertThat(text(box, target)).isEqualTo("old");
            blobs.copy(box, source, box, target, CopyOptions.DEFAULT);
            assertThat(text(box, target)).isEqualTo("new");
        }

        @Test
        void aCopyWithAStaleSourceEtagFails() {
            String source = blobName("copy-src");
            BlobWriteResult v1 = put(box, source, "one");
            BlobWriteResult v2 = put(box, source, "two");
            String target = blobName("copy-dst");
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.copy(box, source, box, target,
                    CopyOptions.DEFAULT.withSourceConditions(RequestConditions.ifMatch(v1.etag()))));
            assertThat(blobs.exists(box, target)).isFalse();
            blobs.copy(box, source, box, target,
                    CopyOptions.DEFAULT.withSourceConditions(RequestConditions.ifMatch(v2.etag())));
            assertThat(text(box, target)).isEqualTo("two");
        }

        @Test
        void aMissingSourceOrTargetContainerIsNotFound() {
            String source = blobName("copy-src");
            put(box, source, "x");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(box, blobName("absent"), box, blobName("t"),
                    CopyOptions.DEFAULT));
            String missing = TestData.uniqueName("missing");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(box, source, missing, "t", CopyOptions.DEFAULT));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(missing, "s", box, blobName("t"), CopyOptions.DEFAULT));
            assertThat(blobs.containerExists(missing)).isFalse();
        }

        @Test
        void aLargerBlobCopiesByteForByte() {
            long size = 6 * MIB + 3;
            String source = blobName("copy-big");
            blobs.upload(box, source, TestData.stream(6, size), UploadOptions.DEFAULT.withLength(size));
            String target = blobName("copy-big-dst");
            blobs.copy(box, source, box, target, CopyOptions.DEFAULT);
            assertThat(blobs.getProperties(box, target).size()).isEqualTo(size);
            assertThat(sha256(box, target)).isEqualTo(TestData.sha256(6, size));
        }
    }

    // ---- deleting ----------------------------------------------------------------------------------

    @Nested
    class Deleting {
        @Test
        void deleteFollowsTheConventions() {
            String name = blobName("delete");
            put(box, name, "x");
            assertThat(blobs.delete(box, name)).isTrue();
            assertThat(blobs.exists(box, name)).isFalse();
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.getProperties(box, name));
            assertThat(blobs.delete(box, name)).isFalse();
            assertThat(blobs.delete(TestData.uniqueName("missing"), name)).isFalse();
        }

        @Test
        void deleteBlobsRemovesManyAndCountsAbsentOnesAsDeleted() {
            String c = newContainer();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                names.add("many/" + i);
                put(c, "many/" + i, "x" + i);
            }
            put(c, "kept", "k");
            names.add("never-there");
            BatchDeleteResult result = blobs.deleteBlobs(c, names);
            assertThat(result.isComplete()).as("failures: %s", result.failed()).isTrue();
            assertThat(result.deleted()).containsExactlyInAnyOrderElementsOf(names);
            assertThat(blobs.list(c).stream().map(BlobItem::name).toList()).containsExactly("kept");
        }
    }

    // ---- names -------------------------------------------------------------------------------------

    @Nested
    class Names {
        @Test
        void unusualNamesRoundTrip() {
            String c = newContainer();
            List<String> names = new ArrayList<>(List.of("with space.txt", "ünïcödé-日本語.txt", "emoji-😀-🎉.bin",
                    "a/b/c", "deep/er/and/deeper/file", "sym ~!@$&'()+,;=[]#?%.txt", "quote\"d"));
            for (String name : names) {
                put(c, name, "content of " + name);
            }
            for (String name : names) {
                assertThat(blobs.exists(c, name)).as(name).isTrue();
                assertThat(blobs.getProperties(c, name).name()).isEqualTo(name);
                assertThat(text(c, name)).isEqualTo("content of " + name);
                assertThat(blobs.list(c, ListBlobsOptions.prefix(name)).stream().map(BlobItem::name).toList())
                        .as("listing by the whole name").containsExactly(name);
            }
            names.sort(null);
            assertThat(blobs.list(c).stream().map(BlobItem::name).toList()).containsExactlyElementsOf(names);
            for (String name : names) {
                assertThat(blobs.delete(c, name)).as(name).isTrue();
            }
            assertThat(blobs.list(c).stream().toList()).isEmpty();
        }

        @Test
        void aNameOf1024CharactersIsAcceptedAndOneMoreIsNot() {
            String longest = "n".repeat(1024);
            put(box, longest, "long");
            assertThat(text(box, longest)).isEqualTo("long");
            assertThat(blobs.delete(box, longest)).isTrue();
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> put(box, "n".repeat(1025), "too long"));
        }

        @Test
        void badBlobNamesAreRefusedAndCreateNothing() {
            String c = newContainer();
            for (String bad : List.of("", "/leading", "a/../b", "..", ".", "a/./b", "nul\0byte", "tab\tname",
                    "bell\u0007")) {
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> put(c, bad, "x"));
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.getProperties(c, bad));
            }
            assertThat(blobs.list(c).stream().toList()).isEmpty();
        }
    }

    // ---- large content -----------------------------------------------------------------------------

    @Nested
    class LargeContent {
        @Test
        void aBlobOf256MibRoundTripsByteForByteInBoundedMemory() throws Exception {
            String name = blobName("large");
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            try (InputStream in = new DigestInputStream(TestData.stream(256, LARGE_BLOB_BYTES), sent)) {
                blobs.upload(box, name, in, UploadOptions.DEFAULT);
            }
            long uploaded = System.nanoTime();
            assertThat(blobs.getProperties(box, name).size()).isEqualTo(LARGE_BLOB_BYTES);
            String received = sha256(box, name);
            long downloaded = System.nanoTime();
            assertThat(received).isEqualTo(HexFormat.of().formatHex(sent.digest()));
            System.out.printf(Locale.ROOT, "[tck] %s: 256 MiB blob up %.0f MB/s, down %.0f MB/s%n",
                    account.providerId(), mbPerSecond(uploaded - start), mbPerSecond(downloaded - uploaded));
            blobs.delete(box, name);
        }

        private double mbPerSecond(long nanos) {
            return LARGE_BLOB_BYTES / 1e6 / (nanos / 1e9);
        }
    }

    // ---- capabilities the account does not declare ---------------------------------------------------

    /** Each optional capability the account does not declare is refused with UNSUPPORTED, and writes nothing. */
    @Nested
    class CapabilityGating {
        private String blob;

        @BeforeEach
        void aBlobToWorkOn() {
            blob = blobName("gated");
            put(box, blob, "gated");
        }

        private void assertUnchanged() {
            assertThat(text(box, blob)).isEqualTo("gated");
        }

        @Test
        void containerMetadataIsRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.CONTAINER_METADATA), "account declares CONTAINER_METADATA");
            String c = TestData.uniqueName("gated");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.createContainer(c, Map.of("a", "b")));
            assertThat(blobs.containerExists(c)).isFalse();
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.setContainerMetadata(box, Map.of("a", "b")));
        }

        @Test
        void tiersAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_TIERS), "account declares BLOB_TIERS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.setTier(box, blob, AccessTier.COOL));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.upload(box, target, utf8("x"),
                    UploadOptions.DEFAULT.withTier(AccessTier.COOL)));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.DEFAULT.withTier(AccessTier.COOL)));
            assertThat(blobs.exists(box, target)).isFalse();
        }

        @Test
        void theArchiveTierIsRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_ARCHIVE), "account declares BLOB_ARCHIVE");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.setTier(box, blob, AccessTier.ARCHIVE));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.upload(box, target, utf8("x"),
                    UploadOptions.DEFAULT.withTier(AccessTier.ARCHIVE)));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.DEFAULT.withTier(AccessTier.ARCHIVE)));
            assertThat(blobs.exists(box, target)).isFalse();
            assertUnchanged();
        }

        @Test
        void snapshotsAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_SNAPSHOTS), "account declares BLOB_SNAPSHOTS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.createSnapshot(box, blob, null));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.listSnapshots(box, blob));
            ReadOptions snapshot = ReadOptions.DEFAULT.withSnapshot("2026-01-01T00:00:00.0000000Z");
            assertFails(ErrorCode.UNSUPPORTED, () -> read(box, blob, snapshot));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.getProperties(box, blob, snapshot));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.delete(box, blob,
                    DeleteBlobOptions.DEFAULT.withSnapshot("2026-01-01T00:00:00.0000000Z")));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.DEFAULT.withSourceSnapshot("2026-01-01T00:00:00.0000000Z")));
            assertThat(blobs.exists(box, target)).isFalse();
            assertUnchanged();
        }

        @Test
        void versionsAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_VERSIONS), "account declares BLOB_VERSIONS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.listVersions(box, blob, ListOptions.all()));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.restoreVersion(box, blob, "v1"));
            ReadOptions version = ReadOptions.DEFAULT.withVersionId("v1");
            assertFails(ErrorCode.UNSUPPORTED, () -> read(box, blob, version));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.getProperties(box, blob, version));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.delete(box, blob,
                    DeleteBlobOptions.DEFAULT.withVersionId("v1")));
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copy(box, blob, box, target,
                    CopyOptions.DEFAULT.withSourceVersionId("v1")));
            assertThat(blobs.exists(box, target)).isFalse();
            assertUnchanged();
        }

        @Test
        void presignedUrlsAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_PRESIGNED_URLS), "account declares BLOB_PRESIGNED_URLS");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.generatePresignedUrl(box, blob,
                    PresignOptions.read(Duration.ofMinutes(5))));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.generatePresignedUrl(box, blob,
                    PresignOptions.write(Duration.ofMinutes(5))));
        }

        @Test
        void leasesAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_LEASES), "account declares BLOB_LEASES");
            String id = UUID.randomUUID().toString();
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.acquireLease(box, blob, null, id));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.renewLease(box, blob, id));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.releaseLease(box, blob, id));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.breakLease(box, blob));
            put(box, blob, "still writable");
        }

        @Test
        void copyFromUrlIsRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.BLOB_COPY_FROM_URL), "account declares BLOB_COPY_FROM_URL");
            String target = blobName("gated-target");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.copyFromUrl(URI.create("http://127.0.0.1:9/none"), box,
                    target, CopyOptions.DEFAULT));
            assertThat(blobs.exists(box, target)).isFalse();
        }
    }

    // ---- declared optional features ------------------------------------------------------------------

    @Nested
    class Tiers {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_TIERS), "account declares BLOB_TIERS");
        }

        @Test
        void aTierCanBeSetAndRead() {
            String name = blobName("tier");
            put(box, name, "tiered");
            for (AccessTier tier : List.of(AccessTier.COOL, AccessTier.COLD, AccessTier.HOT)) {
                blobs.setTier(box, name, tier);
                BlobProperties p = blobs.getProperties(box, name);
                assertThat(p.tier()).as("after setTier(%s)", tier).isEqualTo(tier);
                assertThat(p.tierName()).as("the provider's own name of %s", tier).isNotBlank();
            }
            assertThat(text(box, name)).isEqualTo("tiered");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.setTier(box, blobName("absent"), AccessTier.COOL));
        }

        @Test
        void uploadsAndCopiesWriteIntoATier() {
            String name = blobName("tier-upload");
            blobs.upload(box, name, utf8("cool"), UploadOptions.DEFAULT.withTier(AccessTier.COOL));
            assertThat(blobs.getProperties(box, name).tier()).isEqualTo(AccessTier.COOL);
            String copy = blobName("tier-copy");
            blobs.copy(box, name, box, copy, CopyOptions.DEFAULT.withTier(AccessTier.COLD));
            assertThat(blobs.getProperties(box, copy).tier()).isEqualTo(AccessTier.COLD);
            assertThat(text(box, copy)).isEqualTo("cool");
        }
    }

    @Nested
    class Archive {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_TIERS) && declares(Capability.BLOB_ARCHIVE),
                    "account declares BLOB_TIERS and BLOB_ARCHIVE");
        }

        /** Offline archives refuse reads with CONFLICT; archives that stay online (GCS) read correctly. */
        private void assertRefusedOrCorrect(String name, String expected) {
            try {
                assertThat(text(box, name)).isEqualTo(expected);
            } catch (StorageException e) {
                assertThat(e.code()).as("reading an archived blob: %s", e).isEqualTo(ErrorCode.CONFLICT);
            }
        }

        /** After moving out of Archive the blob reads again, or says that rehydration is pending. */
        private void assertRehydratedOrPending(String name, String expected) {
            blobs.setTier(box, name, AccessTier.HOT);
            BlobProperties p = blobs.getProperties(box, name);
            if (p.archiveStatus() == null) {
                assertThat(text(box, name)).isEqualTo(expected);
            } else {
                assertThat(p.archiveStatus()).isNotBlank();
            }
        }

        @Test
        void anArchivedBlobIsOfflineUntilRehydrated() {
            String name = blobName("archive");
            put(box, name, "cold storage");
            blobs.setTier(box, name, AccessTier.ARCHIVE);
            assertThat(blobs.getProperties(box, name).tier()).isEqualTo(AccessTier.ARCHIVE);
            assertRefusedOrCorrect(name, "cold storage");
            assertRehydratedOrPending(name, "cold storage");
        }

        @Test
        void anUploadCanGoStraightToArchive() {
            String name = blobName("archive-upload");
            blobs.upload(box, name, utf8("archived at once"), UploadOptions.DEFAULT.withTier(AccessTier.ARCHIVE));
            assertThat(blobs.getProperties(box, name).tier()).isEqualTo(AccessTier.ARCHIVE);
            assertRefusedOrCorrect(name, "archived at once");
            assertRehydratedOrPending(name, "archived at once");
        }
    }

    @Nested
    class Snapshots {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_SNAPSHOTS), "account declares BLOB_SNAPSHOTS");
        }

        @Test
        void aSnapshotKeepsTheContentOfItsTime() {
            String name = blobName("snap");
            blobs.upload(box, name, utf8("v1"), UploadOptions.DEFAULT.withMetadata(Map.of("v", "1")));
            String first = blobs.createSnapshot(box, name, null);
            assertThat(first).isNotBlank();
            put(box, name, "v2 longer");
            String second = blobs.createSnapshot(box, name, Map.of("label", "second"));
            put(box, name, "v3");

            assertThat(text(box, name)).isEqualTo("v3");
            assertThat(text(box, name, ReadOptions.DEFAULT.withSnapshot(first))).isEqualTo("v1");
            assertThat(text(box, name, ReadOptions.DEFAULT.withSnapshot(second))).isEqualTo("v2 longer");
            BlobProperties p1 = blobs.getProperties(box, name, ReadOptions.DEFAULT.withSnapshot(first));
            assertThat(p1.snapshot()).isEqualTo(first);
            assertThat(p1.size()).isEqualTo(2);
            assertMetadata(p1.metadata(), Map.of("v", "1"));
            assertMetadata(blobs.getProperties(box, name, ReadOptions.DEFAULT.withSnapshot(second)).metadata(),
                    Map.of("label", "second"));

            assertThat(blobs.listSnapshots(box, name)).extracting(BlobProperties::snapshot)
                    .containsExactly(first, second);
        }

        @Test
        void aSnapshotCanBeDeletedAlone() {
            String name = blobName("snap-delete");
            put(box, name, "v1");
            String first = blobs.createSnapshot(box, name, null);
            String second = blobs.createSnapshot(box, name, null);
            assertThat(blobs.delete(box, name, DeleteBlobOptions.DEFAULT.withSnapshot(first))).isTrue();
            assertThat(blobs.listSnapshots(box, name)).extracting(BlobProperties::snapshot).containsExactly(second);
            assertFails(ErrorCode.NOT_FOUND, () -> read(box, name, ReadOptions.DEFAULT.withSnapshot(first)));
            assertThat(text(box, name)).isEqualTo("v1");
        }

        @Test
        void deletingTheBlobDeletesItsSnapshots() {
            String name = blobName("snap-gone");
            put(box, name, "v1");
            String snapshot = blobs.createSnapshot(box, name, null);
            assertThat(blobs.delete(box, name)).isTrue();
            assertFails(ErrorCode.NOT_FOUND, () -> read(box, name, ReadOptions.DEFAULT.withSnapshot(snapshot)));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.createSnapshot(box, name, null));
        }

        @Test
        void aSnapshotCanBeCopied() {
            String name = blobName("snap-copy");
            put(box, name, "then");
            String snapshot = blobs.createSnapshot(box, name, null);
            put(box, name, "now");
            String target = blobName("snap-copy-dst");
            blobs.copy(box, name, box, target, CopyOptions.DEFAULT.withSourceSnapshot(snapshot));
            assertThat(text(box, target)).isEqualTo("then");
        }
    }

    @Nested
    class Versions {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_VERSIONS), "account declares BLOB_VERSIONS");
        }

        private List<BlobProperties> versions(String name) {
            return blobs.listVersions(box, name, ListOptions.all()).stream().toList();
        }

        @Test
        void everyUploadKeepsAVersionAndExactlyOneIsCurrent() {
            String name = blobName("ver");
            List<String> ids = new ArrayList<>();
            for (String v : List.of("one", "two", "three")) {
                ids.add(put(box, name, v).versionId());
            }
            assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
            List<BlobProperties> versions = versions(name);
            assertThat(versions).extracting(BlobProperties::versionId).containsExactlyElementsOf(ids);
            assertThat(versions).filteredOn(BlobProperties::currentVersion).extracting(BlobProperties::versionId)
                    .containsExactly(ids.get(2));

            assertThat(text(box, name, ReadOptions.DEFAULT.withVersionId(ids.get(0)))).isEqualTo("one");
            BlobProperties old = blobs.getProperties(box, name, ReadOptions.DEFAULT.withVersionId(ids.get(1)));
            assertThat(old.versionId()).isEqualTo(ids.get(1));
            assertThat(old.currentVersion()).isFalse();
            assertThat(old.size()).isEqualTo(3);
            assertThat(text(box, name)).isEqualTo("three");

            Paging.assertListsExactly("versions", (token, size) -> blobs.listVersions(box, name,
                    ListOptions.all().withPageSize(size).withContinuationToken(token)), BlobProperties::versionId, 2,
                    ids);
        }

        @Test
        void anOldVersionCanBeRestored() {
            String name = blobName("ver-restore");
            String first = put(box, name, "original").versionId();
            put(box, name, "mistake");
            BlobWriteResult restored = blobs.restoreVersion(box, name, first);
            assertThat(text(box, name)).isEqualTo("original");
            List<BlobProperties> versions = versions(name);
            assertThat(versions).hasSize(3);
            assertThat(versions).filteredOn(BlobProperties::currentVersion).hasSize(1);
            if (restored.versionId() != null) {
                assertThat(versions.get(2).versionId()).isEqualTo(restored.versionId());
            }
            assertThat(text(box, name, ReadOptions.DEFAULT.withVersionId(first))).as("the version stays")
                    .isEqualTo("original");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.restoreVersion(box, name, "no-such-version"));
        }

        @Test
        void deletingKeepsTheVersionsAndARestoreBringsTheBlobBack() {
            String name = blobName("ver-delete");
            String first = put(box, name, "one").versionId();
            String second = put(box, name, "two").versionId();
            assertThat(blobs.delete(box, name)).isTrue();
            assertThat(blobs.exists(box, name)).isFalse();
            List<BlobProperties> versions = versions(name);
            assertThat(versions).extracting(BlobProperties::versionId).contains(first, second);
            assertThat(versions).noneMatch(BlobProperties::currentVersion);

            blobs.restoreVersion(box, name, first);
            assertThat(blobs.exists(box, name)).isTrue();
            assertThat(text(box, name)).isEqualTo("one");
        }

        @Test
        void oneOldVersionCanBeDeletedAlone() {
            String name = blobName("ver-delete-one");
            String first = put(box, name, "one").versionId();
            String second = put(box, name, "two").versionId();
            assertThat(blobs.delete(box, name, DeleteBlobOptions.DEFAULT.withVersionId(first))).isTrue();
            assertThat(versions(name)).extracting(BlobProperties::versionId).containsExactly(second);
            assertFails(ErrorCode.NOT_FOUND, () -> read(box, name, ReadOptions.DEFAULT.withVersionId(first)));
            assertThat(text(box, name)).isEqualTo("two");
        }

        @Test
        void anOldVersionCanBeCopied() {
            String name = blobName("ver-copy");
            String first = put(box, name, "then").versionId();
            put(box, name, "now");
            String target = blobName("ver-copy-dst");
            blobs.copy(box, name, box, target, CopyOptions.DEFAULT.withSourceVersionId(first));
            assertThat(text(box, target)).isEqualTo("then");
        }
    }

    @Nested
    class PresignedUrls {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_PRESIGNED_URLS), "account declares BLOB_PRESIGNED_URLS");
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpRequest.Builder putRequest(URI url, String body) {
            // Azure needs the blob type on a plain PUT; S3 and GCS ignore the header.
            return HttpRequest.newBuilder(url).header("x-ms-blob-type", "BlockBlob")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(utf8(body)));
        }

        @Test
        void aReadUrlGetsTheContentAndCannotWrite() throws Exception {
            String name = blobName("presigned");
            put(box, name, "shared by URL");
            URI url = blobs.generatePresignedUrl(box, name, PresignOptions.read(Duration.ofMinutes(10)));
            HttpResponse<byte[]> get = send(HttpRequest.newBuilder(url).GET());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(new String(get.body(), StandardCharsets.UTF_8)).isEqualTo("shared by URL");

            HttpResponse<byte[]> denied = send(putRequest(url, "overwritten"));
            assertThat(denied.statusCode()).as("a PUT through a read-only URL").isBetween(400, 499);
            assertThat(text(box, name)).isEqualTo("shared by URL");
        }

        @Test
        void aWriteUrlUploads() throws Exception {
            String name = blobName("presigned-upload");
            URI url = blobs.generatePresignedUrl(box, name, PresignOptions.write(Duration.ofMinutes(10)));
            HttpResponse<byte[]> response = send(putRequest(url, "uploaded by URL"));
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8))
                    .isBetween(200, 299);
            assertThat(text(box, name)).isEqualTo("uploaded by URL");
        }
    }

    @Nested
    class Leases {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_LEASES), "account declares BLOB_LEASES");
        }

        private UploadOptions underLease(String leaseId) {
            return UploadOptions.DEFAULT.withConditions(RequestConditions.NONE.withLeaseId(leaseId));
        }

        @Test
        void aLeaseGuardsWritesUntilReleased() {
            String name = blobName("lease");
            put(box, name, "original");
            String lease = blobs.acquireLease(box, name, null, null);
            try {
                assertThat(lease).isNotBlank();
                String state = blobs.getProperties(box, name).leaseState();
                if (state != null) {
                    assertThat(state).isEqualToIgnoringCase("leased");
                }
                assertFails(ErrorCode.PRECONDITION_FAILED, () -> put(box, name, "no lease"));
                assertFails(ErrorCode.PRECONDITION_FAILED,
                        () -> blobs.setMetadata(box, name, Map.of("a", "b"), RequestConditions.NONE));
                assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.delete(box, name));
                assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.upload(box, name, utf8("wrong lease"),
                        underLease(UUID.randomUUID().toString())));
                assertThat(text(box, name)).isEqualTo("original");

                blobs.upload(box, name, utf8("with the lease"), underLease(lease));
                assertThat(text(box, name)).isEqualTo("with the lease");
                assertFails(ErrorCode.CONFLICT, () -> blobs.acquireLease(box, name, null, null));
                blobs.renewLease(box, name, lease);
                blobs.releaseLease(box, name, lease);
            } catch (RuntimeException | AssertionError e) {
                blobs.breakLease(box, name);
                throw e;
            }
            put(box, name, "free again");
            assertThat(text(box, name)).isEqualTo("free again");
        }

        @Test
        void breakingALeaseFreesTheBlob() {
            String name = blobName("lease-break");
            put(box, name, "original");
            String proposed = UUID.randomUUID().toString();
            assertThat(blobs.acquireLease(box, name, null, proposed)).isEqualTo(proposed);
            blobs.breakLease(box, name);
            put(box, name, "after the break");
            assertThat(text(box, name)).isEqualTo("after the break");
            String again = blobs.acquireLease(box, name, Duration.ofSeconds(15), null);
            blobs.releaseLease(box, name, again);
        }

        @Test
        void aLeaseOnAMissingBlobIsNotFound() {
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.acquireLease(box, blobName("absent"), null, null));
        }
    }

    @Nested
    class CopyFromUrl {
        @BeforeEach
        void declared() {
            assumeTrue(declares(Capability.BLOB_COPY_FROM_URL) && declares(Capability.BLOB_PRESIGNED_URLS),
                    "account declares BLOB_COPY_FROM_URL and BLOB_PRESIGNED_URLS");
        }

        @Test
        void aBlobIsCopiedFromAPresignedUrl() {
            String source = blobName("url-src");
            put(box, source, "fetched by the service");
            URI url = blobs.generatePresignedUrl(box, source, PresignOptions.read(Duration.ofMinutes(10)));
            String target = blobName("url-dst");
            BlobWriteResult r = blobs.copyFromUrl(url, box, target, CopyOptions.DEFAULT);
            assertThat(r.etag()).isNotBlank();
            assertThat(text(box, target)).isEqualTo("fetched by the service");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copyFromUrl(url, TestData.uniqueName("missing"), "t",
                    CopyOptions.DEFAULT));
        }
    }

    // ---- concurrency -------------------------------------------------------------------------------

    @Nested
    class Concurrency {
        @Test
        void concurrentConditionalWritesLoseNothing() throws Exception {
            String name = blobName("counter");
            put(box, name, "0");
            int threads = 8;
            int perThread = 5;
            int successes = Concurrently.optimisticWrites(threads, perThread, () -> {
                String etag = blobs.getProperties(box, name).etag();
                int value = Integer.parseInt(text(box, name, ReadOptions.DEFAULT
                        .withConditions(RequestConditions.ifMatch(etag))));
                blobs.upload(box, name, utf8(Integer.toString(value + 1)), ifMatch(etag));
            });
            assertThat(successes).isEqualTo(threads * perThread);
            assertThat(text(box, name)).isEqualTo(Integer.toString(threads * perThread));
        }
    }
}
