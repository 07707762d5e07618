package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.aws.S3Conditions.WritePin;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * One upload: a single PUT when the content fits in one part, else a multipart upload whose parts are read one
 * after another from the stream and sent {@code concurrency} at a time, so memory stays at
 * {@code partSize × concurrency}. A multipart upload that fails for any reason is aborted: S3 shows the object
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
    private final MessageDigest md5 = md5();
    private final AtomicLong sent = new AtomicLong();
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

    /** Reads the stream to its end and stores it. */
    BlobWriteResult run(InputStream in) {
        int partSize = partSize();
        long length = options.length();
        byte[] first;
        int n;
        try {
            if (length >= 0 && length <= partSize) {
                first = new byte[(int) length];
                n = readFully(in, first);
                expectLength(n + drain(in), length);
            } else {
                first = new byte[length < 0 ? Math.min(partSize, 64 * 1024) : partSize];
                n = readFully(in, first);
                while (n == first.length && first.length < partSize) {
                    first = java.util.Arrays.copyOf(first, (int) Math.min(partSize, first.length * 4L));
                    n += readFully(in, first, n);
                }
            }
        } catch (IOException e) {
            throw Streams.ioFailure("upload of " + where() + ": reading the content", e);
        }
        if (n < partSize || length == n) {
            expectLength(n, length);
            return single(first, n);
        }
        return multipart(in, first, partSize);
    }

    private BlobWriteResult single(byte[] data, int n) {
        md5.update(data, 0, n);
        String digest = Base64.getEncoder().encodeToString(md5.digest());
        checkMd5(digest);
        PutObjectResponse r;
        try {
            r = ctx.call("PutObject " + where(), () -> ctx.s3.putObject(b -> b.bucket(bucket).key(key)
                    .contentLength((long) n).contentMD5(digest).contentType(contentType)
                    .contentEncoding(options.contentEncoding()).cacheControl(options.cacheControl())
                    .contentDisposition(options.contentDisposition()).metadata(metadata)
                    .storageClass(storageClass).ifMatch(pin.ifMatch()).ifNoneMatch(pin.ifNoneMatch()),
                    body(data, n)));
        } catch (StorageException e) {
            throw S3Conditions.writeFailure(e, pin);
        }
        progress(n, n);
        // The MD5 a later read reports (the ETag, unless KMS or a customer key encrypts the object), not ours.
        return new BlobWriteResult(r.eTag(), responseDate(r), n,
                S3Objects.md5(r.eTag(), r.serverSideEncryptionAsString(), r.sseCustomerAlgorithm()), r.versionId());
    }

    private BlobWriteResult multipart(InputStream in, byte[] first, int partSize) {
        String uploadId = ctx.call("CreateMultipartUpload " + where(), () -> ctx.s3.createMultipartUpload(b -> b
                .bucket(bucket).key(key).contentType(contentType)
                .contentEncoding(options.contentEncoding()).cacheControl(options.cacheControl())
                .contentDisposition(options.contentDisposition()).metadata(metadata).storageClass(storageClass)))
                .uploadId();
        int concurrency = options.concurrency() > 0 ? options.concurrency() : ctx.settings.concurrency();
        BoundedTasks<CompletedPart> parts = new BoundedTasks<>(ctx.transfers, concurrency);
        ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
        try {
            byte[] buffer = first;
            int n = first.length;
            long total = 0;
            for (int part = 1; n > 0; part++) {
                if (part > S3Settings.MAX_PARTS) {
                    throw StorageException.invalidArgument("length", "the content is longer than 10000 parts of "
                            + partSize + " bytes: give its length, or a larger blockSize");
                }
                if (options.contentMd5() != null) {
                    md5.update(buffer, 0, n);
                }
                total += n;
                parts.submit(uploadPart(uploadId, part, buffer, n, free));
                if (n < partSize) {
                    break;
                }
                buffer = free.poll();
                if (buffer == null) {
                    buffer = new byte[partSize];
                }
                n = readFully(in, buffer);
            }
            expectLength(total, options.length());
            List<CompletedPart> done = new ArrayList<>(parts.awaitAll());
            if (options.contentMd5() != null) {
                checkMd5(Base64.getEncoder().encodeToString(md5.digest()));
            }
            done.sort(Comparator.comparing(CompletedPart::partNumber));
            long size = total;
            var r = ctx.call("CompleteMultipartUpload " + where(), () -> ctx.s3.completeMultipartUpload(b -> b
                    .bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(done))
                    .ifMatch(pin.ifMatch()).ifNoneMatch(pin.ifNoneMatch())));
            // S3 keeps no MD5 of a multipart object (its ETag is "<hex>-<parts>") and no read can report one, so
            // neither does the upload: the declared contentMd5, if any, was checked above before completing.
            return new BlobWriteResult(r.eTag(), responseDate(r), size, null, r.versionId());
        } catch (Exception e) {
            parts.abandon();
            abort(uploadId);
            throw failure(e);
        }
    }

    /** One part; its buffer goes back to the pool when sent. */
    private Callable<CompletedPart> uploadPart(String uploadId, int part, byte[] buffer, int n,
                                               ConcurrentLinkedQueue<byte[]> free) {
        return () -> {
            try {
                var r = ctx.call("UploadPart " + part + " of " + where(), () -> ctx.s3.uploadPart(b -> b
                        .bucket(bucket).key(key).uploadId(uploadId).partNumber(part).contentLength((long) n),
                        body(buffer, n)));
                progress(sent.addAndGet(n), options.length());
                return CompletedPart.builder().partNumber(part).eTag(r.eTag()).build();
            } finally {
                free.add(buffer);
            }
        };
    }

    /** Aborts the upload so no part stays stored (once no part is in flight). */
    private void abort(String uploadId) {
        try {
            ctx.call("AbortMultipartUpload " + where(), () -> ctx.s3.abortMultipartUpload(b -> b.bucket(bucket)
                    .key(key).uploadId(uploadId)));
        } catch (StorageException e) {
            LOG.warn("could not abort the failed multipart upload of {} (S3 removes it by lifecycle rule only): {}",
                    where(), e.getMessage());
        }
    }

    private StorageException failure(Exception e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof StorageException se) {
            return S3Conditions.writeFailure(se, pin);
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
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

    private void checkMd5(String actual) {
        if (options.contentMd5() != null && !options.contentMd5().equals(actual)) {
            throw StorageException.invalidArgument("contentMd5", "the content's MD5 is " + actual + ", not "
                    + options.contentMd5() + "; nothing was stored");
        }
    }

    private static void expectLength(long actual, long expected) {
        if (expected >= 0 && actual != expected) {
            throw StorageException.invalidArgument("length", "the stream held " + actual + " bytes, not the "
                    + expected + " announced; nothing was stored");
        }
    }

    private void progress(long done, long total) {
        if (options.progress() != null) {
            options.progress().onProgress(done, total);
        }
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

    static int readFully(InputStream in, byte[] buffer) throws IOException {
        return readFully(in, buffer, 0);
    }

    private static int readFully(InputStream in, byte[] buffer, int offset) throws IOException {
        int done = 0;
        while (offset + done < buffer.length) {
            int r = in.read(buffer, offset + done, buffer.length - offset - done);
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** What remains of a stream that should have ended (counted, not kept). */
    private static long drain(InputStream in) throws IOException {
        return in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
