package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.tck.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encryption layer on the local provider, looked at from below too (an account on the same directory without
 * the layer sees what is stored): no plaintext at rest, the v2 layout, ranges that fetch only their regions, wrong
 * and missing keys, altered content.
 */
class EncryptedBlobsTest {
    private static final int MIB = 1024 * 1024;
    private static final int REGION_BYTES = 4 * MIB + 28;
    private static final LocalKeyset KEYS = TestKeys.create("blobs");

    @TempDir
    Path dir;
    private final RangeRecorder recorder = new RangeRecorder();
    private StorageAccount raw;
    private BlobStore encrypted;
    private BlobStore stored;

    @BeforeEach
    void open() {
        String address = "file:" + dir.resolve("store");
        encrypted = Unistore.builder().address(address).layer(EncryptionLayer.of(KEYS)).layer(recorder).open().blobs();
        raw = Unistore.open(address);
        stored = raw.blobs();
        encrypted.createContainer("box");
    }

    @Test
    void storedBytesHoldNoPlaintextAndFollowTheV2Layout() {
        byte[] content = Marked.bytes(9 * MIB + 100);
        encrypted.upload("box", "secret.txt", content, UploadOptions.defaults().withMetadata(Map.of("owner", "ada")));

        byte[] atRest = stored.downloadBytes("box", "secret.txt");
        assertThat(atRest).hasSize(content.length + 3 * 28);
        String text = new String(atRest, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("PLAINTEXT").doesNotContain("MARKER").doesNotContain("0123456789");
        // Region i starts with its nonce: the index as 8 big-endian bytes, then 4 zero bytes.
        for (int i = 0; i < 3; i++) {
            byte[] nonce = Arrays.copyOfRange(atRest, i * REGION_BYTES, i * REGION_BYTES + 12);
            assertThat(nonce).isEqualTo(CseV2.nonce(i));
        }
        Map<String, String> metadata = stored.getProperties("box", "secret.txt").metadata();
        assertThat(metadata).containsEntry("owner", "ada").containsKey("encryptiondata");
        assertThat(metadata.get("encryptiondata")).contains("\"Protocol\":\"2.0\"").contains("\"KeyId\":\"blobs/1\"")
                .contains("\"DataLength\":4194304").contains("\"NonceLength\":12").contains("\"Algorithm\":\"A256KW\"");

        assertThat(encrypted.downloadBytes("box", "secret.txt")).isEqualTo(content);
        assertThat(encrypted.getProperties("box", "secret.txt").size()).isEqualTo(content.length);
        assertThat(encrypted.getProperties("box", "secret.txt").metadata()).isEqualTo(Map.of("owner", "ada"));
    }

    @Test
    void aRangeFetchesOnlyTheRegionsItTouches() {
        byte[] content = TestData.bytes(3, 12 * MIB);
        encrypted.upload("box", "ranged", content);
        recorder.reads.clear();

        assertThat(read("ranged", ByteRange.of(5 * MIB, 10))).isEqualTo(Arrays.copyOfRange(content, 5 * MIB,
                5 * MIB + 10));
        assertThat(recorder.reads).containsExactly(ByteRange.of(REGION_BYTES, REGION_BYTES));

        recorder.reads.clear();
        assertThat(read("ranged", ByteRange.of(4 * MIB - 3, 6))).isEqualTo(Arrays.copyOfRange(content, 4 * MIB - 3,
                4 * MIB + 3));
        assertThat(recorder.reads).containsExactly(ByteRange.of(0, 2L * REGION_BYTES));

        recorder.reads.clear();
        assertThat(read("ranged", ByteRange.from(12 * MIB - 1))).containsExactly(content[12 * MIB - 1]);
        assertThat(recorder.reads).containsExactly(ByteRange.of(2L * REGION_BYTES, REGION_BYTES));
    }

    @Test
    void aMissingKeyIsAClearErrorNamingIt() {
        encrypted.upload("box", "locked", Marked.bytes(1000));
        BlobStore stranger = Unistore.builder().address("file:" + dir.resolve("store"))
                .layer(EncryptionLayer.of(TestKeys.create("other"))).open().blobs();
        assertThatThrownBy(() -> stranger.downloadBytes("box", "locked"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("blobs/1").contains("box/locked");
                });
    }

    @Test
    void aWrongKeyUnderTheSameIdIsAClearErrorNamingIt() {
        encrypted.upload("box", "locked", Marked.bytes(1000));
        BlobStore impostor = Unistore.builder().address("file:" + dir.resolve("store"))
                .layer(EncryptionLayer.of(KeySource.of(AesKeyWrapKey.of("blobs/1", new byte[32])))).open().blobs();
        assertThatThrownBy(() -> impostor.downloadBytes("box", "locked"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("blobs/1");
                });
    }

    @Test
    void alteredContentFailsBeforeAnyByteOfItsRegionIsReleased() throws IOException {
        byte[] content = Marked.bytes(5 * MIB);
        encrypted.upload("box", "tampered", content);
        byte[] atRest = stored.downloadBytes("box", "tampered");
        Map<String, String> metadata = stored.getProperties("box", "tampered").metadata();
        atRest[REGION_BYTES + 100] ^= 1; // one bit of region 1's ciphertext
        stored.upload("box", "tampered", atRest, UploadOptions.defaults().withMetadata(metadata));

        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = encrypted.openInputStream("box", "tampered")) {
            // The API reports a stream's failure as an IOException whose cause is the StorageException.
            assertThatThrownBy(() -> in.transferTo(got)).isInstanceOf(IOException.class)
                    .cause().isInstanceOfSatisfying(StorageException.class, e ->
                            assertThat(e.getMessage()).contains("region 1").contains("failed authentication")
                                    .contains("blobs/1"));
        }
        assertThat(got.size()).as("region 0 is intact and released; nothing of region 1").isEqualTo(4 * MIB);

        // Regions swapped: each tag holds, the nonces give the move away.
        byte[] two = Marked.bytes(8 * MIB);
        encrypted.upload("box", "swapped", two);
        byte[] twoAtRest = stored.downloadBytes("box", "swapped");
        byte[] swapped = new byte[twoAtRest.length];
        System.arraycopy(twoAtRest, REGION_BYTES, swapped, 0, REGION_BYTES);
        System.arraycopy(twoAtRest, 0, swapped, REGION_BYTES, REGION_BYTES);
        stored.upload("box", "swapped", swapped, UploadOptions.defaults()
                .withMetadata(stored.getProperties("box", "swapped").metadata()));
        assertThatThrownBy(() -> encrypted.downloadBytes("box", "swapped"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.getMessage()).contains("region 0")
                        .contains("out of place"));
    }

