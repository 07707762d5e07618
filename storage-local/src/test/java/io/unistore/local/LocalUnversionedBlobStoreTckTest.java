package io.unistore.local;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The local provider with versioning off against the blob contract (it then declares no BLOB_VERSIONS). */
class LocalUnversionedBlobStoreTckTest extends BlobStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected StorageAccount openAccount() {
        return Unistore.open("file:" + dir + "?versioning=false");
    }
}
