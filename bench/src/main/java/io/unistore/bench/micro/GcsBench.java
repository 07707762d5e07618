package io.unistore.bench.micro;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.unistore.StorageAccount;
import java.util.stream.StreamSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** Unistore's GCS provider against google-cloud-storage on the GCS stand-in: 4 KiB put and get, list. */
public class GcsBench extends BlobBench {
    Storage storage;

    @Override
    StorageAccount open() {
        return MicroTargets.backends.openGcs();
    }

    @Setup(Level.Trial)
    public void setUpRaw() {
        storage = MicroTargets.backends.gcsStorage();
    }

    @TearDown(Level.Trial)
    public void tearDownRaw() throws Exception {
        storage.close();
    }

    static void prepare() {
        BlobBench.prepare(MicroTargets.backends.openGcs());
    }

    @Benchmark
    public Object rBlobPut() {
        return storage.create(BlobInfo.newBuilder(CONTAINER, "put-r").build(), data);
    }

    @Benchmark
    public byte[] rBlobGet() {
        return storage.readAllBytes(BlobId.of(CONTAINER, MicroTargets.GET_BLOB));
    }

    @Benchmark
    public long rList() {
        return StreamSupport.stream(storage.list(LIST_CONTAINER).iterateAll().spliterator(), false).count();
    }
}
