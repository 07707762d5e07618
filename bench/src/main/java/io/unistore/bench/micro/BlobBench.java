package io.unistore.bench.micro;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Unistore's side of the blob benchmarks, the same on every provider: 4 KiB put and get, and listing the list
 * container. Each subclass opens its provider's account and adds the raw SDK's {@code r*} twins.
 */
@State(Scope.Benchmark)
public abstract class BlobBench {
    static final String CONTAINER = "bench-micro";
    static final String LIST_CONTAINER = "bench-list";

    StorageAccount account;
    BlobStore blobs;
    byte[] data;

    /** The account under test, opened from its address. */
    abstract StorageAccount open();

    @Setup(Level.Trial)
    public void setUpUnistore() {
        account = open();
        blobs = account.blobs();
        data = MicroTargets.blobContent();
    }

    @TearDown(Level.Trial)
    public void tearDownUnistore() {
        account.close();
    }

    /** Creates the two containers, the blob the gets read, and the blobs the listing lists. */
    static void prepare(StorageAccount a) {
        try (a) {
            BlobStore b = a.blobs();
            b.createContainerIfNotExists(CONTAINER);
            b.createContainerIfNotExists(LIST_CONTAINER);
            b.upload(CONTAINER, MicroTargets.GET_BLOB, MicroTargets.blobContent());
            byte[] tiny = new byte[16];
            for (int i = 0; i < MicroTargets.listBlobs; i++) {
                b.upload(LIST_CONTAINER, String.format("item-%05d", i), tiny);
            }
        }
    }

    @Benchmark
    public Object uBlobPut() {
        return blobs.upload(CONTAINER, "put-u", data);
    }

    @Benchmark
    public byte[] uBlobGet() {
        return blobs.downloadBytes(CONTAINER, MicroTargets.GET_BLOB);
    }

    @Benchmark
    public long uList() {
        return blobs.list(LIST_CONTAINER).stream().count();
    }

    /** The same listing asking for pages of 1,000 (the default page size is 100: ten requests for 1,000 blobs). */
    @Benchmark
    public long uListPaged() {
        return blobs.list(LIST_CONTAINER, ListBlobsOptions.defaults().withPageSize(1000)).stream().count();
    }
}
