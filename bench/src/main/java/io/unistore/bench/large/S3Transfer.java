package io.unistore.bench.large;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The AWS SDK v2: with its defaults (one {@code putObject} from the file, one {@code getObject} into a file), or
 * hand-tuned — a parallel multipart upload through the synchronous client (8 MiB parts read from the file at
 * their offsets, 4 in flight: 8 did not fit a 128 MiB heap) and the download as the defaults (one streamed GET into
 * the file was the fastest download measured; the async Netty client's was slower).
 *
 * <p>Why not the SDK's transfer manager: against S3Proxy its multipart async client fails — CreateMultipartUpload
 * with the default {@code x-amz-checksum-algorithm} gets 501, and without it the parts get 404 NoSuchUpload — and
 * its multipart download asks for parts by number, which S3Proxy answers without Content-Range.
 */
final class S3Transfer implements Transfer {
    static final long PART = 8L * 1024 * 1024;
    static final int IN_FLIGHT = Integer.getInteger("bench.s3.inflight", 4);

    private final S3Client s3;
    private final boolean tuned;

    S3Transfer(URI endpoint, String id, String secret, boolean tuned) {
        StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
        var builder = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(creds);
        if (tuned) {
            builder.httpClientBuilder(ApacheHttpClient.builder().maxConnections(IN_FLIGHT * 2));
        }
        this.tuned = tuned;
        this.s3 = builder.build();
    }

    private void bucket(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException
                 | software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException e) {
            // there already
        }
    }

    @Override
    public void upload(Path file, String bucket, String key) throws Exception {
        bucket(bucket);
        if (!tuned) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        long size = Files.size(file);
        int parts = (int) ((size + PART - 1) / PART);
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        try (FileChannel in = FileChannel.open(file)) {
            List<Future<CompletedPart>> done = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int number = i + 1;
                long offset = i * PART;
                int length = (int) Math.min(PART, size - offset);
                done.add(pool.submit(() -> {
                    ByteBuffer buf = ByteBuffer.allocate(length);
                    read(in, buf, offset);
                    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                            .partNumber(number).contentLength((long) length), RequestBody.fromContentProvider(
                            () -> new java.io.ByteArrayInputStream(buf.array()), length, "application/octet-stream"))
                            .eTag();
                    return CompletedPart.builder().partNumber(number).eTag(etag).build();
                }));
            }
            List<CompletedPart> completed = new ArrayList<>();
            for (Future<CompletedPart> f : done) {
                completed.add(f.get());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed)));
        } catch (Exception e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void read(FileChannel in, ByteBuffer buf, long offset) {
        try {
            while (buf.hasRemaining()) {
                if (in.read(buf, offset + buf.position()) < 0) {
                    throw new IOException("file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void download(String bucket, String key, Path file) throws Exception {
        Files.deleteIfExists(file);
        s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(file));
    }

    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }
}
