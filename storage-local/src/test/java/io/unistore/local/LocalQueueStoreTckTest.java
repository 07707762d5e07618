package io.unistore.local;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.QueueStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The local provider against the queue contract. */
class LocalQueueStoreTckTest extends QueueStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected StorageAccount openAccount() {
        return Unistore.open("file:" + dir);
    }
}
