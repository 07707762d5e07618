package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
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
 * Files through the encryption layer on the local provider, looked at from below (an account on the same directory
 * without the layer): no plaintext at rest, the blobs' v2 layout and metadata, ranges that fetch only their regions,
 * a wrong key named, plain files with and without {@code required}.
 */
class EncryptedFilesTest {
    private static final int MIB = 1024 * 1024;
    private static final int REGION_BYTES = 4 * MIB + 28;
    private static final LocalKeyset KEYS = TestKeys.create("files");

    @TempDir
    Path dir;
    private final RangeRecorder recorder = new RangeRecorder();
    private String address;
    private FileStore encrypted;
    private FileStore stored;

    @BeforeEach
    void open() {
        address = "file:" + dir.resolve("store");
        encrypted = Unistore.builder().address(address).layer(EncryptionLayer.of(KEYS)).layer(recorder).open()
                .files();
        StorageAccount raw = Unistore.open(address);
        stored = raw.files();
        encrypted.createShare("docs");
        encrypted.createDirectory("docs", "dir");
    }

    @Test
    void storedFilesHoldNoPlaintextAndReadBackAsWritten() {
        byte[] content = Marked.bytes(4 * MIB + 100);
        encrypted.upload("docs", "dir/secret.txt", content, FileUploadOptions.defaults()
                .withMetadata(Map.of("owner", "ada")));

        byte[] atRest = stored.downloadBytes("docs", "dir/secret.txt");
        assertThat(atRest).hasSize(content.length + 2 * 28);
        assertThat(new String(atRest, StandardCharsets.ISO_8859_1)).doesNotContain("PLAINTEXT")
                .doesNotContain("MARKER").doesNotContain("0123456789");
        for (int i = 0; i < 2; i++) {
            assertThat(Arrays.copyOfRange(atRest, i * REGION_BYTES, i * REGION_BYTES + 12)).isEqualTo(CseV2.nonce(i));
        }
        assertThat(stored.getProperties("docs", "dir/secret.txt").metadata()).containsEntry("owner", "ada")
                .hasEntrySatisfying("encryptiondata", json -> assertThat(json).contains("\"KeyId\":\"files/1\"")
                        .contains("\"Protocol\":\"2.0\""));

        assertThat(encrypted.getProperties("docs", "dir/secret.txt").size()).isEqualTo(content.length);
        assertThat(encrypted.getProperties("docs", "dir/secret.txt").metadata()).isEqualTo(Map.of("owner", "ada"));
        assertThat(encrypted.list("docs", "dir").stream().toList()).singleElement()
                .satisfies(item -> assertThat(item.size()).isEqualTo(content.length));
        assertThat(encrypted.downloadBytes("docs", "dir/secret.txt")).isEqualTo(content);
        encrypted.setMetadata("docs", "dir/secret.txt", Map.of("owner", "grace"));
        assertThat(encrypted.downloadBytes("docs", "dir/secret.txt")).isEqualTo(content);
        assertThatThrownBy(() -> encrypted.setMetadata("docs", "dir/secret.txt", Map.of("EncryptionData", "x")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.getMessage())
                        .contains("metadata.encryptiondata"));
    }

    @Test
    void aRangeFetchesAndDecryptsOnlyTheRegionsItTouches() throws IOException {
        byte[] content = Marked.bytes(8 * MIB + 12_345);
        encrypted.upload("docs", "big.bin", content, FileUploadOptions.defaults());
        recorder.reads.clear();
        long offset = 4L * MIB + 10;
        try (InputStream in = encrypted.openInputStream("docs", "big.bin", ByteRange.of(offset, 10))) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, (int) offset, (int) offset + 10));
        }
        // Region 1 of three, alone.
        assertThat(recorder.reads).containsExactly(ByteRange.of(REGION_BYTES, REGION_BYTES));
        recorder.reads.clear();
        // Across the boundary of regions 0 and 1, and the tail.
        try (InputStream in = encrypted.openInputStream("docs", "big.bin", ByteRange.of(4L * MIB - 5, 10))) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 4 * MIB - 5, 4 * MIB + 5));
        }
        assertThat(recorder.reads).containsExactly(ByteRange.of(0, 2L * REGION_BYTES));
        try (InputStream in = encrypted.openInputStream("docs", "big.bin", ByteRange.from(content.length - 7))) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, content.length - 7, content.length));
        }
    }

    @Test
    void aWrongOrMissingKeyIsRefusedNamingTheKey() {
        encrypted.upload("docs", "a.txt", "hello".getBytes(StandardCharsets.UTF_8), FileUploadOptions.defaults());
        // A keyset with the same key id but other key bytes: the content key does not unwrap.
        LocalKeyset impostor = TestKeys.create("files");
        FileStore wrong = Unistore.builder().address(address).layer(EncryptionLayer.of(impostor)).open().files();
        assertThatThrownBy(() -> wrong.downloadBytes("docs", "a.txt")).isInstanceOfSatisfying(StorageException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("files/1").contains("docs/a.txt");
                });
        FileStore other = Unistore.builder().address(address).layer(EncryptionLayer.of(TestKeys.create("other")))
                .open().files();
        assertThatThrownBy(() -> other.downloadBytes("docs", "a.txt")).isInstanceOfSatisfying(StorageException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("file docs/a.txt").contains("key files/1");
                });
    }

    @Test
    void plainFilesAreReadAsStoredUnlessEncryptionIsRequired() {
        stored.upload("docs", "plain.txt", "in the clear".getBytes(StandardCharsets.UTF_8),
                FileUploadOptions.defaults());
        assertThat(new String(encrypted.downloadBytes("docs", "plain.txt"), StandardCharsets.UTF_8))
                .isEqualTo("in the clear");
        FileStore strict = Unistore.builder().address(address).layer(EncryptionLayer.of(KEYS).requiringEncryption())
                .open().files();
        assertThatThrownBy(() -> strict.downloadBytes("docs", "plain.txt"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("encryption.required");
                });
    }
}
