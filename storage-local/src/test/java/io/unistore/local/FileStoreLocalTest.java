package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileStore;
import io.unistore.file.ListFilesOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file store: directory rules, listing, ranges, quota. */
class FileStoreLocalTest {
    @TempDir
    Path dir;
    StorageAccount account;
    FileStore files;

    @BeforeEach
    void open() {
        account = Unistore.open(dir.toString());
        files = account.files();
        files.createShare("docs", CreateShareOptions.builder().quotaGb(1).putMetadata("k", "v").build());
    }

    @AfterEach
    void close() {
        account.close();
    }

    private static ErrorCode code(Throwable t) {
        return ((StorageException) t).code();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void directoriesAndFiles() throws Exception {
        assertThatThrownBy(() -> files.createDirectory("docs", "a/b"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.NOT_FOUND));
        files.createDirectories("docs", "a/b");
        files.upload("docs", "a/b/f.txt", utf8("0123456789"));
        files.upload("docs", "a/top.txt", utf8("t"));
        files.upload("docs", "a.txt", utf8("x"));
        assertThatThrownBy(() -> files.upload("docs", "a/b", utf8("x")))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> files.upload("docs", "zz/f", utf8("x")))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.NOT_FOUND));
        try (InputStream in = files.openInputStream("docs", "a/b/f.txt", ByteRange.of(3, 4))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("3456");
        }
        assertThat(files.list("docs", "").stream().map(FileItem::name).toList()).containsExactly("a", "a.txt");
        assertThat(files.list("docs", "a", ListFilesOptions.recursively().withPageSize(1)).stream()
                .map(FileItem::path).toList()).containsExactly("a/b", "a/b/f.txt", "a/top.txt");
        assertThat(files.list("docs", "", ListFilesOptions.recursively()).stream().map(FileItem::path).toList())
                .containsExactly("a", "a.txt", "a/b", "a/b/f.txt", "a/top.txt");
        assertThat(files.list("docs", "a", ListFilesOptions.defaults().withPrefix("t")).stream()
                .map(FileItem::name).toList()).containsExactly("top.txt");
        assertThatThrownBy(() -> files.deleteDirectory("docs", "a", false))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> files.deleteFile("docs", "a"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.CONFLICT));
        assertThat(files.deleteDirectory("docs", "a", true)).isTrue();
        assertThat(files.exists("docs", "a/b/f.txt")).isFalse();
        assertThat(files.list("docs", "").stream().map(FileItem::name).toList()).containsExactly("a.txt");
        assertThat(files.deleteFile("docs", "a.txt")).isTrue();
        assertThat(files.deleteFile("docs", "a.txt")).isFalse();
    }

    @Test
    void propertiesMetadataAndQuota() {
        files.upload("docs", "f", utf8("abc"));
        files.setMetadata("docs", "f", Map.of("owner", "me"));
        assertThat(files.getProperties("docs", "f").metadata()).containsEntry("owner", "me");
        assertThat(files.getProperties("docs", "f").size()).isEqualTo(3);
        assertThat(files.getShareProperties("docs").quotaGb()).isEqualTo(1);
        files.setShareQuota("docs", 2);
        assertThat(files.listShares().stream().toList()).singleElement()
                .satisfies(s -> assertThat(s.quotaGb()).isEqualTo(2));
        assertThat(List.of(files.getProperties("docs", "").directory())).containsExactly(true);
    }

    @Test
    void localFilesUploadAndDownloadWhole() throws Exception {
        byte[] data = new byte[2 * 1024 * 1024 + 3];
        new java.util.Random(3).nextBytes(data);
        Path src = dir.resolve("in.bin");
        java.nio.file.Files.write(src, data);
        assertThat(files.upload("docs", "in.bin", src, io.unistore.file.FileUploadOptions.defaults()).size())
                .isEqualTo(data.length);
        Path out = dir.resolve("out.bin");
        assertThat(files.downloadToFile("docs", "in.bin", out).size()).isEqualTo(data.length);
        assertThat(java.nio.file.Files.readAllBytes(out)).isEqualTo(data);
        assertThat(files.getProperties("docs", "in.bin").contentMd5()).isNotNull();
    }
}
