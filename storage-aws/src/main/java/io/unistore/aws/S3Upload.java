package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.aws.S3Conditions.WritePin;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.ChunkReader;
import io.unistore.spi.Md5;
import io.unistore.spi.ParallelUpload;
import io.unistore.spi.Streams;
import io.unistore.spi.UploadChecks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * One upload: a single PUT when the content fits in one part, else a multipart upload whose parts are read one
 * after another from the stream and sent {@code concurrency} at a time by the shared engine
 * ({@link ParallelUpload}), so memory stays at {@code partSize × (concurrency + 1)}. A multipart upload that fails for any reason is aborted: S3 shows the object
 * only on CompleteMultipartUpload, so nothing partial is ever visible. The result's MD5 is the one S3 reports on
 * later reads: the ETag of a single PUT, none for a multipart object.
 */
final class S3Upload {
    private static final Logger LOG = LoggerFactory.getLogger(S3Upload.class);

    private final S3Context ctx;
    private final String bucket;
    private final String key;
    private final UploadOptions options;
    private final Map<String, String> metadata;
    private final String storageClass;
    private final WritePin pin;
    private final String contentType;

    S3Upload(S3Context ctx, String bucket, String key, UploadOptions options, Map<String, String> metadata,
             WritePin pin) {
        this.ctx = ctx;
        this.bucket = bucket;
        this.key = key;
        this.options = options;
        this.metadata = metadata;
        this.storageClass = options.tier() == null ? null
                : S3Tiers.storageClass(options.tier(), ctx.settings.archiveClass());
        this.pin = pin;
        // S3 would say binary/octet-stream; the other providers say application/octet-stream.
        this.contentType = options.contentType() != null ? options.contentType() : "application/octet-stream";
    }

    /**
     * The tags sent with the object ({@code x-amz-tagging}, form-encoded), or null for none: the header must be
     * absent, not empty, when there are none (S3-compatible stores without tagging refuse it even empty).
     */
    private String tagging() {
        if (options.tags().isEmpty()) {
            return null;
        }
        StringJoiner query = new StringJoiner("&");
        options.tags().forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** Reads the stream to its end and stores it. */
    BlobWriteResult run(InputStream in) {
        int partSize = partSize();
        long length = options.length();
        ChunkReader.Chunk[] first = new ChunkReader.Chunk[1];
        ChunkReader reader = ChunkReader.start(in, partSize, length, first);
        if (length >= 0 && first[0].length() > length) {
            UploadChecks.length(first[0].length(), length);
        }
        if (reader.atEnd()) {
            UploadChecks.length(first[0].length(), length);
            return single(first[0].data(), first[0].length());
        }
        return multipart(reader, first[0], partSize);
    }

    private BlobWriteResult single(byte[] data, int n) {
        String digest = Md5.of(data, 0, n);
        UploadChecks.md5(digest, options.contentMd5());
        PutObjectResponse r;
        try {
            r = ctx.call("PutObject " + where(), () -> ctx.s3.putObject(b -> b.bucket(bucket).key(key)
                    .contentLength((long) n).contentMD5(digest).contentType(contentType)
                    .contentEncoding(options.contentEncoding()).cacheControl(options.cacheControl())
                    .contentDisposition(options.contentDisposition()).metadata(metadata).tagging(tagging())
                    .storageClass(storageClass).ifMatch(pin.ifMatch()).ifNoneMatch(pin.ifNoneMatch()),
                    body(data, n)));
        } catch (StorageException e) {
            throw S3Conditions.writeFailure(e, pin);
        }
        if (options.progress() != null) {
            options.progress().onProgress(n, n);
        }
        // The MD5 a later read reports (the ETag, unless KMS or a customer key encrypts the object), not ours.
        return new BlobWriteResult(r.eTag(), responseDate(r), n,
                S3Objects.md5(r.eTag(), r.serverSideEncryptionAsString(), r.sseCustomerAlgorithm()), r.versionId());
    }

    /**
     * The parts go through the shared engine ({@link ParallelUpload}); the upload is completed only once the
     * whole stream was read and its length and MD5 checked, and aborted on any failure.
     */
    private BlobWriteResult multipart(ChunkReader reader, ChunkReader.Chunk first, int partSize) {
        String uploadId = ctx.call("CreateMultipartUpload " + where(), () -> ctx.s3.createMultipartUpload(b -> b
                .bucket(bucket).key(key).contentType(contentType)
                .contentEncoding(options.contentEncoding()).cacheControl(options.cacheControl())
                .contentDisposition(options.contentDisposition()).metadata(metadata).tagging(tagging())
                .storageClass(storageClass))).uploadId();
        int concurrency = options.concurrency() > 0 ? options.concurrency() : ctx.settings.concurrency();
        Map<Integer, CompletedPart> parts = new ConcurrentSkipListMap<>();
        try {
            ParallelUpload.Outcome outcome = ParallelUpload.run(reader, first, partSize, concurrency, ctx.transfers,
                    (index, offset, data) -> parts.put(index, uploadPart(uploadId, index + 1, data, partSize)),
                    options.progress(), options.length(), this::failure);
            UploadChecks.check(outcome.bytes(), Md5.base64(outcome.md5()), options);
            List<CompletedPart> done = new ArrayList<>(parts.values());
            var r = ctx.call("CompleteMultipartUpload " + where(), () -> ctx.s3.completeMultipartUpload(b -> b
                    .bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(done))
                    .ifMatch(pin.ifMatch()).ifNoneMatch(pin.ifNoneMatch())));
            // S3 keeps no MD5 of a multipart object (its ETag is "<hex>-<parts>") and no read can report one, so
            // neither does the upload: the declared contentMd5, if any, was checked above before completing.
            return new BlobWriteResult(r.eTag(), responseDate(r), outcome.bytes(), null, r.versionId());
        } catch (StorageException e) {
            abort(uploadId);
            throw S3Conditions.writeFailure(e, pin);
        }
    }

