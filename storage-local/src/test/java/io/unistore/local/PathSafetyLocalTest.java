package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.file.FileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad names, path traversal and planted symbolic links get INVALID_ARGUMENT and touch nothing outside the data
 * directory: a sibling directory is fingerprinted (every path, size, time and content hash) before and after.
 */
class PathSafetyLocalTest {
    private static final List<String> BAD_BLOB_NAMES = List.of("../x", "a/../../x", "/etc/passwd", "a\u0000b", "..",
            "./x", "a/./b", "x/..", "");
    private static final List<String> BAD_FILE_PATHS = List.of("../x", "a/../../x", "/etc/passwd", "a\u0000b", "..",
            "..\\x", "a//b", "c:\\windows", "x/.");

    @TempDir
    Path base;
    Path root;
    Path outside;
    StorageAccount account;
    BlobStore blobs;
    FileStore files;
    Map<String, String> before;

    @BeforeEach
    void open() throws Exception {
        root = base.resolve("root");
        outside = base.resolve("outside");
        Files.createDirectories(outside.resolve("sub"));
        Files.writeString(outside.resolve("secret.txt"), "do not touch");
        Files.writeString(outside.resolve("sub/x"), "nor this");
        account = Unistore.open("file:" + root);
        blobs = account.blobs();
        files = account.files();
        blobs.createContainer("box");
        files.createShare("share");
        files.createDirectory("share", "a");
        before = fingerprint();
    }

    @AfterEach
    void close() throws Exception {
        account.close();
        assertThat(fingerprint()).as("the directory beside the data directory").isEqualTo(before);
    }

    /** Every path outside the data directory with its type, size, modification time and content hash. */
    private Map<String, String> fingerprint() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (p.startsWith(root)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String hash = a.isRegularFile() ? sha256(Files.readAllBytes(p)) : a.isDirectory() ? "dir" : "other";
                out.put(base.relativize(p).toString(), a.size() + " " + a.lastModifiedTime() + " " + hash);
            }
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void invalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void badBlobNamesAreRefusedEverywhere() {
        blobs.upload("box", "ok", utf8("fine"));
        for (String name : BAD_BLOB_NAMES) {
            invalid(() -> blobs.upload("box", name, utf8("evil")));
            invalid(() -> blobs.getProperties("box", name));
            invalid(() -> blobs.openInputStream("box", name));
            invalid(() -> blobs.exists("box", name));
            invalid(() -> blobs.delete("box", name));
            invalid(() -> blobs.copy("box", "ok", "box", name, CopyOptions.defaults()));
            invalid(() -> blobs.copy("box", name, "box", "ok2", CopyOptions.defaults()));
        }
        invalid(() -> blobs.upload("box", "x".repeat(1025), utf8("long")));
        for (String container : List.of("..", "../box", "a/b", "BOX", "x", "-box")) {
            invalid(() -> blobs.createContainer(container));
            invalid(() -> blobs.upload(container, "ok", utf8("evil")));
        }
        assertThat(blobs.list("box").stream()).hasSize(1);
    }

    @Test
    void badFilePathsAreRefusedEverywhere() {
        for (String path : BAD_FILE_PATHS) {
            invalid(() -> files.upload("share", path, utf8("evil")));
            invalid(() -> files.createDirectory("share", path));
            invalid(() -> files.openInputStream("share", path, null));
            invalid(() -> files.deleteFile("share", path));
            invalid(() -> files.deleteDirectory("share", path, true));
            invalid(() -> files.list("share", path));
        }
        for (String share : List.of("..", "../share", "a/b")) {
            invalid(() -> files.createShare(share));
        }
        assertThat(files.list("share", "").stream()).hasSize(1);
    }

    @Test
    void aLinkPlantedOverContentIsNotFollowed() throws Exception {
        blobs.upload("box", "victim", utf8("mine"));
        Path contentFile;
        try (Stream<Path> all = Files.walk(root.resolve(ContentStore.CONTENT_DIR))) {
            contentFile = all.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.delete(contentFile);
        Files.createSymbolicLink(contentFile, outside.resolve("secret.txt"));
        invalid(() -> blobs.downloadBytes("box", "victim"));
        // Dropping the last reference (the blob, then its kept version) removes the link, never its target.
        String version = blobs.getProperties("box", "victim").versionId();
        assertThat(blobs.delete("box", "victim")).isTrue();
        assertThat(Files.exists(contentFile, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(blobs.delete("box", "victim", DeleteBlobOptions.defaults().withVersionId(version))).isTrue();
        assertThat(Files.exists(contentFile, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aLinkPlantedOverAContentFolderIsNotFollowed() throws Exception {
        blobs.upload("box", "victim", utf8("mine"));
        Path fan;
        try (Stream<Path> all = Files.list(root.resolve(ContentStore.CONTENT_DIR))) {
            fan = all.findFirst().orElseThrow();
        }
        Path moved = root.resolve("moved-away");
        Files.move(fan, moved);
        Files.createSymbolicLink(fan, outside.resolve("sub"));
        invalid(() -> blobs.downloadBytes("box", "victim"));
        Files.delete(fan);
        Files.move(moved, fan);
        assertThat(blobs.downloadBytes("box", "victim")).isEqualTo(utf8("mine"));
    }

    @Test
    void linkedContentAndTemporaryFoldersRefuseWrites() throws Exception {
        files.upload("share", "a/f", utf8("file"));
        for (String folder : List.of(ContentStore.CONTENT_DIR, ContentStore.TMP_DIR)) {
            Path real = root.resolve(folder);
            Path moved = root.resolve(folder + "-moved");
            Files.move(real, moved);
            Files.createSymbolicLink(real, outside);
            invalid(() -> blobs.upload("box", "new", utf8("evil")));
            invalid(() -> files.upload("share", "a/g", utf8("evil")));
            if (folder.equals(ContentStore.CONTENT_DIR)) {
                invalid(() -> files.downloadBytes("share", "a/f"));
            }
            Files.delete(real);
            Files.move(moved, real);
        }
        assertThat(blobs.exists("box", "new")).isFalse();
        assertThat(files.downloadBytes("share", "a/f")).isEqualTo(utf8("file"));
    }
}
