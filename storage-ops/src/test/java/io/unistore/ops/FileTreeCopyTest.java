package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.file.FileItem;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileTreeCopyTest {
    private StorageAccount account;

    @BeforeEach
    void setUp() {
        account = Backends.local();
        FileStore files = account.files();
        files.createShare("docs");
        files.createDirectories("docs", "reports/2026/q1");
        files.createDirectories("docs", "empty");
        files.upload("docs", "readme.txt", "hello".getBytes(), FileUploadOptions.defaults().withContentType("text/plain")
                .withMetadata(Map.of("owner", "ops")));
        for (int i = 0; i < 5; i++) {
            files.upload("docs", "reports/2026/q1/r" + i + ".csv", Fixtures.content(i, 5000 + i),
                    FileUploadOptions.defaults().withContentType("text/csv"));
        }
        files.upload("docs", "reports/index.json", "{}".getBytes());
    }

    @AfterEach
    void tearDown() {
        account.close();
    }

    @Test
    void shareToContainerAndBackKeepsTheTree() {
        CopyTreeResult up = FileTreeCopy.shareToContainer(account, account, CopyTreeOptions.of("docs", "mirror")
                .withPrefix("backup/"));
        assertThat(up.complete()).isTrue();
        assertThat(up.copied()).isEqualTo(7);
        assertThat(Fixtures.blobs(account.blobs(), "mirror", null).keySet()).containsExactlyInAnyOrder(
                "backup/readme.txt", "backup/reports/index.json", "backup/reports/2026/q1/r0.csv",
                "backup/reports/2026/q1/r1.csv", "backup/reports/2026/q1/r2.csv", "backup/reports/2026/q1/r3.csv",
                "backup/reports/2026/q1/r4.csv");
        var readme = account.blobs().getProperties("mirror", "backup/readme.txt");
        assertThat(readme.contentType()).isEqualTo("text/plain");
        assertThat(readme.metadata()).containsEntry("owner", "ops");

        CopyTreeResult again = FileTreeCopy.shareToContainer(account, account, CopyTreeOptions.of("docs", "mirror")
                .withPrefix("backup/"));
        assertThat(again.copied()).isZero();
        assertThat(again.skippedUnchanged()).isEqualTo(7);

        CopyTreeResult down = FileTreeCopy.containerToShare(account, account, CopyTreeOptions.of("restored", "mirror")
                .withPrefix("backup/").withDirectory("from-blobs"));
        assertThat(down.complete()).isTrue();
        assertThat(down.copied()).isEqualTo(7);
        assertThat(tree(account.files(), "restored", "from-blobs")).isEqualTo(tree(account.files(), "docs", "")
                .entrySet().stream().filter(e -> !e.getKey().equals("empty/"))
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
        assertThat(account.files().getProperties("restored", "from-blobs/readme.txt").contentType())
                .isEqualTo("text/plain");
    }

    @Test
    void dryRunCountsWithoutWriting() {
        CopyTreeResult r = FileTreeCopy.shareToContainer(account, account, CopyTreeOptions.of("docs", "mirror")
                .withDryRun(true));
        assertThat(r.copied()).isEqualTo(7);
        assertThat(r.bytes()).isEqualTo(5 + 2 + 5 * 5000 + 10);
        assertThat(account.blobs().containerExists("mirror")).isFalse();
    }

    @Test
    void shareToShareKeepsTheWholeTreeEmptyDirectoriesToo() {
        CopyTreeResult r = FileTreeCopy.shareToShare(account, account, CopyShareOptions.of("docs", "copy")
                .withTargetDirectory("2026/docs").withConcurrency(8));
        assertThat(r.failures()).isEmpty();
        assertThat(r.copied()).isEqualTo(7);
        assertThat(tree(account.files(), "copy", "2026/docs")).isEqualTo(tree(account.files(), "docs", ""));
        var readme = account.files().getProperties("copy", "2026/docs/readme.txt");
        assertThat(readme.contentType()).isEqualTo("text/plain");
        assertThat(readme.metadata()).containsEntry("owner", "ops");

        account.files().upload("docs", "reports/index.json", "{\"v\":2}".getBytes());
        CopyTreeResult again = FileTreeCopy.shareToShare(account, account, CopyShareOptions.of("docs", "copy")
                .withTargetDirectory("2026/docs"));
        assertThat(again.copied()).as("only the changed file").isEqualTo(1);
        assertThat(again.skippedUnchanged()).isEqualTo(6);
        assertThat(account.files().downloadBytes("copy", "2026/docs/reports/index.json")).asString()
                .isEqualTo("{\"v\":2}");
    }

    @Test
    void shareToShareCopiesOneDirectoryAndADryRunWritesNothing() {
        CopyTreeResult dry = FileTreeCopy.shareToShare(account, account, CopyShareOptions.of("docs", "part")
                .withSourceDirectory("reports/2026").withDryRun(true));
        assertThat(dry.copied()).isEqualTo(5);
        assertThat(account.files().shareExists("part")).isFalse();

        CopyTreeResult r = FileTreeCopy.shareToShare(account, account, CopyShareOptions.of("docs", "part")
                .withSourceDirectory("/reports/2026/"));
        assertThat(r.copied()).isEqualTo(5);
        assertThat(tree(account.files(), "part", "")).isEqualTo(tree(account.files(), "docs", "reports/2026"));
    }

    /** Relative path -> content (directories as "dir/" -> empty) of a tree. */
    private static Map<String, String> tree(FileStore files, String share, String dir) {
        Map<String, String> out = new TreeMap<>();
        List<FileItem> items = files.list(share, dir, ListFilesOptions.recursively()).stream().toList();
        for (FileItem f : items) {
            String rel = dir.isEmpty() ? f.path() : f.path().substring(dir.length() + 1);
            out.put(f.directory() ? rel + "/" : rel, f.directory() ? ""
                    : java.util.HexFormat.of().formatHex(files.downloadBytes(share, f.path())));
        }
        return out;
    }
}
