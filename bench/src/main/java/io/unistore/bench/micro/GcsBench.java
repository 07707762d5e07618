package io.unistore.bench.micro;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import java.util.stream.StreamSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Unistore's GCS provider against google-cloud-storage on the GCS stand-in: 4 KiB put and get, list. */
@State(Scope.Benchmark)
public class GcsBench {
    static final String BUCKET = "bench-micro";
    static final String LIST_BUCKET = "bench-list";

    StorageAccount account;
    BlobStore blobs;
    Storage storage;
    byte[] data;

    @Setup(Level.Trial)
    public void setUp() {
        account = MicroTargets.backends.openGcs();
        blobs = account.blobs();
        storage = MicroTargets.backends.gcsStorage();
        data = MicroTargets.blobContent();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        account.close();
        storage.close();
    }

    static void prepare() {
        try (StorageAccount a = MicroTargets.backends.openGcs()) {
            Blobs.prepare(a.blobs(), BUCKET, LIST_BUCKET);
        }
    }

    @Benchmark
    public Object uBlobPut() {
        return blobs.upload(BUCKET, "put-u", data);
    }

    @Benchmark
    public Object rBlobPut() {
        return storage.create(BlobInfo.newBuilder(BUCKET, "put-r").build(), data);
    }

    @Benchmark
    public byte[] uBlobGet() {
        return blobs.downloadBytes(BUCKET, MicroTargets.GET_BLOB);
    }

    @Benchmark
    public byte[] rBlobGet() {
        return storage.readAllBytes(BlobId.of(BUCKET, MicroTargets.GET_BLOB));
    }

    @Benchmark
    public long uList() {
        return blobs.list(LIST_BUCKET).stream().count();
    }

    @Benchmark
    public long rList() {
        return StreamSupport.stream(storage.list(LIST_BUCKET).iterateAll().spliterator(), false).count();
    }
}
