package io.unistore.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.file.FileItem;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.ops.CopyTreeOptions;
import io.unistore.ops.CopyTreeResult;
import io.unistore.ops.FileTreeCopy;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file share moved into a SharePoint document library and back with storage-ops' {@link FileTreeCopy} (what
 * {@code unistore cp -r} and the MCP copy tools run on file shares): a local share is staged as blobs, written
 * into a share of the Graph stand-in, read back out of it and restored as a local share, and every file is
 * byte-identical at each stop, a file larger than one simple upload included (it goes through an upload session).
 */
class SharePointCopyTest {

    @Test
    void aShareGoesIntoALibraryAndBackByteIdentical(@TempDir Path dir) {
        String library = "sp-" + UUID.randomUUID().toString().substring(0, 8);
        try (StorageAccount local = Unistore.open("file:" + dir.resolve("local"));
             StorageAccount graph = GraphStandInAccounts.open(Map.of("simpleUploadMax", "65536",
                     "uploadChunkSize", String.valueOf(320 * 1024)))) {
            FileStore source = local.files();
            source.createShare("docs");
            source.createDirectories("docs", "reports/2026");
            source.upload("docs", "readme.txt", "hello, SharePoint".getBytes(), FileUploadOptions.defaults()
                    .withContentType("text/plain").withMetadata(Map.of("owner", "ops")));
            source.upload("docs", "reports/2026/q1 results.csv", content(1, 5_000));
            source.upload("docs", "reports/big.bin", content(2, 700_000));
            Map<String, String> original = tree(source, "docs");

            CopyTreeResult staged = FileTreeCopy.shareToContainer(local, local, CopyTreeOptions.of("docs", "outbound"));
            CopyTreeResult in = FileTreeCopy.containerToShare(local, graph, CopyTreeOptions.of(library, "outbound"));
            assertThat(staged.complete() && in.complete()).as("into the library").isTrue();
            assertThat(in.copied()).isEqualTo(3);
            assertThat(tree(graph.files(), library)).isEqualTo(original);
            assertThat(graph.files().getProperties(library, "readme.txt").metadata()).containsEntry("owner", "ops");

            CopyTreeResult out = FileTreeCopy.shareToContainer(graph, local, CopyTreeOptions.of(library, "inbound"));
            CopyTreeResult restored = FileTreeCopy.containerToShare(local, local, CopyTreeOptions.of("restored",
                    "inbound"));
            assertThat(out.complete() && restored.complete()).as("back out of the library").isTrue();
            assertThat(tree(local.files(), "restored")).isEqualTo(original);
            assertThat(local.files().getProperties("restored", "readme.txt").contentType()).isEqualTo("text/plain");
            graph.files().deleteShare(library);
        }
    }

    private static byte[] content(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Path -> SHA-256 of every file of a share. */
    private static Map<String, String> tree(FileStore files, String share) {
        Map<String, String> out = new TreeMap<>();
        for (FileItem f : files.list(share, "", ListFilesOptions.recursively())) {
            if (!f.directory()) {
                out.put(f.path(), sha256(files.downloadBytes(share, f.path())));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
