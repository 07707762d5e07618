package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.file.FileItem;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.testsupport.msgraph.GraphStandIn;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file share moved into a SharePoint document library and back through the real jar's {@code copy-share} tool:
 * a local account and a {@code msgraph} account on the Graph stand-in, both served by one {@code unistore-mcp}.
 * Uploads larger than 64 KiB go through upload sessions of 320 KiB ranges. Every file and directory (an empty one
 * too) comes back byte-identical, with its content type and metadata.
 */
class SharePointCopyIT {

    @Test
    void aShareGoesIntoALibraryAndBackThroughTheServer(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> original;
        try (StorageAccount local = Unistore.open("file:" + data)) {
            FileStore files = local.files();
            files.createShare("docs");
            files.createDirectories("docs", "reports/2026");
            files.createDirectories("docs", "empty");
            files.upload("docs", "readme.txt", "hello, SharePoint".getBytes(), FileUploadOptions.defaults()
                    .withContentType("text/plain").withMetadata(Map.of("owner", "ops")));
            files.upload("docs", "reports/2026/q1 results.csv", content(1, 5_000));
            files.upload("docs", "reports/big.bin", content(2, 700_000));
            original = tree(files, "docs");
        }
        try (GraphStandIn graph = GraphStandIn.start()) {
            Path config = ServerJar.writeConfig(dir, Map.of(
                    "files", Map.of("address", "file:" + data),
                    "sharepoint", Map.of("address", "msgraph://drive/" + graph.driveId(), "options", Map.of(
                            "baseUrl", graph.baseUrl(), "accessToken", "${env:UNISTORE_TEST_GRAPH_TOKEN}",
                            "simpleUploadMax", "65536", "uploadChunkSize", String.valueOf(320 * 1024)))));
            try (McpSession mcp = McpSession.start("--config", config.toString())
                    .env(Map.of("UNISTORE_TEST_GRAPH_TOKEN", graph.token())).connect()) {
                assertThat(mcp.tools()).containsKey("copy-share");

                Map<String, Object> in = mcp.call("copy-share", args("account", "files", "sourceShare", "docs",
                        "targetAccount", "sharepoint", "targetShare", "library"));
                assertThat(in).containsEntry("copied", 3).containsEntry("complete", true)
                        .containsEntry("bytesCopied", 17 + 5_000 + 700_000);
                Map<String, Object> listed = mcp.call("list-files", args("account", "sharepoint", "share", "library",
                        "path", "reports"));
                assertThat(listed.toString()).contains("big.bin", "2026");
                assertThat(graph.requests()).as("the large file went through an upload session")
                        .anyMatch(r -> r.contains("createUploadSession"));

                Map<String, Object> out = mcp.call("copy-share", args("account", "sharepoint",
                        "sourceShare", "library", "targetAccount", "files", "targetShare", "restored",
                        "targetDirectory", "from-sharepoint"));
                assertThat(out).containsEntry("copied", 3).containsEntry("complete", true);

                Map<String, Object> again = mcp.call("copy-share", args("account", "files", "sourceShare", "docs",
                        "targetAccount", "sharepoint", "targetShare", "library", "dryRun", true));
                assertThat(again).as("Graph keeps no MD5, so nothing is provably unchanged")
                        .containsEntry("copied", 3).containsEntry("dryRun", true);
            }
            try (StorageAccount library = Unistore.open("msgraph://drive/" + graph.driveId(),
                    Map.of("baseUrl", graph.baseUrl(), "accessToken", graph.token()))) {
                assertThat(tree(library.files(), "library")).isEqualTo(original);
                assertThat(library.files().getProperties("library", "readme.txt").metadata())
                        .containsEntry("owner", "ops");
            }
        }
        try (StorageAccount local = Unistore.open("file:" + data)) {
            assertThat(tree(local.files(), "restored", "from-sharepoint")).isEqualTo(original);
            assertThat(local.files().getProperties("restored", "from-sharepoint/readme.txt").contentType())
                    .isEqualTo("text/plain");
        }
    }

    private static byte[] content(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static Map<String, String> tree(FileStore files, String share) {
        return tree(files, share, "");
    }

    /** Relative path -> SHA-256 of every file, and "dir/" -> "" for every directory, under a directory. */
    private static Map<String, String> tree(FileStore files, String share, String dir) {
        Map<String, String> out = new TreeMap<>();
        for (FileItem f : files.list(share, dir, ListFilesOptions.recursively())) {
            String rel = dir.isEmpty() ? f.path() : f.path().substring(dir.length() + 1);
            out.put(f.directory() ? rel + "/" : rel, f.directory() ? "" : sha256(files.downloadBytes(share, f.path())));
        }
        return out;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