    @Test
    void largeDownloadsToFilesDecryptRangesInParallelAndFailWhole() throws IOException {
        // 5 ranges of 2 regions, the last one short: every range boundary and the tail are crossed.
        byte[] content = Marked.bytes(9 * 4 * MIB + 12_345);
        encrypted.upload("box", "large", content);
        Path file = dir.resolve("large.out");
        java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong();
        encrypted.downloadToFile("box", "large", file, ReadOptions.defaults()
                .withProgress((done, total) -> reported.accumulateAndGet(done, Math::max)));
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(content);
        assertThat(reported.get()).isEqualTo(content.length);

        byte[] atRest = stored.downloadBytes("box", "large");
        atRest[5 * REGION_BYTES + 100] ^= 1; // region 5's ciphertext, in the third range
        stored.upload("box", "large", atRest, UploadOptions.defaults()
                .withMetadata(stored.getProperties("box", "large").metadata()));
        Path failed = dir.resolve("failed.out");
        assertThatThrownBy(() -> encrypted.downloadToFile("box", "large", failed, ReadOptions.defaults()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.getMessage())
                        .contains("region 5").contains("failed authentication"));
        assertThat(failed).as("no file, not even the ranges that decrypted").doesNotExist();
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        byte[] plain = Marked.bytes(9 * MIB);
        stored.upload("box", "plain-large", plain);
        encrypted.downloadToFile("box", "plain-large", file, ReadOptions.defaults());
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(plain);
    }

    @Test
    void metadataChangesKeepTheBlobReadable() {
        byte[] content = Marked.bytes(1000);
        encrypted.upload("box", "meta", content, UploadOptions.defaults().withMetadata(Map.of("a", "1")));
        encrypted.setMetadata("box", "meta", Map.of("b", "2"), RequestConditions.none());
        assertThat(encrypted.getProperties("box", "meta").metadata()).isEqualTo(Map.of("b", "2"));
        assertThat(encrypted.downloadBytes("box", "meta")).isEqualTo(content);
        assertThatThrownBy(() -> encrypted.setMetadata("box", "meta", Map.of("EncryptionData", "x"),
                RequestConditions.none())).isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("encryptiondata").contains("reserved");
                });
    }

    @Test
    void unencryptedBlobsAreReadAsTheyAreUnlessEncryptionIsRequired() {
        stored.upload("box", "plain", "old plain blob".getBytes(StandardCharsets.UTF_8));
        assertThat(encrypted.downloadBytes("box", "plain")).asString(StandardCharsets.UTF_8)
                .isEqualTo("old plain blob");
        BlobStore strict = Unistore.builder().address("file:" + dir.resolve("store"))
                .layer(EncryptionLayer.of(KEYS).requiringEncryption()).open().blobs();
        assertThatThrownBy(() -> strict.downloadBytes("box", "plain"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("box/plain").contains("not encrypted");
                });
    }

    @Test
    void theLayerDeclaresNoPresignedUrlsAndLessMetadata() {
        StorageAccount account = Unistore.builder().address("file:" + dir.resolve("store"))
                .layer(EncryptionLayer.of(KEYS)).open();
        assertThat(account.capabilities().has(io.unistore.Capability.BLOB_PRESIGNED_URLS)).isFalse();
        assertThat(account.capabilities().metadataRules().maxTotalBytes()).isEqualTo(
                raw.capabilities().metadataRules().maxTotalBytes() - EncryptionLayer.RESERVED_METADATA_BYTES);
    }

    private byte[] read(String name, ByteRange range) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encrypted.download("box", name, out, ReadOptions.range(range));
        return out.toByteArray();
    }
}
