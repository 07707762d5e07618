package io.unistore.bench.micro;

import io.unistore.StorageAccount;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/** Unistore's S3 provider against the AWS SDK v2 on S3Proxy: 4 KiB put and get, list of the list bucket. */
public class S3Bench extends BlobBench {
    S3Client s3;

    @Override
    StorageAccount open() {
        return MicroTargets.backends.openS3();
    }

    @Setup(Level.Trial)
    public void setUpRaw() {
        s3 = MicroTargets.backends.s3();
    }

    @TearDown(Level.Trial)
    public void tearDownRaw() {
        s3.close();
    }

    static void prepare() {
        BlobBench.prepare(MicroTargets.backends.openS3());
    }

    @Benchmark
    public Object rBlobPut() {
        return s3.putObject(b -> b.bucket(CONTAINER).key("put-r"), RequestBody.fromBytes(data));
    }

    @Benchmark
    public byte[] rBlobGet() {
        return s3.getObjectAsBytes(b -> b.bucket(CONTAINER).key(MicroTargets.GET_BLOB)).asByteArray();
    }

    @Benchmark
    public long rList() {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(LIST_CONTAINER).build()).contents()
                .stream().count();
    }
}
