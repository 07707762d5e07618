package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.tck.TestData;
import io.unistore.testsupport.azurefiles.AzureFilesStandIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key rotation of file shares, on the local provider and on Azure Files (the stand-in): re-wrap in bounded,
 * resumed runs without rewriting content, a file whose key is gone named, and full re-encryption.
 */
class FileKeyRotationTest {
    @TempDir
    static Path dir;

    static Stream<String> addresses() {
        return Stream.of("file:" + dir.resolve("store"), AzureFilesStandIn.connectionString());
    }

    private static StorageAccount open(String address, KeySource keys) {
        Unistore.Builder b = Unistore.builder().address(address).options(address.startsWith("file:") ? Map.of()
                : Map.of("maxRetries", "1", "retryDelayMs", "50"));
        return keys == null ? b.open() : b.layer(EncryptionLayer.of(keys)).open();
    }

    private static String share() {
        return "rot-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void rewrapMovesEveryFileToTheNewKeyVersionWithoutRewritingContent(String address) {
        LocalKeyset keys = TestKeys.create("files");
        FileStore encrypted = open(address, keys).files();
        FileStore raw = open(address, null).files();
        String share = share();
        encrypted.createShare(share);
        encrypted.createDirectories(share, "sub/deeper");
        List<String> paths = List.of("a.txt", "sub/b.bin", "sub/deeper/c", "sub/deeper/d");
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            contents.add(TestData.bytes(i, 100 + i * 70_000));
            encrypted.upload(share, paths.get(i), contents.get(i), FileUploadOptions.defaults()
                    .withMetadata(Map.of("n", "" + i)));
        }
        raw.upload(share, "sub/plain", new byte[] {1, 2, 3});
        byte[] atRestBefore = raw.downloadBytes(share, "sub/b.bin");
        keys.rotate();
        encrypted.upload(share, "sub/new", new byte[] {9});

        // Two files, then the rest from the token: six files in all, one plain, one already under files/2.
        RotationReport first = KeyRotation.rewrapFiles(open(address, null), keys, share,
                new KeyRotation.Options(null, 2, null, 2, null));
        assertThat(first.examined()).isEqualTo(2);
        assertThat(first.continuationToken()).isNotNull();
        List<RotationReport> progress = new ArrayList<>();
        RotationReport rest = KeyRotation.rewrapFiles(open(address, null), keys, share,
                new KeyRotation.Options(null, 2, first.continuationToken(), progress::add));
        assertThat(rest.continuationToken()).isNull();
        assertThat(first.examined() + rest.examined()).isEqualTo(6);
        assertThat(first.rewrapped() + rest.rewrapped()).isEqualTo(4);
        assertThat(first.alreadyCurrent() + rest.alreadyCurrent()).isEqualTo(1);
        assertThat(first.unencrypted() + rest.unencrypted()).isEqualTo(1);
        assertThat(rest.failed()).isZero();
        assertThat(progress).extracting(RotationReport::examined).startsWith(1L, 2L);

        // Only the new version is needed now; the content at rest is the same bytes, the user metadata kept.
        FileStore readNew = open(address, KeySource.of(keys.resolve("files/2").orElseThrow())).files();
        for (int i = 0; i < paths.size(); i++) {
            assertThat(readNew.downloadBytes(share, paths.get(i))).as(paths.get(i)).isEqualTo(contents.get(i));
            assertThat(readNew.getProperties(share, paths.get(i)).metadata()).isEqualTo(Map.of("n", "" + i));
            assertThat(raw.getProperties(share, paths.get(i)).metadata().get("encryptiondata"))
                    .contains("\"KeyId\":\"files/2\"");
        }
        assertThat(raw.downloadBytes(share, "sub/b.bin")).isEqualTo(atRestBefore);
        RotationReport again = KeyRotation.rewrapFiles(open(address, null), keys, share,
                new KeyRotation.Options("sub/deeper/", 0, null, null));
        assertThat(again.examined()).as("the prefix is a path prefix").isEqualTo(2);
        assertThat(again.alreadyCurrent()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void aFileWhoseKeyIsGoneIsNamedAndReencryptionWritesFreshKeys(String address) {
        LocalKeyset keys = TestKeys.create("fk");
        LocalKeyset other = TestKeys.create("other");
        String share = share();
        StorageAccount account = open(address, keys);
        FileStore raw = open(address, null).files();
        account.files().createShare(share);
        account.files().upload(share, "x", new byte[] {1});
        open(address, other).files().upload(share, "y", new byte[] {2});
        RotationReport r = KeyRotation.rewrapFiles(open(address, null), other, share,
                KeyRotation.Options.defaults());
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.alreadyCurrent()).isEqualTo(1);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.blob()).isEqualTo("x");
            assertThat(f.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
            assertThat(f.message()).contains("fk/1");
        });

        byte[] content = TestData.bytes(3, 200_000);
        account.files().upload(share, "x", content, FileUploadOptions.defaults().withContentType("text/csv")
                .withMetadata(Map.of("k", "v")));
        raw.upload(share, "was-plain", new byte[] {4, 5});
        raw.deleteFile(share, "y");
        String before = raw.getProperties(share, "x").metadata().get("encryptiondata");
        keys.rotate();
        RotationReport re = KeyRotation.reencryptFiles(account, share, KeyRotation.Options.defaults());
        assertThat(re.rewrapped()).isEqualTo(2);
        assertThat(raw.getProperties(share, "x").metadata().get("encryptiondata")).contains("\"KeyId\":\"fk/2\"")
                .isNotEqualTo(before);
        assertThat(account.files().downloadBytes(share, "x")).isEqualTo(content);
        assertThat(account.files().getProperties(share, "x").metadata()).isEqualTo(Map.of("k", "v"));
        assertThat(account.files().getProperties(share, "x").contentType()).isEqualTo("text/csv");
        assertThat(raw.getProperties(share, "was-plain").metadata()).containsKey("encryptiondata");
    }
}
