package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static io.unistore.tck.TestData.md5Base64;
import static io.unistore.tck.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.ByteRange;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.StorageException;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.file.ShareInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@link FileStore}: every provider with {@link Capability#FILES} passes it against its real
 * back end. Extend it and implement {@link #openAccount()}.
 */
public abstract class FileStoreContract extends StoreContract {
    private static final long MIB = 1024 * 1024;
    /** The size of the large streamed upload. */
    protected static final long LARGE_FILE_BYTES = 64 * MIB;

    protected FileStore files;
    /** A share for the tests that only need paths (each uses its own names). */
    private String drive;

    @Override
    final Capability storeCapability() {
        return Capability.FILES;
    }

    @Override
    final void openStore() {
        files = account.files();
    }

    @Override
    final void remove(String share) {
        files.deleteShare(share);
    }

    @BeforeAll
    void createSharedShare() {
        drive = newShare();
    }

    /** Creates a fresh share that is removed after the class. */
    protected String newShare() {
        String name = track(TestData.uniqueName("tck"));
        files.createShare(name);
        return name;
    }

    private static String unique(String base) {
        return TestData.uniqueName(base);
    }

    private FileProperties write(String share, String path, String text) {
        return files.upload(share, path, utf8(text));
    }

    private String text(String share, String path) {
        return new String(files.downloadBytes(share, path), StandardCharsets.UTF_8);
    }

    private byte[] read(String share, String path, ByteRange range) {
        try (InputStream in = files.openInputStream(share, path, range)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- shares ------------------------------------------------------------------------------------

    @Nested
    class Shares {
        @Test
        void createExistsDeleteFollowTheConventions() {
            String s = unique("life");
            assertThat(files.shareExists(s)).isFalse();
            assertFails(ErrorCode.NOT_FOUND, () -> files.getShareProperties(s));
            files.createShare(s);
            track(s);
            assertThat(files.shareExists(s)).isTrue();
            assertThat(files.getShareProperties(s).name()).isEqualTo(s);
            assertFails(ErrorCode.ALREADY_EXISTS, () -> files.createShare(s));
            assertThat(files.createShareIfNotExists(s)).isFalse();
            assertThat(files.deleteShare(s)).isTrue();
            assertThat(files.shareExists(s)).isFalse();
            assertThat(files.deleteShare(s)).isFalse();

            String other = unique("life");
            assertThat(files.createShareIfNotExists(other)).isTrue();
            track(other);
            assertThat(files.shareExists(other)).isTrue();
        }

        @Test
        void shareMetadataRoundTrips() {
            String s = unique("meta");
            files.createShare(s, CreateShareOptions.defaults().withMetadata(Map.of("owner", "ada")));
            track(s);
            ShareInfo info = files.getShareProperties(s);
            assertMetadata(info.metadata(), Map.of("owner", "ada"));
        }

        @Test
        void deletingAShareDeletesEverythingInIt() {
            String s = newShare();
            files.createDirectory(s, "dir");
            write(s, "dir/file.txt", "x");
            assertThat(files.deleteShare(s)).isTrue();
            assertThat(files.exists(s, "dir/file.txt")).as("a missing share is just false").isFalse();
            assertFails(ErrorCode.NOT_FOUND, () -> files.getProperties(s, "dir"));
        }

        @Test
        void badShareNamesAreRefusedAndCreateNothing() {
            List<String> bad = List.of("ab", "Upper-case", "a--b", "-abc", "abc-", "under_score", "with space",
                    "x".repeat(64));
            for (String name : bad) {
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> files.createShare(name));
            }
            assertThat(files.listShares().stream().map(ShareInfo::name).toList()).doesNotContainAnyElementsOf(bad);
        }

        @Test
        void listSharesFiltersByPrefixAndPages() {
            String prefix = unique("lst");
            List<String> names = new ArrayList<>();
            for (String suffix : List.of("e", "a", "d", "b", "c")) {
                String name = prefix + "-" + suffix;
                files.createShare(name);
                track(name);
                names.add(name);
            }
            names.sort(null);
            Paging.assertListsExactly("shares", (token, size) -> files.listShares(
                    ListOptions.prefix(prefix).withPageSize(size).withContinuationToken(token)),
                    ShareInfo::name, 2, names);
        }

        @Test
        void quotasAreSetAndReadWhenDeclared() {
            assumeTrue(declares(Capability.FILE_SHARE_QUOTA), "account declares FILE_SHARE_QUOTA");
            String s = unique("quota");
            files.createShare(s, CreateShareOptions.defaults().withQuotaGb(5));
            track(s);
            assertThat(files.getShareProperties(s).quotaGb()).isEqualTo(5);
            files.setShareQuota(s, 10);
            assertThat(files.getShareProperties(s).quotaGb()).isEqualTo(10);
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> files.setShareQuota(s, 0));
            assertFails(ErrorCode.NOT_FOUND, () -> files.setShareQuota(unique("missing"), 10));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> CreateShareOptions.defaults().withQuotaGb(102_401));
        }

        @Test
        void quotasAreRefusedWhenNotDeclared() {
            assumeFalse(declares(Capability.FILE_SHARE_QUOTA), "account declares FILE_SHARE_QUOTA");
            assertFails(ErrorCode.UNSUPPORTED, () -> files.setShareQuota(drive, 10));
            String s = unique("quota");
            assertFails(ErrorCode.UNSUPPORTED, () -> files.createShare(s, CreateShareOptions.defaults().withQuotaGb(5)));
            assertThat(files.shareExists(s)).isFalse();
        }
    }

    // ---- directories -------------------------------------------------------------------------------

    @Nested
    class Directories {
        @Test
        void createExistsDeleteFollowTheConventions() {
            String d = unique("dir");
            assertThat(files.exists(drive, d)).isFalse();
            files.createDirectory(drive, d);
            assertThat(files.exists(drive, d)).isTrue();
            FileProperties p = files.getProperties(drive, d);
            assertThat(p.directory()).isTrue();
            assertThat(p.path()).isEqualTo(d);
            assertThat(p.name()).isEqualTo(d);
            assertThat(p.size()).isZero();
            assertFails(ErrorCode.ALREADY_EXISTS, () -> files.createDirectory(drive, d));
            assertThat(files.deleteDirectory(drive, d, false)).isTrue();
            assertThat(files.exists(drive, d)).isFalse();
            assertThat(files.deleteDirectory(drive, d, false)).isFalse();
        }

        @Test
        void aNestedDirectoryNeedsItsParent() {
            String top = unique("nest");
            assertFails(ErrorCode.NOT_FOUND, () -> files.createDirectory(drive, top + "/child"));
            assertThat(files.exists(drive, top)).isFalse();
            files.createDirectory(drive, top);
            files.createDirectory(drive, top + "/child");
            assertThat(files.getProperties(drive, top + "/child").name()).isEqualTo("child");
            assertFails(ErrorCode.NOT_FOUND, () -> files.createDirectory(unique("missing"), "dir"));
        }

        @Test
        void createDirectoriesMakesTheChainAndToleratesExistingOnes() {
            String top = unique("chain");
            files.createDirectories(drive, top + "/a/b/c");
            for (String p : List.of(top, top + "/a", top + "/a/b", top + "/a/b/c")) {
                assertThat(files.getProperties(drive, p).directory()).as(p).isTrue();
            }
            files.createDirectories(drive, top + "/a/b/c/d");
            assertThat(files.exists(drive, top + "/a/b/c/d")).isTrue();
        }

        @Test
        void aNonEmptyDirectoryIsDeletedOnlyRecursively() {
            String d = unique("full");
            files.createDirectories(drive, d + "/sub");
            write(drive, d + "/sub/deep.txt", "deep");
            write(drive, d + "/top.txt", "top");
            assertFails(ErrorCode.CONFLICT, () -> files.deleteDirectory(drive, d, false));
            assertThat(text(drive, d + "/sub/deep.txt")).isEqualTo("deep");
            assertThat(files.deleteDirectory(drive, d, true)).isTrue();
            for (String p : List.of(d, d + "/sub", d + "/sub/deep.txt", d + "/top.txt")) {
                assertThat(files.exists(drive, p)).as(p).isFalse();
            }
        }

        @Test
        void directoryMetadataRoundTrips() {
            String d = unique("dmeta");
            files.createDirectory(drive, d, Map.of("a", "1"));
            assertMetadata(files.getProperties(drive, d).metadata(), Map.of("a", "1"));
            files.setMetadata(drive, d, Map.of("b", "2"));
            assertMetadata(files.getProperties(drive, d).metadata(), Map.of("b", "2"));
        }
    }

    // ---- files -------------------------------------------------------------------------------------

    @Nested
    class FileContent {
        @Test
        void bytesRoundTripWithTheirProperties() {
            byte[] content = TestData.bytes(21, 10_000);
            String path = unique("file") + ".bin";
            Instant before = Instant.now().minus(Duration.ofMinutes(5));
            FileProperties written = files.upload(drive, path, content, FileUploadOptions.defaults()
                    .withContentType("application/x-test").withMetadata(Map.of("kind", "sample")));
            FileProperties p = files.getProperties(drive, path);
            for (FileProperties props : List.of(written, p)) {
                assertThat(props.share()).isEqualTo(drive);
                assertThat(props.path()).isEqualTo(path);
                assertThat(props.directory()).isFalse();
                assertThat(props.size()).isEqualTo(content.length);
                assertThat(props.etag()).isNotBlank();
                assertThat(props.lastModified()).isAfter(before);
            }
            assertThat(p.etag()).isEqualTo(written.etag());
            assertThat(p.contentType()).isEqualTo("application/x-test");
            assertMetadata(p.metadata(), Map.of("kind", "sample"));
            if (p.contentMd5() != null) {
                assertThat(p.contentMd5()).isEqualTo(md5Base64(content));
            }
            assertThat(files.exists(drive, path)).isTrue();
            assertThat(files.downloadBytes(drive, path)).isEqualTo(content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(files.download(drive, path, out)).isEqualTo(content.length);
            assertThat(out.toByteArray()).isEqualTo(content);
        }

        @Test
        void anUploadReplacesTheContent() {
            String path = unique("replace");
            FileProperties first = write(drive, path, "first version");
            FileProperties second = write(drive, path, "second");
            assertThat(second.etag()).isNotEqualTo(first.etag());
            assertThat(text(drive, path)).isEqualTo("second");
            assertThat(files.getProperties(drive, path).size()).isEqualTo(6);
        }

        @Test
        void anEmptyFileRoundTrips() {
            String path = unique("empty");
            files.upload(drive, path, new byte[0]);
            assertThat(files.getProperties(drive, path).size()).isZero();
            assertThat(files.downloadBytes(drive, path)).isEmpty();
            assertThat(read(drive, path, ByteRange.from(0))).isEmpty();
        }

        @Test
        void aLargeStreamOfKnownLengthUploadsWholeInBoundedMemory() {
            String path = unique("large");
            files.upload(drive, path, TestData.stream(64, LARGE_FILE_BYTES),
                    FileUploadOptions.defaults().withLength(LARGE_FILE_BYTES));
            assertThat(files.getProperties(drive, path).size()).isEqualTo(LARGE_FILE_BYTES);
            assertThat(TestData.sha256(files.openInputStream(drive, path, null)))
                    .isEqualTo(TestData.sha256(64, LARGE_FILE_BYTES));
            assertThat(files.deleteFile(drive, path)).isTrue();
        }

        @Test
        void aSourceFailingMidwayLeavesThePreviousContentOrNothing() {
            String fresh = unique("torn");
            assertThatThrownBy(() -> files.upload(drive, fresh, TestData.failingStream(12, 3 * MIB),
                    FileUploadOptions.defaults())).isInstanceOf(StorageException.class);
            assertThat(files.exists(drive, fresh)).isFalse();

            String existing = unique("torn-keep");
            write(drive, existing, "old content");
            assertThatThrownBy(() -> files.upload(drive, existing, TestData.failingStream(13, 3 * MIB),
                    FileUploadOptions.defaults().withLength(6 * MIB))).isInstanceOf(StorageException.class);
            assertThat(text(drive, existing)).isEqualTo("old content");
        }

        @Test
        void aStreamOfUnknownLengthUploadsWhole() {
            long size = 9 * MIB + 321;
            String path = unique("unknown");
            files.upload(drive, path, TestData.stream(9, size), FileUploadOptions.defaults());
            assertThat(files.getProperties(drive, path).size()).isEqualTo(size);
            assertThat(TestData.sha256(files.openInputStream(drive, path, null))).isEqualTo(TestData.sha256(9, size));
        }

        @Test
        void localFilesUploadAndDownloadAtomically(@TempDir Path dir) throws IOException {
            long size = 2 * MIB + 7;
            Path source = dir.resolve("source.bin");
            try (InputStream in = TestData.stream(22, size)) {
                Files.copy(in, source);
            }
            String path = unique("local");
            files.upload(drive, path, source, FileUploadOptions.defaults());
            Path target = dir.resolve("out").resolve("target.bin");
            assertThat(files.downloadToFile(drive, path, target).size()).isEqualTo(size);
            assertThat(TestData.sha256(target)).isEqualTo(TestData.sha256(22, size));
            assertFails(ErrorCode.NOT_FOUND, () -> files.downloadToFile(drive, unique("missing"), target));
            assertThat(TestData.sha256(target)).as("a failed download leaves the file alone")
                    .isEqualTo(TestData.sha256(22, size));
        }

        @Test
        void anUploadNeedsItsParentAndNeverReplacesADirectory() {
            assertFails(ErrorCode.NOT_FOUND, () -> write(drive, unique("nodir") + "/file.txt", "x"));
            assertFails(ErrorCode.NOT_FOUND, () -> write(unique("missing"), "file.txt", "x"));
            String d = unique("isdir");
            files.createDirectory(drive, d);
            assertFails(ErrorCode.CONFLICT, () -> write(drive, d, "x"));
            assertFails(ErrorCode.CONFLICT, () -> files.deleteFile(drive, d));
            assertThat(files.getProperties(drive, d).directory()).isTrue();
        }

        @Test
        void deleteFileFollowsTheConventions() {
            String path = unique("delete");
            write(drive, path, "x");
            assertThat(files.deleteFile(drive, path)).isTrue();
            assertThat(files.exists(drive, path)).isFalse();
            assertThat(files.deleteFile(drive, path)).isFalse();
        }

        @Test
        void aMissingFileIsNotFound() {
            String path = unique("absent");
            assertThat(files.exists(drive, path)).isFalse();
            assertFails(ErrorCode.NOT_FOUND, () -> files.getProperties(drive, path));
            assertFails(ErrorCode.NOT_FOUND, () -> files.downloadBytes(drive, path));
            assertFails(ErrorCode.NOT_FOUND, () -> files.openInputStream(drive, path, null).close());
            assertFails(ErrorCode.NOT_FOUND, () -> files.setMetadata(drive, path, Map.of("a", "b")));
        }

        @Test
        void setMetadataReplacesItAndKeepsTheContent() {
            String path = unique("meta");
            files.upload(drive, path, utf8("body"), FileUploadOptions.defaults().withMetadata(Map.of("a", "1", "b", "2")));
            files.setMetadata(drive, path, Map.of("c", "3"));
            assertMetadata(files.getProperties(drive, path).metadata(), Map.of("c", "3"));
            assertThat(text(drive, path)).isEqualTo("body");
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> files.setMetadata(drive, path, Map.of("bad\tkey", "v")));
            assertMetadata(files.getProperties(drive, path).metadata(), Map.of("c", "3"));
            Map<String, String> dashed = Map.of("x-dashed.key", "v");
            if (account.capabilities().metadataRules().allows(dashed)) {
                files.setMetadata(drive, path, dashed);
                assertMetadata(files.getProperties(drive, path).metadata(), dashed);
            } else {
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> files.setMetadata(drive, path, dashed));
                assertMetadata(files.getProperties(drive, path).metadata(), Map.of("c", "3"));
            }
        }
    }

    // ---- moving files ------------------------------------------------------------------------------

    @Nested
    class Moving {
        @Test
        void aFileMovesWithItsContentHeadersAndMetadata() {
            assumeTrue(account.capabilities().has(Capability.FILE_MOVE), "no FILE_MOVE");
            String d = unique("movedir");
            files.createDirectory(drive, d);
            String from = unique("from") + ".txt";
            files.upload(drive, from, utf8("moving body"), FileUploadOptions.defaults().withContentType("text/plain")
                    .withMetadata(Map.of("kept", "yes")));
            FileProperties moved = files.moveFile(drive, from, d + "/to.txt", false);
            assertThat(moved.path()).isEqualTo(d + "/to.txt");
            assertThat(moved.directory()).isFalse();
            assertThat(files.exists(drive, from)).isFalse();
            assertThat(text(drive, d + "/to.txt")).isEqualTo("moving body");
            FileProperties p = files.getProperties(drive, d + "/to.txt");
            assertThat(p.size()).isEqualTo(11);
            assertThat(p.contentType()).isEqualTo("text/plain");
            assertMetadata(p.metadata(), Map.of("kept", "yes"));
            // A rename in the same directory.
            files.moveFile(drive, d + "/to.txt", d + "/renamed.txt", false);
            assertThat(text(drive, d + "/renamed.txt")).isEqualTo("moving body");
            assertThat(files.exists(drive, d + "/to.txt")).isFalse();
        }

        @Test
        void anExistingTargetIsReplacedOnlyWhenAskedAndNeverADirectory() {
            assumeTrue(account.capabilities().has(Capability.FILE_MOVE), "no FILE_MOVE");
            String a = unique("a");
            String b = unique("b");
            write(drive, a, "A");
            write(drive, b, "B");
            assertFails(ErrorCode.ALREADY_EXISTS, () -> files.moveFile(drive, a, b, false));
            assertThat(text(drive, a)).isEqualTo("A");
            assertThat(text(drive, b)).isEqualTo("B");
            files.moveFile(drive, a, b, true);
            assertThat(text(drive, b)).isEqualTo("A");
            assertThat(files.exists(drive, a)).isFalse();
            String dir = unique("adir");
            files.createDirectory(drive, dir);
            assertFails(ErrorCode.ALREADY_EXISTS, () -> files.moveFile(drive, b, dir, true));
            assertThat(files.getProperties(drive, dir).directory()).isTrue();
            assertThat(text(drive, b)).isEqualTo("A");
        }

        @Test
        void missingSourcesAndParentsAreNotFoundAndNothingMoves() {
            assumeTrue(account.capabilities().has(Capability.FILE_MOVE), "no FILE_MOVE");
            String a = unique("stay");
            write(drive, a, "S");
            assertFails(ErrorCode.NOT_FOUND, () -> files.moveFile(drive, unique("absent"), unique("t"), false));
            assertFails(ErrorCode.NOT_FOUND, () -> files.moveFile(drive, a, unique("nodir") + "/t", false));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> files.moveFile(drive, a, a, true));
            String d = unique("srcdir");
            files.createDirectory(drive, d);
            assertFails(ErrorCode.CONFLICT, () -> files.moveFile(drive, d, unique("t"), false));
            assertThat(text(drive, a)).isEqualTo("S");
            assertThat(files.getProperties(drive, d).directory()).isTrue();
        }

        @Test
        void withoutTheCapabilityAMoveIsRefused() {
            assumeFalse(account.capabilities().has(Capability.FILE_MOVE), "account declares FILE_MOVE");
            String a = unique("nomove");
            write(drive, a, "x");
            assertFails(ErrorCode.UNSUPPORTED, () -> files.moveFile(drive, a, unique("t"), false));
            assertThat(text(drive, a)).isEqualTo("x");
        }
    }

    // ---- ranged reads ------------------------------------------------------------------------------

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RangedReads {
        private static final int SIZE = 300_000 + 11;
        private final byte[] content = TestData.bytes(23, SIZE);
        private final String path = unique("ranged");

        @BeforeAll
        void uploadOnce() {
            files.upload(drive, path, content);
        }

        private byte[] range(ByteRange range) {
            return read(drive, path, range);
        }

        private byte[] slice(int from, int to) {
            return Arrays.copyOfRange(content, from, to);
        }

        @Test
        void theStartTheMiddleAndTheTail() {
            assertThat(range(ByteRange.of(0, 100))).isEqualTo(slice(0, 100));
            assertThat(range(ByteRange.of(150_000, 1000))).isEqualTo(slice(150_000, 151_000));
            assertThat(range(ByteRange.of(SIZE - 100, 100))).isEqualTo(slice(SIZE - 100, SIZE));
            assertThat(range(ByteRange.of(SIZE - 10, 100))).as("cut at the end").isEqualTo(slice(SIZE - 10, SIZE));
        }

        @Test
        void openEndedRanges() {
            assertThat(range(ByteRange.from(SIZE - 1000))).isEqualTo(slice(SIZE - 1000, SIZE));
            assertThat(range(ByteRange.from(0))).isEqualTo(content);
            assertThat(range(null)).isEqualTo(content);
        }

        @Test
        void aRangeStartingAtOrBeyondTheEndIsInvalid() {
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> range(ByteRange.from(SIZE)));
            assertFails(ErrorCode.INVALID_ARGUMENT, () -> range(ByteRange.of(SIZE + 10, 5)));
        }
    }

    // ---- listing -----------------------------------------------------------------------------------

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Listing {
        private String s;

        /** Every path of the tree, in path (String) order; directories end without a slash. */
        private final List<String> tree = List.of("docs", "docs-old.txt", "docs/guide.md", "docs/img",
                "docs/img/logo.png", "docs/readme.txt", "notes.txt", "src", "src/main", "src/main/App.java");
        private final List<String> directories = List.of("docs", "docs/img", "src", "src/main");

        @BeforeAll
        void fill() {
            s = newShare();
            for (String p : tree) {
                if (directories.contains(p)) {
                    files.createDirectory(s, p);
                } else {
                    write(s, p, "content of " + p);
                }
            }
        }

        private List<String> paths(String directory, ListFilesOptions options) {
            return files.list(s, directory, options).stream().map(FileItem::path).toList();
        }

        @Test
        void theChildrenOfADirectoryInNameOrder() {
            assertThat(paths("", ListFilesOptions.defaults())).containsExactly("docs", "docs-old.txt", "notes.txt",
                    "src");
            assertThat(paths("docs", ListFilesOptions.defaults())).containsExactly("docs/guide.md", "docs/img",
                    "docs/readme.txt");
            List<FileItem> items = files.list(s, "docs").stream().toList();
            assertThat(items).extracting(FileItem::name).containsExactly("guide.md", "img", "readme.txt");
            assertThat(items).extracting(FileItem::directory).containsExactly(false, true, false);
            assertThat(items.get(0).size()).isEqualTo(utf8("content of docs/guide.md").length);
            assertThat(items.get(1).size()).isZero();
        }

        @Test
        void aRecursiveListingWalksTheTreeInPathOrder() {
            assertThat(paths("", ListFilesOptions.recursively())).containsExactlyElementsOf(tree);
            assertThat(paths("docs", ListFilesOptions.recursively())).containsExactly("docs/guide.md", "docs/img",
                    "docs/img/logo.png", "docs/readme.txt");
        }

        @Test
        void aPrefixSelectsNames() {
            assertThat(paths("", ListFilesOptions.defaults().withPrefix("docs"))).containsExactly("docs",
                    "docs-old.txt");
            assertThat(paths("docs", ListFilesOptions.defaults().withPrefix("re"))).containsExactly("docs/readme.txt");
            assertThat(paths("", ListFilesOptions.defaults().withPrefix("zzz"))).isEmpty();
        }

        @Test
        void listingsPage() {
            Paging.assertListsExactly("children", (token, size) -> files.list(s, "", ListFilesOptions.defaults()
                    .withPageSize(size).withContinuationToken(token)), FileItem::path, 2,
                    List.of("docs", "docs-old.txt", "notes.txt", "src"));
            Paging.assertListsExactly("recursive", (token, size) -> files.list(s, "", ListFilesOptions.recursively()
                    .withPageSize(size).withContinuationToken(token)), FileItem::path, 3, tree);
        }

        @Test
        void listingAMissingDirectoryIsNotFound() {
            assertFails(ErrorCode.NOT_FOUND, () -> files.list(s, "no-such-dir").firstPage());
            assertFails(ErrorCode.NOT_FOUND, () -> files.list(unique("missing"), "").firstPage());
        }
    }

    // ---- names -------------------------------------------------------------------------------------

    @Nested
    class Names {
        @Test
        void unicodeNamesRoundTrip() {
            String s = newShare();
            String dir = "ünï 😀 dir";
            String file = dir + "/日本 file's (1).txt";
            files.createDirectory(s, dir);
            write(s, file, "unicode");
            assertThat(text(s, file)).isEqualTo("unicode");
            assertThat(files.getProperties(s, file).name()).isEqualTo("日本 file's (1).txt");
            assertThat(files.list(s, dir).stream().map(FileItem::name).toList())
                    .containsExactly("日本 file's (1).txt");
            assertThat(files.list(s, "").stream().map(FileItem::name).toList()).containsExactly(dir);
        }

        @Test
        void badPathsAreRefusedAndCreateNothing() {
            String s = newShare();
            for (String bad : List.of("../x", "a/../b", "/abs", "a\\b", "a:b", "a*b", "q?", "lt<", "pipe|",
                    "nul\0x", "dot.", "space ", "a//b")) {
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> write(s, bad, "x"));
                assertFails(ErrorCode.INVALID_ARGUMENT, () -> files.createDirectory(s, bad));
            }
            assertThat(files.list(s, "", ListFilesOptions.recursively()).stream().toList()).isEmpty();
        }
    }
}
