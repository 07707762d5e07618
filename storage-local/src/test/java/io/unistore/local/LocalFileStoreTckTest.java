package io.unistore.local;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.FileStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The local provider against the file share contract. */
class LocalFileStoreTckTest extends FileStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected StorageAccount openAccount() {
        return Unistore.open("file:" + dir);
    }
}
