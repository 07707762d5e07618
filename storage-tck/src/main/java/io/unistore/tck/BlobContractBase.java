package io.unistore.tck;

import static io.unistore.tck.TestData.utf8;

import io.unistore.Capability;
import io.unistore.RequestConditions;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;

/**
 * Lifecycle and helpers of the blob contract: the store, a shared container, and small read and write helpers
 * its tests share.
 */
abstract class BlobContractBase extends StoreContract {
    static final long MIB = 1024 * 1024;
    /** The size of the large round trip. */
    protected static final long LARGE_BLOB_BYTES = 256 * MIB;

    protected BlobStore blobs;
    /** A container shared by the tests that only need blobs (each uses its own blob names). */
    String box;

    @Override
    final Capability storeCapability() {
        return Capability.BLOBS;
    }

    @Override
    final void openStore() {
        blobs = account.blobs();
    }

    @Override
    final void remove(String container) {
        blobs.deleteContainer(container);
    }

    @BeforeAll
    void createSharedContainer() {
        box = newContainer();
    }

    /** Creates a fresh container that is removed after the class. */
    protected String newContainer() {
        String name = track(TestData.uniqueName("tck"));
        blobs.createContainer(name);
        return name;
    }

    static String blobName(String base) {
        return TestData.uniqueName(base);
    }

    BlobWriteResult put(String container, String blob, String text) {
        return blobs.upload(container, blob, utf8(text));
    }

    String text(String container, String blob) {
        return new String(blobs.downloadBytes(container, blob), StandardCharsets.UTF_8);
    }

    String text(String container, String blob, ReadOptions options) {
        return new String(read(container, blob, options), StandardCharsets.UTF_8);
    }

    byte[] read(String container, String blob, ReadOptions options) {
        try (InputStream in = blobs.openInputStream(container, blob, options)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String sha256(String container, String blob) {
        return TestData.sha256(blobs.openInputStream(container, blob));
    }

    static UploadOptions ifMatch(String etag) {
        return UploadOptions.defaults().withConditions(RequestConditions.ifMatch(etag));
    }
}
