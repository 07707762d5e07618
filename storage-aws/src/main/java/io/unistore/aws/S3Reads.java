package io.unistore.aws;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.ReadOptions;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** HEAD and GET: properties, streamed and ranged reads, with the neutral conditions and versions. */
final class S3Reads {
    private final S3Context ctx;

    S3Reads(S3Context ctx) {
        this.ctx = ctx;
    }

    /**
     * The object's HEAD.
     *
     * @throws StorageException NOT_FOUND (also for a version id S3 finds malformed or that is a delete marker);
     *         PRECONDITION_FAILED (also for S3's 304 Not Modified)
     */
    HeadObjectResponse head(String bucket, String key, String versionId, RequestConditions conditions) {
        HeadObjectRequest.Builder b = HeadObjectRequest.builder().bucket(bucket).key(key).versionId(versionId);
        S3Conditions.onHead(b, conditions);
        HeadObjectResponse r;
        try {
            r = ctx.call("HeadObject " + where(bucket, key, versionId), () -> ctx.s3.headObject(b.build()));
        } catch (StorageException e) {
            throw versionNotFound(e, versionId);
        }
        if (S3Conditions.wantsAbsent(conditions)) {
            throw S3Conditions.existsAlthoughAbsentWanted("HeadObject " + where(bucket, key, versionId));
        }
        return r;
    }

    /** The current object's HEAD, or null when it does not exist. */
    HeadObjectResponse headOrNull(String bucket, String key, String versionId) {
        try {
            return head(bucket, key, versionId, RequestConditions.none());
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** The current object's HEAD; NOT_FOUND when it does not exist. */
    HeadObjectResponse existing(String bucket, String key) {
        return head(bucket, key, null, RequestConditions.none());
    }

    /** The content, or a range of it, as a stream that stops the transfer when closed early. */
    InputStream open(String bucket, String key, ReadOptions o) {
        ByteRange range = o.range();
        if (range != null && range.length() == 0) {
            checkStart(range, head(bucket, key, o.versionId(), o.conditions()));
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder b = GetObjectRequest.builder().bucket(bucket).key(key).versionId(o.versionId())
                .range(range == null ? null
                        : "bytes=" + range.offset() + "-" + (range.isOpenEnded() ? "" : range.lastByte()));
        S3Conditions.onGet(b, o.conditions());
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = ctx.call("GetObject " + where(bucket, key, o.versionId()), () -> ctx.s3.getObject(b.build()));
        } catch (StorageException e) {
            if (range != null && e.providerStatus() == 416) {
                checkStart(range, head(bucket, key, o.versionId(), o.conditions()));
                return InputStream.nullInputStream();
            }
            throw versionNotFound(e, o.versionId());
        }
        GetObjectResponse r = in.response();
        if (S3Conditions.wantsAbsent(o.conditions())) {
            in.abort();
            throw S3Conditions.existsAlthoughAbsentWanted("GetObject " + where(bucket, key, o.versionId()));
        }
        if (!S3Tiers.readable(r.storageClassAsString(), r.restore())) {
            in.abort();
            throw archived(bucket, key, r.storageClassAsString());
        }
        String what = "GetObject " + where(bucket, key, o.versionId());
        return new ObjectStream(in, range == null ? 0 : range.offset(), ctx.settings.maxAttempts() - 1,
                (from, end, etag) -> ctx.call(what, () -> ctx.s3.getObject(GetObjectRequest.builder().bucket(bucket)
                        .key(key).versionId(o.versionId()).range("bytes=" + from + "-" + (end - 1)).ifMatch(etag)
                        .build())));
    }

    /** CONFLICT for an archived object, as S3's InvalidObjectState (also where a store does not enforce it). */
    static StorageException archived(String bucket, String key, String storageClass) {
        return new StorageException(ErrorCode.CONFLICT, bucket + "/" + key + " is archived ("
                + S3Tiers.className(storageClass) + "): set another tier to restore it, then read it", null, 0,
                "InvalidObjectState", null);
    }

    /**
     * A range must start inside the blob, or at 0 of an empty one (which reads nothing); S3 answers 416 to both
     * that and a start beyond the end.
     */
    private static void checkStart(ByteRange range, HeadObjectResponse head) {
        long size = head.contentLength() == null ? 0 : head.contentLength();
        if (range.offset() >= size && !(range.offset() == 0 && size == 0)) {
            throw StorageException.invalidArgument("range", "starts at " + range.offset()
                    + ", at or beyond the end of the blob (" + size + " bytes)");
        }
    }

    private static StorageException versionNotFound(StorageException e, String versionId) {
        // S3 answers a malformed version id with 400 InvalidArgument, and HEAD of a delete marker with 405.
        if (versionId != null && (e.providerStatus() == 400 || e.providerStatus() == 405)) {
            return new StorageException(ErrorCode.NOT_FOUND, "version " + versionId + " does not exist: "
                    + e.getMessage(), e, e.providerStatus(), e.providerCode(), e.requestId());
        }
        return e;
    }

    private static String where(String bucket, String key, String versionId) {
        return bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
    }
}
