package io.unistore.crypto;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.FileStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The conformance kit's file contract on the local provider through the encryption layer. */
class LocalEncryptedFileTckTest extends FileStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected StorageAccount openAccount() {
        return Unistore.builder().address("file:" + dir.resolve("files"))
                .layer(EncryptionLayer.of(TestKeys.create("files"))).open();
    }
}
