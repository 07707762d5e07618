package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import io.unistore.testsupport.azurite.Azurite;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A blob written through Unistore reads back byte for byte, with its metadata and content type, through
 * Microsoft's Node SDK (@azure/storage-blob), and the reverse (node/scenarios/blob-cross-check.mjs).
 */
class NodeSdkCrossCheckTest {
    private static final int SIZE = 3 * 1024 * 1024 + 11;
    private static StorageAccount account;
    private static BlobStore blobs;
    private static String container;

    @BeforeAll
    static void open() {
        account = AzuriteAccounts.open();
        blobs = account.blobs();
        container = AzuriteAccounts.name("cross");
        blobs.createContainer(container);
    }

    @AfterAll
    static void close() {
        blobs.deleteContainer(container);
        account.close();
    }

    private static byte[] content(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** The Node SDK reads a key only from a connection string that names its protocol. */
    private static String nodeConnectionString() {
        return "DefaultEndpointsProtocol=http;" + Azurite.shared().connectionString();
    }

    private static String node(String... args) {
        ManagedProcess.Result r = NodeBackends.runScript(NodeBackends.nodeDir().resolve(
                "scenarios/blob-cross-check.mjs"), List.of(args), Duration.ofMinutes(2));
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output().strip();
    }

    @Test
    void nodeSdkReadsWhatUnistoreWrote() throws Exception {
        byte[] data = content(SIZE);
        blobs.upload(container, "from-unistore.bin", data, UploadOptions.defaults().withBlockSize(1024 * 1024)
                .withContentType("application/x-from-unistore").withMetadata(Map.of("origin", "unistore")));
        String json = node("read", nodeConnectionString(), container, "from-unistore.bin");
        assertThat(json).contains("\"sha256\":\"" + sha256(data) + "\"").contains("\"size\":" + SIZE)
                .contains("\"contentType\":\"application/x-from-unistore\"").contains("\"origin\":\"unistore\"");
    }

    @Test
    void unistoreReadsWhatTheNodeSdkWrote() throws Exception {
        String json = node("write", nodeConnectionString(), container, "from-node.bin",
                String.valueOf(SIZE));
        assertThat(json).contains("\"size\":" + SIZE);
        byte[] back = blobs.downloadBytes(container, "from-node.bin");
        assertThat(sha256(back)).isEqualTo(sha256(content(SIZE)));
        BlobProperties p = blobs.getProperties(container, "from-node.bin");
        assertThat(p.contentType()).isEqualTo("application/x-from-node");
        assertThat(p.metadata()).containsEntry("origin", "node");
        assertThat(p.size()).isEqualTo(SIZE);
    }
}
