package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static io.unistore.tck.TestData.md5Base64;
import static io.unistore.tck.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.ByteRange;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.MetadataRules;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
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
public abstract class BlobStoreContract extends BlobOptionalFeaturesContract {
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
            assertThat(blobs.download(box, name, out, ReadOptions.defaults())).isEqualTo(content.length);
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
            blobs.upload(box, unknown, TestData.stream(7, size), UploadOptions.defaults());
            String known = blobName("known-length");
            blobs.upload(box, known, TestData.stream(7, size), UploadOptions.defaults().withLength(size));
            String expected = TestData.sha256(7, size);
            for (String name : List.of(unknown, known)) {
                assertThat(blobs.getProperties(box, name).size()).as(name).isEqualTo(size);
                assertThat(sha256(box, name)).as(name).isEqualTo(expected);
            }
        }

        @Test
        void aSourceFailingMidwayLeavesThePreviousContentOrNothing() {
            String fresh = blobName("torn");
            assertThatThrownBy(() -> blobs.upload(box, fresh, TestData.failingStream(10, 3 * MIB),
                    UploadOptions.defaults())).isInstanceOf(StorageException.class);
            assertThat(blobs.exists(box, fresh)).isFalse();

            String existing = blobName("torn-keep");
            put(box, existing, "old content");
            assertThatThrownBy(() -> blobs.upload(box, existing, TestData.failingStream(11, 3 * MIB),
                    UploadOptions.defaults().withLength(6 * MIB))).isInstanceOf(StorageException.class);
            assertThat(text(box, existing)).isEqualTo("old content");
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
            blobs.upload(box, name, trickle, UploadOptions.defaults());
            assertThat(closed).as("the caller's stream is not closed").isFalse();
            assertThat(sha256(box, name)).isEqualTo(TestData.sha256(8, size));
        }

        @Test
        void aMatchingContentMd5IsAcceptedAndKept() {
            byte[] content = utf8("checked content");
            String name = blobName("md5-ok");
            blobs.upload(box, name, content, UploadOptions.defaults().withContentMd5(md5Base64(content)));
            assertThat(blobs.downloadBytes(box, name)).isEqualTo(content);
            assertThat(blobs.getProperties(box, name).contentMd5()).isEqualTo(md5Base64(content));
        }

        @Test
        void aMismatchingContentMd5FailsAndStoresNothing() {
            String wrong = md5Base64(utf8("something else"));
            String fresh = blobName("md5-bad");
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, fresh, utf8("content"),
                    UploadOptions.defaults().withContentMd5(wrong)));
            assertThat(blobs.exists(box, fresh)).isFalse();

            String streamed = blobName("md5-bad-stream");
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, streamed, TestData.stream(9, 3 * MIB),
                    UploadOptions.defaults().withContentMd5(wrong)));
            assertThat(blobs.exists(box, streamed)).isFalse();

            String existing = blobName("md5-keep");
            put(box, existing, "old content");
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, existing, utf8("new content"),
                    UploadOptions.defaults().withContentMd5(wrong)));
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
            blobs.upload(box, name, source, UploadOptions.defaults());

            Path target = dir.resolve("sub").resolve("target.bin");
            BlobProperties p = blobs.downloadToFile(box, name, target, ReadOptions.defaults());
            assertThat(p.size()).isEqualTo(size);
            assertThat(TestData.sha256(target)).isEqualTo(TestData.sha256(3, size));

            Files.writeString(target, "replace me");
            put(box, name, "smaller now");
            blobs.downloadToFile(box, name, target, ReadOptions.defaults());
            assertThat(Files.readString(target)).isEqualTo("smaller now");

            assertFails(ErrorCode.NOT_FOUND,
                    () -> blobs.downloadToFile(box, blobName("missing"), target, ReadOptions.defaults()));
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
            blobs.upload(box, name, TestData.stream(4, size), UploadOptions.defaults().withLength(size)
                    .withProgress((done, total) -> uploaded.accumulateAndGet(done, Math::max)));
            assertThat(uploaded.get()).isEqualTo(size);

            AtomicLong downloaded = new AtomicLong();
            blobs.download(box, name, OutputStreamSink.INSTANCE, ReadOptions.defaults()
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
                    RequestConditions.none()));
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
            blobs.upload(box, name, content, UploadOptions.defaults()
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
            BlobWriteResult first = blobs.upload(box, name, utf8("body"), UploadOptions.defaults()
                    .withContentType("application/json").withMetadata(Map.of("a", "1", "b", "2")));
            BlobWriteResult second = blobs.setMetadata(box, name, Map.of("c", "3"), RequestConditions.none());
            // The result carries the ETag the blob has now. Whether a metadata-only change makes a new one is the
            // provider's: S3 keeps the content's MD5 as the ETag of a single-part object.
            assertThat(second.etag()).isNotBlank();
            assertThat(first.etag()).isNotBlank();
            BlobProperties p = blobs.getProperties(box, name);
            assertMetadata(p.metadata(), Map.of("c", "3"));
            assertThat(p.etag()).isEqualTo(second.etag());
            assertThat(p.contentType()).isEqualTo("application/json");
            assertThat(text(box, name)).isEqualTo("body");

            blobs.setMetadata(box, name, Map.of(), RequestConditions.none());
            assertThat(blobs.getProperties(box, name).metadata()).isEmpty();
        }

        @Test
        void metadataFollowsTheDeclaredRulesBothWays() {
            MetadataRules rules = account.capabilities().metadataRules();
            // Keys and values some service takes and another refuses: each is refused exactly where the account's
            // declared rules say so, and otherwise stored, read back as declared, and written back unchanged.
            List<Map<String, String>> candidates = List.of(Map.of("1starts", "v"), Map.of("has-dash", "v"),
                    Map.of("dotted.key", "v"), Map.of("has space", "v"), Map.of("Größe", "v"), Map.of("名前", "v"),
                    Map.of("k", "non-ascii é"), Map.of("Mixed", "1", "mixed", "2"), Map.of("k", "new\nline"),
                    Map.of("tab\tkey", "v"), Map.of("k", "x".repeat(9000)), Map.of("big", "y".repeat(1900)));
            String probe = blobName("rules");
            int accepted = 0;
            for (Map<String, String> metadata : candidates) {
                if (!rules.allows(metadata)) {
                    assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(box, probe, utf8("x"),
                            UploadOptions.defaults().withMetadata(metadata)));
                    assertThat(blobs.exists(box, probe)).as("nothing written for %s", metadata.keySet()).isFalse();
                    continue;
                }
                accepted++;
                String name = blobName("meta-" + accepted);
                blobs.upload(box, name, utf8("x"), UploadOptions.defaults().withMetadata(metadata));
                Map<String, String> read = blobs.getProperties(box, name).metadata();
                assertMetadata(read, metadata);
                blobs.setMetadata(box, name, read, RequestConditions.none());
                assertThat(blobs.getProperties(box, name).metadata()).as("written back unchanged").isEqualTo(read);
            }
            assertThat(accepted).as("the declared rules accept some and refuse others").isBetween(1,
                    candidates.size() - 3);

            String name = blobName("bad-meta");
            blobs.upload(box, name, utf8("x"), UploadOptions.defaults().withMetadata(Map.of("good", "yes")));
            for (Map<String, String> metadata : candidates) {
                if (!rules.allows(metadata)) {
                    assertFails(ErrorCode.INVALID_ARGUMENT,
                            () -> blobs.setMetadata(box, name, metadata, RequestConditions.none()));
                }
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
        void anUploadWithIfNoneMatchNeedsADifferentEtag() {
            String name = blobName("if-none-match");
            BlobWriteResult v1 = put(box, name, "one");
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.upload(box, name, utf8("two"),
                    UploadOptions.defaults().withConditions(RequestConditions.ifNoneMatch(v1.etag()))));
            assertThat(text(box, name)).isEqualTo("one");
            blobs.upload(box, name, utf8("three"),
                    UploadOptions.defaults().withConditions(RequestConditions.ifNoneMatch("\"0x8D000000OTHER\"")));
            assertThat(text(box, name)).isEqualTo("three");
        }

        @Test
        void ifNoneMatchStarCreatesOnlyOnce() {
            String name = blobName("create-only");
            UploadOptions createOnly = UploadOptions.defaults().withConditions(RequestConditions.ifNotExists());
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
            BlobWriteResult v1 = blobs.upload(box, name, utf8("x"), UploadOptions.defaults().withMetadata(Map.of("v", "1")));
            BlobWriteResult v2 = blobs.setMetadata(box, name, Map.of("v", "2"), RequestConditions.ifMatch(v1.etag()));
            assertThat(blobs.getProperties(box, name).etag()).isEqualTo(v2.etag());
            // An ETag goes stale when the content changes (a metadata-only change need not renew it: S3 keeps the
            // content's MD5).
            BlobWriteResult v3 = blobs.upload(box, name, utf8("y"), UploadOptions.defaults().withMetadata(Map.of("v", "3")));
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
                    DeleteBlobOptions.defaults().withConditions(RequestConditions.ifMatch(v1.etag()))));
            assertThat(text(box, name)).isEqualTo("two");
            assertThat(blobs.delete(box, name, DeleteBlobOptions.defaults()
                    .withConditions(RequestConditions.ifMatch(v2.etag())))).isTrue();
            assertThat(blobs.exists(box, name)).isFalse();
        }

        @Test
        void readsWithAStaleEtagFail() {
            String name = blobName("read-stale");
            BlobWriteResult v1 = put(box, name, "one");
            ReadOptions stale = ReadOptions.defaults().withConditions(RequestConditions.ifMatch(STALE));
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.getProperties(box, name, stale));
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> read(box, name, stale));
            assertFails(ErrorCode.PRECONDITION_FAILED,
                    () -> blobs.download(box, name, new ByteArrayOutputStream(), stale));
            ReadOptions current = ReadOptions.defaults().withConditions(RequestConditions.ifMatch(v1.etag()));
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
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.getProperties(box, name, ReadOptions.defaults()
                    .withConditions(RequestConditions.none().withIfUnmodifiedSince(hourBefore))));
            assertThat(text(box, name, ReadOptions.defaults()
                    .withConditions(RequestConditions.none().withIfUnmodifiedSince(hourAfter)))).isEqualTo("timed");
            assertThat(text(box, name, ReadOptions.defaults()
                    .withConditions(RequestConditions.none().withIfModifiedSince(hourBefore)))).isEqualTo("timed");
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
            Paging.assertListsExactly("flat listing", (token, size) -> blobs.list(c, ListBlobsOptions.defaults()
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
            assertThat(listed(ListBlobsOptions.defaults().withDelimiter("/")))
                    .containsExactly("a.txt", "[b/]", "[d/]", "e f.txt", "z", "[ünï/]");
            List<BlobItem> items = blobs.list(c, ListBlobsOptions.defaults().withDelimiter("/")).stream().toList();
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
            Paging.assertListsExactly("delimited listing", (token, size) -> blobs.list(c, ListBlobsOptions.defaults()
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
            blobs.upload(box, source, utf8("{\"copied\":true}"), UploadOptions.defaults()
                    .withContentType("application/json").withMetadata(Map.of("origin", "source")));
            String other = newContainer();
            for (String container : List.of(box, other)) {
                String target = blobName("copy-dst");
                BlobWriteResult r = blobs.copy(box, source, container, target, CopyOptions.defaults());
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
            blobs.upload(box, source, utf8("a,b"), UploadOptions.defaults().withContentType("text/plain")
                    .withMetadata(Map.of("origin", "source")));
            String target = blobName("copy-dst");
            blobs.copy(box, source, box, target, CopyOptions.defaults().withMetadata(Map.of("n", "1"))
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
                    CopyOptions.defaults().withTargetConditions(RequestConditions.ifNotExists())));
            assertThat(text(box, target)).isEqualTo("old");
            blobs.copy(box, source, box, target, CopyOptions.defaults());
            assertThat(text(box, target)).isEqualTo("new");
        }

        @Test
        void aCopyWithAStaleSourceEtagFails() {
            String source = blobName("copy-src");
            BlobWriteResult v1 = put(box, source, "one");
            BlobWriteResult v2 = put(box, source, "two");
            String target = blobName("copy-dst");
            assertFails(ErrorCode.PRECONDITION_FAILED, () -> blobs.copy(box, source, box, target,
                    CopyOptions.defaults().withSourceConditions(RequestConditions.ifMatch(v1.etag()))));
            assertThat(blobs.exists(box, target)).isFalse();
            blobs.copy(box, source, box, target,
                    CopyOptions.defaults().withSourceConditions(RequestConditions.ifMatch(v2.etag())));
            assertThat(text(box, target)).isEqualTo("two");
        }

        @Test
        void aMissingSourceOrTargetContainerIsNotFound() {
            String source = blobName("copy-src");
            put(box, source, "x");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(box, blobName("absent"), box, blobName("t"),
                    CopyOptions.defaults()));
            String missing = TestData.uniqueName("missing");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(box, source, missing, "t", CopyOptions.defaults()));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.copy(missing, "s", box, blobName("t"), CopyOptions.defaults()));
            assertThat(blobs.containerExists(missing)).isFalse();
        }

        @Test
        void aLargerBlobCopiesByteForByte() {
            long size = 6 * MIB + 3;
            String source = blobName("copy-big");
            blobs.upload(box, source, TestData.stream(6, size), UploadOptions.defaults().withLength(size));
            String target = blobName("copy-big-dst");
            blobs.copy(box, source, box, target, CopyOptions.defaults());
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
                blobs.upload(box, name, in, UploadOptions.defaults());
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
                int value = Integer.parseInt(text(box, name, ReadOptions.defaults()
                        .withConditions(RequestConditions.ifMatch(etag))));
                blobs.upload(box, name, utf8(Integer.toString(value + 1)), ifMatch(etag));
            });
            assertThat(successes).isEqualTo(threads * perThread);
            assertThat(text(box, name)).isEqualTo(Integer.toString(threads * perThread));
        }
    }
}