    /** One part (S3 numbers them from 1, and allows 10000). */
    private CompletedPart uploadPart(String uploadId, int part, ByteBuffer data, int partSize) {
        if (part > S3Settings.MAX_PARTS) {
            throw StorageException.invalidArgument("length", "the content is longer than 10000 parts of "
                    + partSize + " bytes: give its length, or a larger blockSize");
        }
        int n = data.remaining();
        var r = ctx.call("UploadPart " + part + " of " + where(), () -> ctx.s3.uploadPart(b -> b
                .bucket(bucket).key(key).uploadId(uploadId).partNumber(part).contentLength((long) n),
                body(data.array(), n)));
        return CompletedPart.builder().partNumber(part).eTag(r.eTag()).build();
    }

    /** Aborts the upload so no part stays stored. */
    private void abort(String uploadId) {
        try {
            ctx.call("AbortMultipartUpload " + where(), () -> ctx.s3.abortMultipartUpload(b -> b.bucket(bucket)
                    .key(key).uploadId(uploadId)));
        } catch (StorageException e) {
            LOG.warn("could not abort the failed multipart upload of {} (S3 removes it by lifecycle rule only): {}",
                    where(), e.getMessage());
        }
    }

    private StorageException failure(Throwable t) {
        if (t instanceof StorageException se) {
            return se;
        }
        if (t instanceof InterruptedException) {
            return new StorageException(ErrorCode.UNAVAILABLE, "upload of " + where() + " was interrupted", t);
        }
        if (t instanceof IOException io) {
            return Streams.ioFailure("upload of " + where() + ": reading the content", io);
        }
        return new StorageException(ErrorCode.INTERNAL, "upload of " + where() + " failed: " + t, t);
    }

    private int partSize() {
        long wanted = options.blockSize() > 0 ? options.blockSize() : ctx.settings.partSize();
        if (options.length() > 0) {
            // S3 allows 10000 parts: a known large length raises the part size to fit in them.
            wanted = Math.max(wanted, (options.length() + S3Settings.MAX_PARTS - 1) / S3Settings.MAX_PARTS);
        }
        return (int) Math.min(S3Settings.MAX_BUFFERED_PART, Math.max(S3Settings.MIN_PART_SIZE, wanted));
    }

    private String where() {
        return bucket + "/" + key;
    }

    private static RequestBody body(byte[] data, int n) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, n), n,
                "application/octet-stream");
    }

    /** When S3 answered, from its Date header (S3 does not return Last-Modified on writes). */
    static Instant responseDate(SdkResponse r) {
        return r.sdkHttpResponse().firstMatchingHeader("Date")
                .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .orElseGet(() -> Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
