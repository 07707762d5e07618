package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.UploadOptions;
import io.unistore.testsupport.NodeScenarios;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Objects between Unistore and Amazon's Node SDK (@aws-sdk/client-s3) on S3Proxy
 * (node/scenarios/s3-cross-check.mjs): metadata either side wrote reads and writes back unchanged, objects carry
 * only the keys their writer gave, and a multipart upload reports only the MD5 a later read confirms.
 */
class NodeS3CrossCheckTest {
    private static final int MIB = 1 << 20;
    private static StorageAccount account;
    private static BlobStore blobs;
    private static String bucket;

    @BeforeAll
    static void open() {
        account = S3ProxyAccounts.open(false);
        blobs = account.blobs();
        bucket = S3ProxyAccounts.bucket("cross");
        blobs.createContainer(bucket);
    }

    @AfterAll
    static void close() {
        blobs.deleteContainer(bucket);
        account.close();
    }

    /** The Node SDK on the shared S3Proxy, with its throwaway identity. */
    private static JsonNode node(String mode, String key, String... more) {
        S3Proxy proxy = S3Proxy.shared();
        List<String> args = new ArrayList<>(List.of(mode, proxy.endpoint().toString(), proxy.identity(),
                proxy.credential(), bucket, key));
        args.addAll(List.of(more));
        return NodeScenarios.run("s3-cross-check.mjs", args);
    }

    private static Map<String, String> metadata(JsonNode head) {
        return NodeScenarios.strings(head.get("metadata"));
    }

    @Test
    void metadataTheNodeSdkWroteWritesBackUnchanged() {
        Map<String, String> written = new TreeMap<>(Map.of("x-hyphen-key", "one", "dotted.key", "two",
                "plain", "three", "under_score", "four"));
        assertThat(metadata(node("put", "from-node.txt", NodeScenarios.jsonFile(written).toString()))).isEqualTo(written);

        Map<String, String> read = blobs.getProperties(bucket, "from-node.txt").metadata();
        assertThat(read).isEqualTo(written);
        blobs.setMetadata(bucket, "from-node.txt", read, RequestConditions.none());
        blobs.upload(bucket, "copy-of-node.txt", blobs.downloadBytes(bucket, "from-node.txt"),
                UploadOptions.defaults().withMetadata(read));

        assertThat(metadata(node("head", "from-node.txt"))).isEqualTo(written);
        assertThat(metadata(node("head", "copy-of-node.txt"))).isEqualTo(written);
    }

    @Test
    void objectsUnistoreWroteCarryOnlyTheKeysItWasGiven() {
        blobs.upload(bucket, "from-unistore.txt", "hello".getBytes(), UploadOptions.defaults()
                .withMetadata(Map.of("Author", "ada", "MixedCase_2", "x", "plain", "y")));
        Map<String, String> seen = metadata(node("head", "from-unistore.txt"));
        // S3 keeps user metadata keys in lowercase: that is what every client reads, Unistore included.
        assertThat(seen).isEqualTo(Map.of("author", "ada", "mixedcase_2", "x", "plain", "y"));
        assertThat(blobs.getProperties(bucket, "from-unistore.txt").metadata()).isEqualTo(seen);
    }

    @Test
    void aMultipartUploadReportsOnlyTheMd5AReadConfirms() {
        byte[] data = new byte[10 * MIB + 11];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        BlobWriteResult r = blobs.upload(bucket, "parts.bin", data, UploadOptions.defaults().withBlockSize(5 * MIB));
        JsonNode head = node("head", "parts.bin");
        assertThat(head.get("etag").asString()).as("S3's ETag of a 3-part upload").endsWith("-3\"");
        assertThat(head.get("length").asLong()).isEqualTo(data.length);
        BlobProperties p = blobs.getProperties(bucket, "parts.bin");
        assertThat(r.contentMd5()).as("the upload's MD5 is the one a read reports").isEqualTo(p.contentMd5());
        assertThat(r.etag()).isEqualTo(p.etag());
    }

    @Test
    void aMultipartObjectTheNodeSdkWroteHasNoMd5ToReport() {
        JsonNode head = node("multipart", "node-parts.bin", "2", String.valueOf(5 * MIB));
        assertThat(head.get("etag").asString()).endsWith("-2\"");
        BlobProperties p = blobs.getProperties(bucket, "node-parts.bin");
        assertThat(p.contentMd5()).isNull();
        assertThat(p.size()).isEqualTo(10L * MIB);
        assertThat(p.etag()).isEqualTo(head.get("etag").asString());
    }
}
