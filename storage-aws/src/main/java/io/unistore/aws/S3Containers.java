package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.blob.ContainerInfo;
import io.unistore.spi.ContinuationTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** Buckets as containers: create (with versioning when the account asks for it), list, delete with contents. */
final class S3Containers {
    private static final int DELETE_BATCH = 1000;
    private static final String AFTER = "after:";
    private static final String TOKEN = "s3:";

    private final S3Context ctx;

    S3Containers(S3Context ctx) {
        this.ctx = ctx;
    }

    void create(String container) {
        // In us-east-1 S3 answers 200 to creating a bucket one already owns; asking first keeps create-fails-if-
        // it-exists everywhere (a race with another creator there is the only gap).
        if (exists(container)) {
            throw new StorageException(ErrorCode.ALREADY_EXISTS, "container " + container + " already exists");
        }
        String region = ctx.settings.region();
        ctx.call("CreateBucket " + container, () -> ctx.s3.createBucket(b -> {
            b.bucket(container);
            if (!region.equals("us-east-1")) {
                b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            }
        }));
        if (ctx.settings.versioning()) {
            ctx.call("PutBucketVersioning " + container, () -> ctx.s3.putBucketVersioning(b -> b.bucket(container)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED))));
        }
    }

    boolean exists(String bucket) {
        try {
            ctx.call("HeadBucket " + bucket, () -> ctx.s3.headBucket(b -> b.bucket(bucket)));
            return true;
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    ContainerInfo properties(String bucket) {
        ctx.call("HeadBucket " + bucket, () -> ctx.s3.headBucket(b -> b.bucket(bucket)));
        return new ContainerInfo(bucket, Map.of(), null, null);
    }

    /**
     * Buckets in name order. S3 pages with max-buckets and a continuation token; a store that ignores them
     * (returns everything) is paged here, resuming after the last name shown.
     */
    PagedIterable<ContainerInfo> list(String prefix, int pageSize, String startToken) {
        return PagedIterable.of((token, size) -> page(prefix, size, ContinuationTokens.decode(token)), startToken,
                pageSize);
    }

    private Page<ContainerInfo> page(String prefix, int size, String state) {
        String serverToken = state != null && state.startsWith(TOKEN) ? state.substring(TOKEN.length()) : null;
        String after = state != null && state.startsWith(AFTER) ? state.substring(AFTER.length()) : null;
        if (state != null && serverToken == null && after == null) {
            throw StorageException.invalidArgument("continuationToken", "is not a token this listing returned");
        }
        ListBucketsResponse r = ctx.call("ListBuckets", () -> ctx.s3.listBuckets(b -> b.prefix(prefix)
                .maxBuckets(size).continuationToken(serverToken)));
        List<Bucket> buckets = new ArrayList<>(r.buckets());
        buckets.sort(Comparator.comparing(Bucket::name));
        List<ContainerInfo> items = new ArrayList<>();
        for (Bucket b : buckets) {
            if ((prefix == null || b.name().startsWith(prefix)) && (after == null || b.name().compareTo(after) > 0)) {
                items.add(new ContainerInfo(b.name(), Map.of(), b.creationDate(), null));
            }
        }
        if (items.size() > size) {
            items = items.subList(0, size);
            return new Page<>(items, ContinuationTokens.encode(AFTER + items.get(size - 1).name()));
        }
        String next = r.continuationToken() == null || r.continuationToken().isEmpty() ? null
                : ContinuationTokens.encode(TOKEN + r.continuationToken());
        return new Page<>(items, next);
    }

    /** Deletes the bucket with every object, version, delete marker and pending upload in it. */
    boolean delete(String bucket) {
        if (!exists(bucket)) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            empty(bucket);
            try {
                ctx.call("DeleteBucket " + bucket, () -> ctx.s3.deleteBucket(b -> b.bucket(bucket)));
                return true;
            } catch (StorageException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    return true; // deleted meanwhile by someone else: the container is gone either way
                }
                // BucketNotEmpty: something was written while emptying; empty again, a few times.
                if (!"BucketNotEmpty".equals(e.providerCode()) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void empty(String bucket) {
        abortUploads(bucket);
        List<ObjectIdentifier> batch = new ArrayList<>();
        try {
            for (var page : ctx.s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
                page.versions().forEach(v -> batch.add(id(v.key(), v.versionId())));
                page.deleteMarkers().forEach(m -> batch.add(id(m.key(), m.versionId())));
                flush(bucket, batch, false);
            }
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            StorageException se = AwsErrors.map("ListObjectVersions " + bucket, e);
            if (se.code() != ErrorCode.UNSUPPORTED) {
                throw se;
            }
            // A store without versions: plain keys are all there is.
            ctx.call("ListObjectsV2 " + bucket, () -> {
                for (var page : ctx.s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
                    page.contents().forEach(o -> batch.add(id(o.key(), null)));
                    flush(bucket, batch, false);
                }
                return null;
            });
        }
        flush(bucket, batch, true);
    }

    private void abortUploads(String bucket) {
        try {
            for (var page : ctx.s3.listMultipartUploadsPaginator(b -> b.bucket(bucket))) {
                for (var u : page.uploads()) {
                    ctx.call("AbortMultipartUpload " + bucket + "/" + u.key(), () -> ctx.s3.abortMultipartUpload(
                            b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
                }
            }
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            StorageException se = AwsErrors.map("ListMultipartUploads " + bucket, e);
            if (se.code() != ErrorCode.UNSUPPORTED) {
                throw se;
            }
        }
    }

    /** Sends full batches of 1000 (all that is left when {@code all}). */
    private void flush(String bucket, List<ObjectIdentifier> batch, boolean all) {
        while (batch.size() >= DELETE_BATCH || all && !batch.isEmpty()) {
            List<ObjectIdentifier> chunk = new ArrayList<>(batch.subList(0, Math.min(DELETE_BATCH, batch.size())));
            batch.subList(0, chunk.size()).clear();
            var r = ctx.call("DeleteObjects " + bucket, () -> ctx.s3.deleteObjects(b -> b.bucket(bucket)
                    .delete(d -> d.objects(chunk).quiet(true))));
            if (!r.errors().isEmpty()) {
                var first = r.errors().get(0);
                throw new StorageException(AwsErrors.code(200, first.code()), "emptying " + bucket + ": "
                        + r.errors().size() + " object(s) could not be deleted, e.g. " + first.key() + ": "
                        + first.message(), null, 200, first.code(), null);
            }
        }
    }

    private static ObjectIdentifier id(String key, String versionId) {
        return ObjectIdentifier.builder().key(key).versionId(versionId).build();
    }
}
