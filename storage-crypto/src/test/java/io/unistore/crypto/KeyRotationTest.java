package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.tck.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation on the local provider: re-wrap without rewriting content, resume, and full re-encryption. */
class KeyRotationTest {
    @TempDir
    Path dir;

    @Test
    void rewrapMovesEveryBlobToTheNewKeyVersionWithoutRewritingContent() {
        LocalKeyset keys = TestKeys.create("rot");
        String address = "file:" + dir.resolve("store");
        BlobStore encrypted = Unistore.builder().address(address).layer(EncryptionLayer.of(keys)).open().blobs();
        StorageAccount raw = Unistore.open(address);
        encrypted.createContainer("box");
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byte[] content = TestData.bytes(i, 1000 + i * 100_000);
            contents.add(content);
            encrypted.upload("box", "b" + i, content, UploadOptions.defaults().withMetadata(Map.of("n", "" + i)));
        }
        raw.blobs().upload("box", "plain", new byte[] {1, 2, 3});
        byte[] atRestBefore = raw.blobs().downloadBytes("box", "b3");

        KeyEncryptionKey second = keys.rotate();
        assertThat(second.keyId()).isEqualTo("rot/2");
        encrypted.upload("box", "b7-new", new byte[] {9});

        // Stop after the first page of three, then resume from the token the last report carried.
        List<RotationReport> reports = new ArrayList<>();
        assertThatThrownBy(() -> KeyRotation.rewrap(raw, keys, "box", new KeyRotation.Options(null, 3, null, r -> {
            reports.add(r);
            if (r.examined() == 4) {
                throw new IllegalStateException("stopped");
            }
        }))).hasMessage("stopped");
        String resumeFrom = reports.get(reports.size() - 1).continuationToken();
        assertThat(resumeFrom).as("b3 is done").isNotNull();
        // A run of two blobs at most, then the rest: each resumes just after the last blob examined.
        RotationReport two = KeyRotation.rewrap(raw, keys, "box", new KeyRotation.Options(null, 3, resumeFrom, 2, null));
        assertThat(two.examined()).isEqualTo(2);
        assertThat(two.rewrapped()).as("b4, b5").isEqualTo(2);
        RotationReport done = KeyRotation.rewrap(raw, keys, "box",
                new KeyRotation.Options(null, 3, two.continuationToken(), null));
        assertThat(done.continuationToken()).isNull();
        assertThat(done.examined()).isEqualTo(3); // b6, b7-new and plain
        assertThat(done.unencrypted()).isEqualTo(1);
        assertThat(done.alreadyCurrent()).as("b7-new").isEqualTo(1);
        assertThat(done.failed()).isZero();

        // Only the new version is needed now; the content at rest is the same bytes.
        KeySource onlyNew = KeySource.of(keys.resolve("rot/2").orElseThrow());
        BlobStore readNew = Unistore.builder().address(address).layer(EncryptionLayer.of(onlyNew)).open().blobs();
        for (int i = 0; i < 7; i++) {
            assertThat(readNew.downloadBytes("box", "b" + i)).as("b" + i).isEqualTo(contents.get(i));
            assertThat(readNew.getProperties("box", "b" + i).metadata()).isEqualTo(Map.of("n", "" + i));
            assertThat(raw.blobs().getProperties("box", "b" + i).metadata().get("encryptiondata"))
                    .contains("\"KeyId\":\"rot/2\"");
        }
        assertThat(raw.blobs().downloadBytes("box", "b3")).isEqualTo(atRestBefore);

        RotationReport again = KeyRotation.rewrap(raw, keys, "box", KeyRotation.Options.defaults());
        assertThat(again.rewrapped()).isZero();
        assertThat(again.alreadyCurrent()).isEqualTo(8);
    }

    @Test
    void aBlobWhoseKeyIsGoneIsReportedNamingTheKeyAndTheRotationGoesOn() {
        LocalKeyset keys = TestKeys.create("gone");
        String address = "file:" + dir.resolve("store");
        BlobStore encrypted = Unistore.builder().address(address).layer(EncryptionLayer.of(keys)).open().blobs();
        encrypted.createContainer("box");
        encrypted.upload("box", "x", new byte[] {1});
        LocalKeyset other = TestKeys.create("other");
        Unistore.builder().address(address).layer(EncryptionLayer.of(other)).open().blobs().upload("box", "y",
                new byte[] {2});
        RotationReport r = KeyRotation.rewrap(Unistore.open(address), other, "box", KeyRotation.Options.defaults());
        assertThat(r.examined()).isEqualTo(2);
        assertThat(r.alreadyCurrent()).isEqualTo(1);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.blob()).isEqualTo("x");
            assertThat(f.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
            assertThat(f.message()).contains("gone/1");
        });
        assertThatThrownBy(() -> KeyRotation.rewrap(Unistore.open(address), other, "box",
                new KeyRotation.Options(null, 0, "not a token", null))).isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.getMessage()).contains("continuationToken"));
    }

    @Test
    void reencryptWritesEveryBlobUnderAFreshContentKey() {
        LocalKeyset keys = TestKeys.create("re");
        String address = "file:" + dir.resolve("store");
        StorageAccount account = Unistore.builder().address(address).layer(EncryptionLayer.of(keys)).open();
        StorageAccount raw = Unistore.open(address);
        account.blobs().createContainer("box");
        byte[] content = TestData.bytes(5, 300_000);
        account.blobs().upload("box", "a", content, UploadOptions.defaults().withContentType("text/csv")
                .withMetadata(Map.of("k", "v")));
        raw.blobs().upload("box", "was-plain", new byte[] {4, 5});
        String wrappedBefore = raw.blobs().getProperties("box", "a").metadata().get("encryptiondata");
        keys.rotate();

        RotationReport report = KeyRotation.reencrypt(account, "box", KeyRotation.Options.defaults());
        assertThat(report.rewrapped()).isEqualTo(2);
        String wrappedAfter = raw.blobs().getProperties("box", "a").metadata().get("encryptiondata");
        assertThat(wrappedAfter).contains("\"KeyId\":\"re/2\"").isNotEqualTo(wrappedBefore);
        assertThat(account.blobs().downloadBytes("box", "a")).isEqualTo(content);
        assertThat(account.blobs().getProperties("box", "a").contentType()).isEqualTo("text/csv");
        assertThat(account.blobs().getProperties("box", "a").metadata()).isEqualTo(Map.of("k", "v"));
        assertThat(raw.blobs().getProperties("box", "was-plain").metadata()).containsKey("encryptiondata");
    }
}
