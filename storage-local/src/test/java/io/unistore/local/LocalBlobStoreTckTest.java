package io.unistore.local;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The local provider against the blob contract. */
class LocalBlobStoreTckTest extends BlobStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected StorageAccount openAccount() {
        return Unistore.open("file:" + dir);
    }
}
