package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.aws.S3Conditions.WritePin;
import io.unistore.aws.S3Copy.Headers;
import io.unistore.aws.S3Copy.Job;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.ContainerLifecycleRule;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.BlobBackend;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * S3 as a {@link BlobBackend}: buckets are containers, objects are blobs. Each operation lives in a helper of its
 * own (uploads, copies, listings, buckets, reads, presigning); this class routes. Names and options arrive
 * checked by the API against {@link S3Account#capabilities}.
 */
final class S3BlobStore implements BlobBackend {
    private final S3Context ctx;
    private final S3Containers containers;
    private final S3Listing listing;
    private final S3Copy copier;
    private final S3Reads reads;
    private final S3ParallelDownload parallel;

    S3BlobStore(S3Context ctx) {
        this.ctx = ctx;
        this.containers = new S3Containers(ctx);
        this.listing = new S3Listing(ctx);
        this.copier = new S3Copy(ctx);
        this.reads = new S3Reads(ctx);
        this.parallel = new S3ParallelDownload(ctx);
    }

    // ---- containers -------------------------------------------------------------------------------

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        containers.create(container);
    }

    @Override
    public boolean deleteContainer(String container) {
        return containers.delete(container);
    }

    @Override
    public boolean containerExists(String container) {
        return containers.exists(container);
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        return containers.properties(container);
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        return containers.list(options.prefix(), options.pageSize(), options.continuationToken());
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Override
    public BlobWriteResult upload(String bucket, String key, InputStream content, UploadOptions options) {
        Map<String, String> metadata = S3Metadata.toS3(options.metadata());
        RequestConditions c = options.conditions();
        WritePin pin = S3Conditions.sendable(c) ? S3Conditions.direct(c)
                : S3Conditions.check(c, reads.headOrNull(bucket, key, null), "upload of " + bucket + "/" + key);
        return new S3Upload(ctx, bucket, key, options, metadata, pin).run(content);
    }

    @Override
    public BlobWriteResult setMetadata(String bucket, String key, Map<String, String> metadata,
                                       RequestConditions conditions) {
        Map<String, String> s3Metadata = S3Metadata.toS3(metadata);
        HeadObjectResponse head = reads.existing(bucket, key);
        S3Conditions.check(conditions, head, "setMetadata of " + bucket + "/" + key);
        // A copy onto itself with new headers; the HEAD's ETag pins the source, the class is kept.
        return copier.run(new Job(bucket, key, null, head, bucket, key, Headers.of(head).withMetadata(s3Metadata),
                head.storageClassAsString(), WritePin.NONE));
    }

    @Override
    public BlobWriteResult copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey,
                                CopyOptions options) {
        HeadObjectResponse source = reads.head(sourceBucket, sourceKey, options.sourceVersionId(),
                options.sourceConditions());
        Headers replace = null;
        if (options.metadata() != null || options.contentType() != null) {
            replace = Headers.of(source);
            if (options.metadata() != null) {
                replace = replace.withMetadata(S3Metadata.toS3(options.metadata()));
            }
            if (options.contentType() != null) {
                replace = replace.withContentType(options.contentType());
            }
        }
        // Target conditions are checked on a HEAD and also sent, pinned to it: S3 enforces them atomically on
        // CopyObject, stores that ignore them there (S3Proxy) are still held to what the HEAD saw.
        RequestConditions c = options.targetConditions();
        WritePin pin = c.isEmpty() ? WritePin.NONE : S3Conditions.check(c,
                reads.headOrNull(targetBucket, targetKey, null), "copy to " + targetBucket + "/" + targetKey);
        String storageClass = options.tier() == null ? null
                : S3Tiers.storageClass(options.tier(), ctx.settings.archiveClass());
        return copier.run(new Job(sourceBucket, sourceKey, options.sourceVersionId(), source, targetBucket,
                targetKey, replace, storageClass, pin));
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return reads.open(container, blob, options);
    }

    @Override
    public void downloadToFile(String bucket, String key, Path file, ReadOptions options) {
        // The API pinned the ETag it read; this HEAD (under the same conditions) gives the size to split by.
        BlobProperties p = getProperties(bucket, key, options);
        if (p.tier() == AccessTier.ARCHIVE && !"restored".equals(p.archiveStatus())) {
            throw S3Reads.archived(bucket, key, p.tierName());
        }
        if (options.range() == null && parallel.worthIt(p.size())) {
            parallel.run(bucket, key, p, file, options);
        } else {
            BlobBackend.super.downloadToFile(bucket, key, file, options);
        }
    }

    @Override
    public BlobProperties getProperties(String bucket, String key, ReadOptions options) {
        BlobProperties p = S3Objects.fromHead(bucket, key, reads.head(bucket, key, options.versionId(),
                options.conditions()));
        if (options.versionId() != null) {
            HeadObjectResponse current = reads.headOrNull(bucket, key, null);
            p = p.toBuilder().currentVersion(current != null && options.versionId().equals(current.versionId()))
                    .build();
        }
        return p;
    }

    @Override
    public boolean exists(String container, String blob) {
        return reads.headOrNull(container, blob, null) != null;
    }

    @Override
    public PagedIterable<BlobItem> list(String bucket, ListBlobsOptions options) {
        return listing.blobs(bucket, options, (b, key) -> {
            HeadObjectResponse h = reads.headOrNull(b, key, null);
            return h == null ? null : S3Objects.fromHead(b, key, h);
        });
    }

    // ---- deleting -----------------------------------------------------------------------------------

    @Override
    public boolean delete(String bucket, String key, DeleteBlobOptions options) {
        HeadObjectResponse head;
        try {
            head = reads.head(bucket, key, options.versionId(), options.conditions());
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
        // A version never changes, so its HEAD settled the conditions; the current object is pinned to its ETag.
        String ifMatch = options.versionId() == null && !options.conditions().isEmpty() ? head.eTag() : null;
        ctx.call("DeleteObject " + bucket + "/" + key, () -> ctx.s3.deleteObject(b -> b.bucket(bucket).key(key)
                .versionId(options.versionId()).ifMatch(ifMatch)));
        return true;
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        return new S3BatchDelete(ctx).run(container, blobs);
    }

    // ---- tags ---------------------------------------------------------------------------------------

    @Override
    public void setTags(String container, String blob, Map<String, String> tags) {
        new S3Tags(ctx).set(container, blob, tags);
    }

    @Override
    public Map<String, String> getTags(String container, String blob) {
        return new S3Tags(ctx).get(container, blob);
    }

    // ---- lifecycle rules S3 enforces ----------------------------------------------------------------

    @Override
    public void setContainerLifecycle(String container, List<ContainerLifecycleRule> rules) {
        new S3BucketLifecycle(ctx).set(container, rules);
    }

    @Override
    public List<ContainerLifecycleRule> getContainerLifecycle(String container) {
        return new S3BucketLifecycle(ctx).get(container);
    }

    // ---- tiers, versions, URLs ------------------------------------------------------------------------

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        new S3TierChange(ctx, copier, reads).run(container, blob, tier);
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        return listing.versions(container, blob, options.pageSize(), options.continuationToken());
    }

    @Override
    public BlobWriteResult restoreVersion(String bucket, String key, String versionId) {
        HeadObjectResponse version = reads.head(bucket, key, versionId, RequestConditions.none());
        return copier.run(new Job(bucket, key, versionId, version, bucket, key, null,
                version.storageClassAsString(), WritePin.NONE));
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        return S3Presign.url(ctx, container, blob, options);
    }
}
