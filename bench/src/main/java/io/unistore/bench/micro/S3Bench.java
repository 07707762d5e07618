package io.unistore.bench.micro;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/** Unistore's S3 provider against the AWS SDK v2 on S3Proxy: 4 KiB put and get, list of 1,000 objects. */
@State(Scope.Benchmark)
public class S3Bench {
    static final String BUCKET = "bench-micro";
    static final String LIST_BUCKET = "bench-list";

    StorageAccount account;
    BlobStore blobs;
    S3Client s3;
    byte[] data;

    @Setup(Level.Trial)
    public void setUp() {
        account = MicroTargets.backends.openS3();
        blobs = account.blobs();
        s3 = MicroTargets.backends.s3();
        data = MicroTargets.blobContent();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        account.close();
        s3.close();
    }

    static void prepare() {
        try (StorageAccount a = MicroTargets.backends.openS3()) {
            Blobs.prepare(a.blobs(), BUCKET, LIST_BUCKET);
        }
    }

    @Benchmark
    public Object uBlobPut() {
        return blobs.upload(BUCKET, "put-u", data);
    }

    @Benchmark
    public Object rBlobPut() {
        return s3.putObject(b -> b.bucket(BUCKET).key("put-r"), RequestBody.fromBytes(data));
    }

    @Benchmark
    public byte[] uBlobGet() {
        return blobs.downloadBytes(BUCKET, MicroTargets.GET_BLOB);
    }

    @Benchmark
    public byte[] rBlobGet() {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(MicroTargets.GET_BLOB)).asByteArray();
    }

    @Benchmark
    public long uList() {
        return blobs.list(LIST_BUCKET).stream().count();
    }

    @Benchmark
    public long rList() {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(LIST_BUCKET).build()).contents()
                .stream().count();
    }
}
