package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ByteRange;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Azure-specific Files behaviour on the stand-in: atomic uploads, ranges, trees, quota, conflicts. */
class AzureFileStoreTest {
    private static StorageAccount account;
    private static FileStore files;
    private static String share;

    @BeforeAll
    static void open() {
        account = FilesStandInAccounts.open();
        files = account.files();
        share = AzuriteAccounts.name("share");
        files.createShare(share, CreateShareOptions.builder().quotaGb(10).metadata(Map.of("Owner", "tests")).build());
    }

    @AfterAll
    static void close() {
        files.deleteShare(share);
        account.close();
    }

    @Test
    void declaresOnlyFilesForAFileEndpoint() {
        assertThat(account.capabilities().has(Capability.FILES)).isTrue();
        assertThat(account.capabilities().has(Capability.FILE_SHARE_QUOTA)).isTrue();
        assertThat(account.capabilities().has(Capability.BLOBS)).isFalse();
    }

    @Test
    void sharesKeepQuotaAndMetadataCase() {
        var info = files.getShareProperties(share);
        assertThat(info.quotaGb()).isEqualTo(10);
        assertThat(info.metadata()).containsEntry("Owner", "tests");
        files.setShareQuota(share, 20);
        assertThat(files.getShareProperties(share).quotaGb()).isEqualTo(20);
        assertThat(files.listShares(ListOptions.prefix(share)).stream().map(s -> s.name())).containsExactly(share);
        assertThatThrownBy(() -> files.createShare(share))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
    }

    @Test
    void streamingUploadOfUnknownLengthAndRangedReads() throws IOException {
        files.createDirectories(share, "up/load");
        byte[] data = new byte[9 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        InputStream unknown = new ByteArrayInputStream(data);
        FileProperties p = files.upload(share, "up/load/big.bin", unknown, FileUploadOptions.defaults()
                .withContentType("application/x-big").withMetadata(Map.of("k", "v")));
        assertThat(p.size()).isEqualTo(data.length);
        assertThat(p.contentType()).isEqualTo("application/x-big");
        assertThat(p.metadata()).containsEntry("k", "v");
        assertThat(p.contentMd5()).isNotNull();
        assertThat(files.downloadBytes(share, "up/load/big.bin")).isEqualTo(data);
        try (InputStream in = files.openInputStream(share, "up/load/big.bin", ByteRange.of(5_000_000, 100))) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 5_000_000, 5_000_100));
        }
        assertThatThrownBy(() -> files.openInputStream(share, "up/load/big.bin", ByteRange.from(data.length + 1L)))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(files.list(share, "up/load").stream().map(FileItem::name)).containsExactly("big.bin");
    }

    @Test
    void failedUploadKeepsTheOldContent() {
        files.upload(share, "keep.txt", "old".getBytes());
        InputStream failing = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 5_000_000) {
                    throw new IOException("disk gone");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> files.upload(share, "keep.txt", failing, FileUploadOptions.defaults()))
                .isInstanceOf(StorageException.class);
        assertThat(files.downloadBytes(share, "keep.txt")).isEqualTo("old".getBytes());
        assertThat(files.list(share, "").stream().map(FileItem::name)).doesNotContain(".unistore-upload-");
    }

    @Test
    void recursiveListingPagesAndRecursiveDelete() {
        files.createDirectories(share, "tree/a/b");
        files.createDirectory(share, "tree/c");
        files.upload(share, "tree/a/one.txt", "1".getBytes());
        files.upload(share, "tree/a/b/two.txt", "22".getBytes());
        files.upload(share, "tree/c/three.txt", "333".getBytes());
        files.upload(share, "tree/a-x.txt", "x".getBytes());
        List<String> all = files.list(share, "tree", ListFilesOptions.recursively()).stream().map(FileItem::path).toList();
        // Path order: '-' sorts before '/', so tree/a-x.txt comes between tree/a and what tree/a holds.
        assertThat(all).containsExactly("tree/a", "tree/a-x.txt", "tree/a/b", "tree/a/b/two.txt", "tree/a/one.txt",
                "tree/c", "tree/c/three.txt");
        Page<FileItem> first = files.list(share, "tree", ListFilesOptions.recursively().withPageSize(5)).firstPage();
        assertThat(first.items()).hasSize(5);
        Page<FileItem> rest = files.list(share, "tree", ListFilesOptions.recursively().withPageSize(5)
                .withContinuationToken(first.continuationToken())).firstPage();
        assertThat(rest.items()).extracting(FileItem::path).containsExactly("tree/c", "tree/c/three.txt");
        assertThat(files.list(share, "tree", ListFilesOptions.recursively().withPrefix("t")).stream()
                .map(FileItem::path)).containsExactly("tree/a/b/two.txt", "tree/c/three.txt");
        assertThatThrownBy(() -> files.deleteDirectory(share, "tree", false))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(files.deleteDirectory(share, "tree", true)).isTrue();
        assertThat(files.exists(share, "tree")).isFalse();
    }

    @Test
    void filesAndDirectoriesDoNotStandInForEachOther() {
        files.createDirectory(share, "adir");
        assertThatThrownBy(() -> files.deleteFile(share, "adir")).hasMessageContaining("is a directory")
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> files.upload(share, "adir", "x".getBytes()))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> files.upload(share, "missing/x.txt", "x".getBytes()))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(files.getProperties(share, "adir").directory()).isTrue();
        files.setMetadata(share, "adir", Map.of("Dir", "yes"));
        assertThat(files.getProperties(share, "adir").metadata()).containsEntry("Dir", "yes");
        assertThat(files.deleteFile(share, "nothing.txt")).isFalse();
    }
}
