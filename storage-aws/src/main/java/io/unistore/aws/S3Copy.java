package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.aws.S3Conditions.WritePin;
import io.unistore.blob.BlobWriteResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * Server-side copies: CopyObject up to 5 GiB (the account's {@code multipartCopyThreshold}), beyond that a
 * multipart upload of UploadPartCopy ranges sent in parallel. The source is pinned to the ETag its HEAD saw, so
 * every part comes from one version of it. Metadata changes and storage-class changes are copies in place.
 */
final class S3Copy {
    private static final Logger LOG = LoggerFactory.getLogger(S3Copy.class);
    private static final long PREFERRED_COPY_PART = 512L * 1024 * 1024;

    /**
     * The headers a copy writes when it replaces them.
     *
     * @param metadata S3 metadata as sent (see {@link S3Metadata#toS3})
     */
    record Headers(String contentType, String contentEncoding, String cacheControl, String contentDisposition,
                   Map<String, String> metadata) {
        static Headers of(HeadObjectResponse h) {
            return new Headers(h.contentType(), h.contentEncoding(), h.cacheControl(), h.contentDisposition(),
                    h.metadata());
        }

        Headers withMetadata(Map<String, String> m) {
            return new Headers(contentType, contentEncoding, cacheControl, contentDisposition, m);
        }

        Headers withContentType(String type) {
            return new Headers(type, contentEncoding, cacheControl, contentDisposition, metadata);
        }
    }

    /**
     * One copy.
     *
     * @param source the source's HEAD (its ETag pins the source, its size picks single or multipart copy)
     * @param replace the target's headers, or null to keep the source's
     * @param storageClass the target's class, or null for S3's default (STANDARD)
     */
    record Job(String sourceBucket, String sourceKey, String sourceVersionId, HeadObjectResponse source,
               String targetBucket, String targetKey, Headers replace, String storageClass, WritePin pin) {
        String what() {
            return sourceBucket + "/" + sourceKey + (sourceVersionId == null ? "" : "?versionId=" + sourceVersionId)
                    + " to " + targetBucket + "/" + targetKey;
        }
    }

    private final S3Context ctx;

    S3Copy(S3Context ctx) {
        this.ctx = ctx;
    }

    BlobWriteResult run(Job job) {
        if (!S3Tiers.readable(job.source().storageClassAsString(), job.source().restore())) {
            throw new StorageException(ErrorCode.CONFLICT, "copy of " + job.what() + ": the source is archived ("
                    + S3Tiers.className(job.source().storageClassAsString()) + "); restore it first", null, 0,
                    "InvalidObjectState", null);
        }
        long size = job.source().contentLength() == null ? 0 : job.source().contentLength();
        try {
            return size > ctx.settings.multipartCopyThreshold() ? multipart(job, size) : single(job, size);
        } catch (StorageException e) {
            throw S3Conditions.writeFailure(e, job.pin());
        }
    }

    private BlobWriteResult single(Job job, long size) {
        Headers h = job.replace();
        var r = ctx.call("CopyObject " + job.what(), () -> ctx.s3.copyObject(b -> {
            b.sourceBucket(job.sourceBucket()).sourceKey(job.sourceKey()).sourceVersionId(job.sourceVersionId())
                    .copySourceIfMatch(job.source().eTag())
                    .destinationBucket(job.targetBucket()).destinationKey(job.targetKey())
                    .storageClass(job.storageClass()).ifMatch(job.pin().ifMatch())
                    .ifNoneMatch(job.pin().ifNoneMatch());
            if (h == null) {
                b.metadataDirective(MetadataDirective.COPY);
            } else {
                b.metadataDirective(MetadataDirective.REPLACE).contentType(h.contentType())
                        .contentEncoding(h.contentEncoding()).cacheControl(h.cacheControl())
                        .contentDisposition(h.contentDisposition()).metadata(h.metadata());
            }
        }));
        String etag = r.copyObjectResult().eTag();
        return new BlobWriteResult(etag, r.copyObjectResult().lastModified(), size, S3Objects.md5(etag,
                r.serverSideEncryptionAsString(), r.sseCustomerAlgorithm()), r.versionId());
    }

    private BlobWriteResult multipart(Job job, long size) {
        Headers h = job.replace() != null ? job.replace() : Headers.of(job.source());
        String uploadId = ctx.call("CreateMultipartUpload " + job.what(), () -> ctx.s3.createMultipartUpload(b -> b
                .bucket(job.targetBucket()).key(job.targetKey()).contentType(h.contentType())
                .contentEncoding(h.contentEncoding()).cacheControl(h.cacheControl())
                .contentDisposition(h.contentDisposition()).metadata(h.metadata())
                .storageClass(job.storageClass()))).uploadId();
        long partSize = Math.max((size + S3Settings.MAX_PARTS - 1) / S3Settings.MAX_PARTS,
                Math.min(ctx.settings.multipartCopyThreshold(), PREFERRED_COPY_PART));
        BoundedTasks<CompletedPart> parts = new BoundedTasks<>(ctx.transfers, ctx.settings.concurrency());
        try {
            int part = 1;
            for (long offset = 0; offset < size; offset += partSize, part++) {
                String range = "bytes=" + offset + "-" + (Math.min(size, offset + partSize) - 1);
                int number = part;
                parts.submit(() -> {
                    var r = ctx.call("UploadPartCopy " + number + " of " + job.what(), () -> ctx.s3.uploadPartCopy(
                            b -> b.sourceBucket(job.sourceBucket()).sourceKey(job.sourceKey())
                                    .sourceVersionId(job.sourceVersionId()).copySourceIfMatch(job.source().eTag())
                                    .copySourceRange(range).destinationBucket(job.targetBucket())
                                    .destinationKey(job.targetKey()).uploadId(uploadId).partNumber(number)));
                    return CompletedPart.builder().partNumber(number).eTag(r.copyPartResult().eTag()).build();
                });
            }
            List<CompletedPart> done = parts.awaitAll();
            var r = ctx.call("CompleteMultipartUpload " + job.what(), () -> ctx.s3.completeMultipartUpload(b -> b
                    .bucket(job.targetBucket()).key(job.targetKey()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done)).ifMatch(job.pin().ifMatch())
                    .ifNoneMatch(job.pin().ifNoneMatch())));
            return new BlobWriteResult(r.eTag(), S3Upload.responseDate(r), size, null, r.versionId());
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            parts.abandon();
            abort(job, uploadId);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new StorageException(ErrorCode.UNAVAILABLE, "copy of " + job.what() + " was interrupted", e);
            }
            Throwable t = e instanceof ExecutionException ? e.getCause() : e;
            throw t instanceof StorageException se ? se
                    : new StorageException(ErrorCode.INTERNAL, "copy of " + job.what() + " failed: " + t, t);
        }
    }

    private void abort(Job job, String uploadId) {
        try {
            ctx.call("AbortMultipartUpload " + job.what(), () -> ctx.s3.abortMultipartUpload(b -> b
                    .bucket(job.targetBucket()).key(job.targetKey()).uploadId(uploadId)));
        } catch (StorageException e) {
            LOG.warn("could not abort the failed multipart copy {}: {}", job.what(), e.getMessage());
        }
    }
}
