package io.unistore.crypto;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The conformance kit's blob contract on the local provider through the encryption layer. */
class LocalEncryptedBlobTckTest extends BlobStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected StorageAccount openAccount() {
        return Unistore.builder().address("file:" + dir.resolve("blobs"))
                .layer(EncryptionLayer.of(TestKeys.create("tck"))).open();
    }
}
